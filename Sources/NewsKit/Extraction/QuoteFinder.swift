/// Finds quoted spans in a story (first cut: nothing yet).
public struct QuoteFinder: Sendable {
    public init() {}
    /// Quotes with kind and parts set, speaker not yet known.
    public func find(in story: Story) -> (body: [Quote], headline: [Quote]) { ([], []) }
}
