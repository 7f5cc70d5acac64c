import NewsResources

/// Word lists the extractor consults, loaded once from `Resources/gazetteers`.
///
/// Lookups are exact on the form as written ("Paris", "U.S."); the `folded`
/// tables hold upper-cased keys for ALL-CAPS text (datelines, subheads).
public struct Gazetteer: Sendable {
    public static let shared = Gazetteer()

    /// Verbs that introduce speech ("said", "told", "added"), all forms.
    public let speechVerbs: Set<String>

    /// Place forms (countries, capitals, major cities, US states, regions,
    /// short forms such as "U.S.") mapped to their canonical name.
    public let places: [String: String]
    /// `places` keyed by the upper-cased form, for ALL-CAPS text.
    let foldedPlaces: [String: String]
    /// The canonical place names (the values of `places`).
    let placeNames: Set<String>
    /// Demonyms and place adjectives ("French") mapped to their place ("France").
    public let demonyms: [String: String]
    /// Well-known organisations and acronyms ("NATO", "State Department").
    public let organizations: Set<String>
    /// `organizations` keyed by the upper-cased form, mapped to the written form.
    let foldedOrganizations: [String: String]
    /// Words that make a capitalised name an organisation ("Ministry", "Bank", "FC").
    public let organizationCues: Set<String>
    /// Last words that make a capitalised name a place ("Palace", "River").
    public let placeCues: Set<String>
    /// Titles and honorifics written before names, single words and phrases
    /// ("Sen.", "Secretary of State"); never part of a name.
    public let titles: Set<String>
    /// The most words in any title phrase.
    let longestTitle: Int
    /// Honorifics that mark a person by surname ("Mr.", "Ms.", "Dr.").
    let honorifics: Set<String>
    /// Lower-case role nouns ("spokesperson", "adviser", "chief of staff").
    public let roleNouns: Set<String>
    /// Common given names: evidence that a capitalised run is a person.
    public let givenNames: Set<String>
    /// Capitalised words that are never names on their own (months, weekdays,
    /// words that start sentences).
    public let nonNames: Set<String>
    /// Personal pronouns and words that stand for a speaker without naming one.
    public let pronouns: Set<String>
    /// Lower-case particles inside names ("van", "de", "bin").
    public let nameConnectors: Set<String>
    /// Capitalised adjectives that are not names (parties, religions: "Republican").
    public let nameAdjectives: Set<String>
    /// Last words of names that are neither people, organisations nor places
    /// ("Act", "Prize", "Cup").
    public let otherCues: Set<String>
    /// Words written with a full stop that does not end a sentence ("Mr", "Sen", "Inc").
    let abbreviations: Set<String>

    public init() {
        speechVerbs = Set(NewsResources.gazetteer("speech-verbs").map { $0.lowercased() })

        var places: [String: String] = [:]
        for list in ["countries", "capitals", "cities", "us-states", "regions"] {
            for name in NewsResources.gazetteer(list) { places[name] = name }
        }
        for line in NewsResources.gazetteer("place-aliases") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            if parts.count == 2 { places[parts[0]] = parts[1] }
        }
        self.places = places
        placeNames = Set(places.values)
        var foldedPlaces: [String: String] = [:]
        for (form, name) in places where foldedPlaces[form.uppercased()] == nil {
            foldedPlaces[form.uppercased()] = name
        }
        self.foldedPlaces = foldedPlaces

        var demonyms: [String: String] = [:]
        for line in NewsResources.gazetteer("demonyms") {
            let parts = line.split(separator: "|", maxSplits: 1).map(String.init)
            if parts.count == 2 { demonyms[parts[0]] = parts[1] }
        }
        self.demonyms = demonyms

        organizations = Set(NewsResources.gazetteer("organizations"))
        var foldedOrganizations: [String: String] = [:]
        for name in organizations { foldedOrganizations[name.uppercased()] = name }
        self.foldedOrganizations = foldedOrganizations
        organizationCues = Set(NewsResources.gazetteer("org-cues"))
        placeCues = Set(NewsResources.gazetteer("place-cues"))
        titles = Set(NewsResources.gazetteer("titles"))
        longestTitle = titles.map { $0.split(separator: " ").count }.max() ?? 1
        honorifics = ["Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mx.", "Dr.", "Dr"]
        roleNouns = Set(NewsResources.gazetteer("role-nouns").map { $0.lowercased() })
        givenNames = Set(NewsResources.gazetteer("given-names"))
        nonNames = Set(NewsResources.gazetteer("non-names"))
        pronouns = Set(NewsResources.gazetteer("pronouns").map { $0.lowercased() })
        nameConnectors = Set(NewsResources.gazetteer("name-connectors"))
        nameAdjectives = Set(NewsResources.gazetteer("name-adjectives"))
        otherCues = Set(NewsResources.gazetteer("other-cues"))

        var abbreviations: Set<String> = []
        for entry in titles.union(organizationCues).union(placeCues).union(nonNames) {
            for word in entry.split(separator: " ") where word.count > 1 && word.hasSuffix(".") {
                let bare = word.dropLast()
                if !bare.contains(".") { abbreviations.insert(String(bare)) }
            }
        }
        self.abbreviations = abbreviations
    }

    /// The canonical place for a form as written ("U.S." -> "United States",
    /// "PARIS" -> "Paris"), or nil when the gazetteer does not know it.
    public func place(_ form: String) -> String? {
        if let name = places[form] { return name }
        if form.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return nil }
        return foldedPlaces[form.uppercased()]
    }

    /// The organisation for a form as written, accepting ALL-CAPS forms.
    public func organization(_ form: String) -> String? {
        if organizations.contains(form) { return form }
        if form.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return nil }
        return foldedOrganizations[form.uppercased()]
    }

    /// Whether a word or phrase is a title written before names ("Sen.", "President").
    public func isTitle(_ words: String) -> Bool { titles.contains(words) }

    /// Whether a lower-case word or phrase names a role ("spokesperson", "chief of staff").
    public func isRoleNoun(_ words: String) -> Bool { roleNouns.contains(words.lowercased()) }

    /// Whether a word is a personal pronoun ("he", "She", "they").
    public func isPronoun(_ word: String) -> Bool { pronouns.contains(word.lowercased()) }

    /// Whether a capitalised word describes rather than names: a demonym
    /// ("French", "Ukrainians") or an adjective of party or faith ("Republican").
    public func isNameAdjective(_ word: String) -> Bool {
        nameAdjectives.contains(word) || demonymPlace(word) != nil
    }

    /// The place a demonym refers to ("French" -> "France", "Ukrainians" -> "Ukraine").
    public func demonymPlace(_ word: String) -> String? {
        if let place = demonyms[word] { return place }
        if word.hasSuffix("s"), let place = demonyms[String(word.dropLast())] { return place }
        if word.hasSuffix("men") || word.hasSuffix("women") {
            return demonyms[String(word.dropLast(3)) + "man"]
        }
        return nil
    }
}
