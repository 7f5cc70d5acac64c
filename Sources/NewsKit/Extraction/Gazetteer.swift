import NewsResources

/// Word lists the extractor consults, loaded once from `Resources/gazetteers`.
///
/// Lookups are exact on the form as written ("Paris", "U.S."); the `folded`
/// tables hold upper-cased keys for ALL-CAPS text (datelines, subheads).
///
/// A class, not a struct: every recognizer, classifier and cluster set holds
/// it, and copying two dozen tables (a retain and a release each) with every
/// copy of those values was a measurable part of extraction.
public final class Gazetteer: Sendable {
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
    /// The most words in a title phrase, by its first word ("Prime" -> 2):
    /// no longer phrase starting with that word needs to be tried.
    let longestTitleByFirstWord: [String: Int]
    /// First words of titles, to skip phrase matching at most words.
    let titleFirstWords: Set<String>
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
    /// `abbreviations` by the hash of their bytes (`NameScanner.key`).
    let abbreviationKeys: Set<UInt64>
    /// `nameConnectors` by `NameScanner.key` of their bytes (0 stored as 1):
    /// the name-run classifier asks of every lower-case word after a name,
    /// and only a word whose key is here needs a `String` to confirm it.
    let nameConnectorKeys: SpeechWordSet
    /// `foldedKey` of every key of `foldedPlaces` and `foldedOrganizations`
    /// (every place form and organisation name, upper-cased): an ASCII phrase
    /// whose key is absent is neither, decided without a `String` or a hash of one.
    let foldedNameKeys: FoldedKeys

    /// What the lists say about one capitalised word, from a single lookup.
    struct WordFlags: OptionSet, Sendable {
        let rawValue: UInt32
        static let nonName = WordFlags(rawValue: 1 << 0)
        static let givenName = WordFlags(rawValue: 1 << 1)
        static let titleFirst = WordFlags(rawValue: 1 << 2)
        static let title = WordFlags(rawValue: 1 << 3)
        static let orgCue = WordFlags(rawValue: 1 << 4)
        static let placeCue = WordFlags(rawValue: 1 << 5)
        static let otherCue = WordFlags(rawValue: 1 << 6)
        static let adjective = WordFlags(rawValue: 1 << 7)
        static let place = WordFlags(rawValue: 1 << 8)
        static let organization = WordFlags(rawValue: 1 << 9)
        static let weekday = WordFlags(rawValue: 1 << 10)
        static let closedClass = WordFlags(rawValue: 1 << 11)
        static let direction = WordFlags(rawValue: 1 << 12)
        static let placeStart = WordFlags(rawValue: 1 << 13)
        static let ofHead = WordFlags(rawValue: 1 << 14)
        static let demonym = WordFlags(rawValue: 1 << 15)
    }
    /// Flags of every single word named by any list (places and organisations
    /// also under their upper-cased form).
    let wordFlags: [String: WordFlags]

    /// `wordFlags` keyed by the hash of each word's UTF-8 bytes (`NameScanner.key`).
    let flagsByKey: [UInt64: WordFlags]

    /// One lookup for everything the lists know about a word.
    @inline(__always) func flags(_ word: String) -> WordFlags { wordFlags[word] ?? [] }

    /// The flags of a scanned word, by its byte hash.
    @inline(__always) func flags(key: UInt64) -> WordFlags {
        // The open-addressed table keeps no zero key: that one asks the dictionary.
        key == 0 ? flagsByKey[0] ?? [] : WordFlags(rawValue: flagTable.value(key))
    }
    /// `flagsByKey` as an open-addressed table: every capitalised word asks it.
    let flagTable: SpeechWordTable<UInt32>

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
        var longestByFirst: [String: Int] = [:]
        for title in titles {
            let words = title.split(separator: " ")
            guard let first = words.first else { continue }
            longestByFirst[String(first)] = max(longestByFirst[String(first)] ?? 0, words.count)
        }
        longestTitleByFirstWord = longestByFirst
        titleFirstWords = Set(titles.compactMap { $0.split(separator: " ").first.map(String.init) })
        honorifics = ["Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mx.", "Dr.", "Dr"]
        roleNouns = Set(NewsResources.gazetteer("role-nouns").map { $0.lowercased() })
        givenNames = Set(NewsResources.gazetteer("given-names"))
        nonNames = Set(NewsResources.gazetteer("non-names"))
        pronouns = Set(NewsResources.gazetteer("pronouns").map { $0.lowercased() })
        nameConnectors = Set(NewsResources.gazetteer("name-connectors"))
        nameAdjectives = Set(NewsResources.gazetteer("name-adjectives"))
        otherCues = Set(NewsResources.gazetteer("other-cues"))

        var flags: [String: WordFlags] = [:]
        func mark<S: Sequence>(_ words: S, _ flag: WordFlags) where S.Element == String {
            for word in words { flags[word, default: []].insert(flag) }
        }
        mark(nonNames, .nonName)
        mark(givenNames, .givenName)
        mark(titles.compactMap { $0.split(separator: " ").first.map(String.init) }, .titleFirst)
        mark(titles, .title)
        mark(organizationCues, .orgCue)
        mark(placeCues, .placeCue)
        mark(otherCues, .otherCue)
        mark(nameAdjectives, .adjective)
        // `Republicans Jolly of Indian Shores and DeSantis of …`: the party's members, no name either.
        mark(nameAdjectives.filter { !$0.hasSuffix("s") && !$0.hasSuffix("ic") && !$0.hasSuffix("ish") }.map { $0 + "s" }, .adjective)
        for (word, _) in demonyms {
            mark([word, word + "s"], [.adjective, .demonym])
            if word.hasSuffix("man") { mark([String(word.dropLast(3)) + "men"], [.adjective, .demonym]) }
        }
        for form in places.keys { mark([form, form.uppercased()], .place) }
        for name in organizations { mark([name, name.uppercased()], .organization) }
        mark(NameLists.weekdays, .weekday)
        mark(NameLists.closedClass, .closedClass)
        mark(NameLists.directions, .direction)
        mark(NameLists.placeStarts, .placeStart)
        mark(NameLists.ofHeads, .ofHead)
        wordFlags = flags
        var byKey: [UInt64: WordFlags] = [:]
        for (word, value) in flags {
            let key = NameScanner.key(of: word)
            byKey[key, default: []].formUnion(value)
        }
        flagsByKey = byKey
        flagTable = SpeechWordTable(byKey.mapValues(\.rawValue))

        var abbreviations: Set<String> = []
        for entry in titles.union(organizationCues).union(placeCues).union(nonNames) {
            for word in entry.split(separator: " ") where word.count > 1 && word.hasSuffix(".") {
                let bare = word.dropLast()
                if !bare.contains(".") { abbreviations.insert(String(bare)) }
            }
        }
        self.abbreviations = abbreviations
        abbreviationKeys = Set(abbreviations.map(NameScanner.key(of:)))
        nameConnectorKeys = SpeechWordSet(keys: nameConnectors.map { Self.nonzero(NameScanner.key(of: $0)) })
        foldedNameKeys = FoldedKeys(Array(self.foldedPlaces.keys) + Array(self.foldedOrganizations.keys))
    }

    /// A hash key as `SpeechWordSet` stores it (it keeps no zero key).
    @inline(__always) static func nonzero(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The canonical place for a form as written ("U.S." -> "United States",
    /// "PARIS" -> "Paris"), or nil when the gazetteer does not know it.
    public func place(_ form: String) -> String? {
        // Every place form, upper-cased, is a key of `foldedPlaces`.
        if foldedNameKeys.excludes(form) { return nil }
        if let name = places[form] { return name }
        if form.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return nil }
        return foldedPlaces[form.uppercased()]
    }

    /// The name a place goes by in a story: the form as written ("U.S.",
    /// "Paris"), or the gazetteer's spelling for a bare ALL-CAPS form
    /// ("PARIS" -> "Paris", "US" -> "United States"); nil when unknown.
    public func placeName(_ form: String) -> String? {
        guard let canonical = place(form) else { return nil }
        let written = form.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) || form.utf8.contains(0x2E)
        return written ? form : canonical
    }

    /// The organisation for a form as written, accepting ALL-CAPS forms.
    public func organization(_ form: String) -> String? {
        // Every organisation, upper-cased, is a key of `foldedOrganizations`.
        if foldedNameKeys.excludes(form) { return nil }
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
        flags(word).contains(.adjective)
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

/// Upper-cased names by `Gazetteer.foldedKey` of their bytes, to rule out a
/// phrase before it becomes an upper-cased `String` looked up in a dictionary.
/// Exact: a phrase that `uppercased()` makes equal to a name has the name's
/// key. Only ASCII is ruled out (a non-ASCII phrase gets no key), and only
/// when every name is ASCII, where `String` equality is byte equality.
struct FoldedKeys: Sendable {
    private let keys: SpeechWordSet
    /// Some name is not ASCII: nothing is ruled out.
    private let anyNonASCII: Bool

    init<S: Sequence>(_ names: S) where S.Element == String {
        var keys: [UInt64] = []
        var nonASCII = false
        for name in names {
            var name = name
            if let k = name.withUTF8({ Gazetteer.foldedKey($0, 0, $0.count) }) { keys.append(k) } else { nonASCII = true }
        }
        self.keys = SpeechWordSet(keys: keys)
        anyNonASCII = nonASCII
    }

    /// Bytes `a..<b` of `p`, upper-cased, are certainly none of the names.
    @inline(__always) func excludes(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
        guard !anyNonASCII, let k = Gazetteer.foldedKey(p, a, b) else { return false }
        return !keys.contains(k)
    }

    /// `form`, upper-cased, is certainly none of the names.
    func excludes(_ form: String) -> Bool {
        guard !anyNonASCII else { return false }
        return form.utf8.withContiguousStorageIfAvailable { excludes($0, 0, $0.count) } ?? false
    }
}

extension Gazetteer {
    /// FNV-1a of bytes `a..<b` with ASCII letters upper-cased (what
    /// `uppercased()` does to ASCII text), never 0; nil when a byte is not ASCII.
    @inline(__always)
    static func foldedKey(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = a
        while i < b {
            var c = p[i]
            if c >= 0x80 { return nil }
            if c >= 0x61 && c <= 0x7A { c -= 0x20 }
            hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3
            i += 1
        }
        return nonzero(hash)
    }
}
