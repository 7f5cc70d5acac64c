import NewsResources

/// Word lists the extractor consults, loaded once from `Resources/gazetteers`.
public struct Gazetteer: Sendable {
    public static let shared = Gazetteer()

    /// Verbs that introduce speech ("said", "told", "added"), all forms.
    public let speechVerbs: Set<String>

    public init() {
        speechVerbs = Set(NewsResources.gazetteer("speech-verbs").map { $0.lowercased() })
    }
}
