import NewsResources

/// Word lists the quote attributor consults: speech verbs, pronouns, source
/// nouns, titles and organisation heads, loaded once from `Resources/gazetteers`.
///
/// Lookups take lower-cased words; the attributor only asks about the few
/// words around each quote, never every word of a story.
/// A class: attribution code passes it around per paragraph and per word, and
/// a struct of many sets was copied (each set retained and released) each time.
public final class SpeechLexicon: Sendable {
    public static let shared = SpeechLexicon()

    /// Verbs that report speech (all forms): said, told, added, called …
    public let speechVerbs: Set<String>
    /// Nouns that head an unnamed source: official, spokesperson, adviser …
    public let sourceNouns: Set<String>
    /// Titles and roles written before names: mr, sen, president, minister …
    public let titles: Set<String>
    /// Last words of organisation names (lower-cased): department, ministry …
    public let organizationHeads: Set<String>

    /// Short titles packed as `AttributionText.key` packs tokens.
    let titleKeys: SpeechWordSet
    let organizationHeadKeys: SpeechWordSet
    let speechVerbKeys: SpeechWordSet
    let sourceNounKeys: SpeechWordSet
    let demonymKeys: SpeechWordSet
    /// Every fact about short ASCII words, by packed key (see `facts(_:_:key:)`).
    let shortFacts: SpeechWordTable<UInt16>
    /// Every fact about words by their lower-cased text.
    let textFacts: [String: UInt16]
    /// Every fact about words by `hashedKey` of their lower-cased ASCII bytes
    /// (all the lists are ASCII): long words are looked up without a String.
    let hashedFacts: SpeechWordTable<UInt16>
    let reportingVerbKeys: SpeechWordSet
    /// Nationality and place adjectives (`French`, `Texan`), lower-cased.
    let demonyms: Set<String>
    /// Given names a story refers to as `she` (female) or `he` (male).
    let femaleNames: Set<String>
    let maleNames: Set<String>
    let firstNameGender: [String: PronounKind]

    public init() {
        speechVerbs = Set(NewsResources.gazetteer("speech-verbs").map { $0.lowercased() })
        sourceNouns = Set(NewsResources.gazetteer("source-nouns").map { $0.lowercased() })
        titles = Set(NewsResources.gazetteer("speaker-titles").map { $0.lowercased() })
        organizationHeads = Set(NewsResources.gazetteer("org-heads").map { $0.lowercased() })
        titleKeys = SpeechWordSet(titles)
        organizationHeadKeys = SpeechWordSet(organizationHeads)
        speechVerbKeys = SpeechWordSet(speechVerbs)
        sourceNounKeys = SpeechWordSet(sourceNouns)
        reportingVerbKeys = SpeechWordSet(Self.reportingVerbList)
        demonyms = Set(NewsResources.gazetteer("demonyms").compactMap { line in
            line.split(separator: "|").first.map { $0.lowercased() }
        })
        demonymKeys = SpeechWordSet(demonyms)
        typealias F = AttributionText.WordFacts
        var text: [String: UInt16] = [:]
        func mark<S: Sequence>(_ words: S, _ f: F) where S.Element == String {
            for w in words { text[w, default: 0] |= f.rawValue }
        }
        mark(speechVerbs, .speechVerb)
        mark(titles, [.title, .titleText])
        mark(sourceNouns, .sourceNoun)
        mark(Self.reportingVerbList, .reportingVerb)
        mark(organizationHeads, .organizationHead)
        mark(demonyms, .demonym)
        mark(["according"], .according)
        var short: [UInt64: UInt16] = [:]
        for (w, f) in text {
            let k = SpeechWordSet.key(w)
            if k != 0 { short[k, default: 0] |= f }
        }
        for w in SpeechLexicon.phraseBreakers.union(SpeechLexicon.sentenceStarters) {
            let k = SpeechWordSet.key(w)
            if k != 0 { short[k, default: 0] |= F.notName.rawValue }
        }
        textFacts = text
        shortFacts = SpeechWordTable(short)
        var hashed: [UInt64: UInt16] = [:]
        for (w, f) in text {
            let bytes = Array(w.utf8)
            if let h = Self.hashedKey(bytes, 0, bytes.count) { hashed[h, default: 0] |= f }
        }
        hashedFacts = SpeechWordTable(hashed)
        var female = Set<String>(), male = Set<String>()
        for line in NewsResources.gazetteer("speaker-given-names") {
            let parts = NewsResources.fields(of: line)
            guard parts.count == 2 else { continue }
            if parts[1] == "f" { female.insert(parts[0].lowercased()) } else { male.insert(parts[0].lowercased()) }
        }
        femaleNames = female
        maleNames = male
        // The census list for pronoun agreement only: the hand list above wins.
        var genders: [String: PronounKind] = [:]
        var neutral = Set<String>()
        for line in NewsResources.gazetteer("first-name-genders") {
            let parts = NewsResources.fields(of: line)
            guard parts.count == 2 else { continue }
            switch parts[1] {
            case "f": genders[String(parts[0])] = .female
            case "m": genders[String(parts[0])] = .male
            default: neutral.insert(String(parts[0]))
            }
        }
        for n in female where !neutral.contains(n) { genders[n] = .female }
        for n in male where !neutral.contains(n) { genders[n] = .male }
        firstNameGender = genders
    }

    /// The pronoun a first name (lower-cased) takes, from the census list
    /// `first-name-genders.txt` (names with a clear majority only) and
    /// `speaker-given-names.txt`; nil for names that fit both or that neither
    /// lists. Only for pronoun agreement.
    func pronounGender(ofFirstName lower: String) -> PronounKind? { firstNameGender[lower] }

    /// What the word lists say of one word token of `bytes` (`key` its packed
    /// key): short ASCII words by key, others by their lower-cased text; an
    /// organisation head with its possessive cut (`Bank’s`).
    func facts(_ bytes: [UInt8], _ t: Token, key: UInt64) -> AttributionText.WordFacts {
        typealias F = AttributionText.WordFacts
        let cut = AttributionText.possessiveSuffix(bytes, t)
        let short = t.length <= 8
        var f: F
        if short && key != 0 {
            f = F(rawValue: shortFacts.value(key))
            // `according` is nine letters: never short.
            if cut > 0 {
                f.remove(.organizationHead)
                if textFact(bytes, t.start, t.end - cut).contains(.organizationHead) { f.insert(.organizationHead) }
            }
            return f
        }
        f = textFact(bytes, t.start, t.end)
        if short {
            // A short non-ASCII word: the questions asked by key answer no.
            f.subtract([.speechVerb, .title, .notName])
            f.remove(.organizationHead)
            if cut > 0, textFact(bytes, t.start, t.end - cut).contains(.organizationHead) { f.insert(.organizationHead) }
        } else if cut > 0 {
            f.remove(.organizationHead)
            if textFact(bytes, t.start, t.end - cut).contains(.organizationHead) { f.insert(.organizationHead) }
        }
        return f
    }

    /// `organizationHeads` holds the word lower-cased.
    func isOrganizationHead(_ word: Substring) -> Bool {
        guard let h = Self.foldedHash(word.utf8) else { return organizationHeads.contains(word.lowercased()) }
        return AttributionText.WordFacts(rawValue: hashedFacts.value(h)).contains(.organizationHead)
    }

    /// `hashedKey` of any ASCII bytes: FNV-1a of them lower-cased, mixed with
    /// their length; nil when one is not ASCII (never 0).
    static func foldedHash<S: Sequence>(_ bytes: S) -> UInt64? where S.Element == UInt8 {
        // A String's bytes in place when it has them (names, mentions): the
        // same loop over a buffer, without the UTF-8 view's iterator.
        if S.self != UnsafeBufferPointer<UInt8>.self,
           let h = bytes.withContiguousStorageIfAvailable({ foldedHash($0) }) {
            return h
        }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var n = 0
        for var c in bytes {
            if c >= 0x80 { return nil }
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3
            n += 1
        }
        h ^= UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        return h == 0 ? 1 : h
    }

    /// `textFacts` of bytes `a..<b` lower-cased. ASCII words by their hash; other
    /// words lower-case to non-ASCII text, which no list holds, except through
    /// the Kelvin sign (`K` → `k`), which takes the String path.
    func textFact(_ bytes: [UInt8], _ a: Int, _ b: Int) -> AttributionText.WordFacts {
        if let h = Self.hashedKey(bytes, a, b) {
            return AttributionText.WordFacts(rawValue: hashedFacts.value(h))
        }
        var k = a
        while k + 2 < b {
            if bytes[k] == 0xE2, bytes[k + 1] == 0x84, bytes[k + 2] == 0xAA {
                return AttributionText.WordFacts(rawValue: textFacts[AttributionText.lowerText(bytes, a, b)] ?? 0)
            }
            k += 1
        }
        return []
    }

    /// FNV-1a of bytes `a..<b` lower-cased, mixed with their length; nil when
    /// they are not all ASCII (never 0).
    static func hashedKey(_ bytes: [UInt8], _ a: Int, _ b: Int) -> UInt64? {
        bytes.withUnsafeBufferPointer { foldedHash(UnsafeBufferPointer(rebasing: $0[a..<b])) }
    }

    /// Last words of time and manner phrases between a subject and its verb.
    public static let adjunctHeads: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "statement", "interview",
        "briefing", "conference", "call", "email", "release", "post", "tweet", "letter", "speech", "time",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "later", "earlier", "tonight", "friday's",
    ]
    /// First words of those phrases.
    public static let adjunctOpeners: Set<String> = [
        "on", "in", "at", "last", "this", "late", "early", "earlier", "during", "by", "via", "through", "over",
    ]

    /// Verbs that stand before their subject in copy (`said Quill`, `added the mayor`).
    public static let invertibleVerbs: Set<String> = [
        "said", "says", "asked", "asks", "added", "adds", "wrote", "writes", "continued", "explained", "recalled",
        "replied", "responded", "noted", "tweeted", "posted", "declared", "insisted", "argued", "warned", "quipped",
        "joked", "countered", "observed", "remarked", "cautioned", "conceded", "acknowledged", "stated", "cried",
        "exclaimed", "scoffed", "complained", "admitted", "predicted", "concluded", "says", "say", "according",
        "to", "laughed", "shouted", "snapped", "sighed", "recounted", "boasted", "promised", "confirmed",
        "mused", "wondered", "reasoned", "barked",
    ]

    /// Descriptor heads that stand for an organisation (`the company said`).
    public static let organizationNouns: Set<String> = [
        "company", "firm", "group", "agency", "ministry", "department", "government", "administration",
        "committee", "commission", "court", "police", "army", "military", "team", "campaign", "office",
        "council", "union", "statement", "report", "bank", "club", "party", "board", "hospital", "school",
        "university", "network", "newspaper", "magazine", "organization", "organisation", "authority",
    ]

    /// Documents that speak (`according to the poll`); no `he` or `she` is one
    /// (`a yearly Gallup poll` … `she urged`), and `the poll` stays the story's words.
    public static let documentNouns: Set<String> = [
        "poll", "polls", "survey", "study", "account", "analysis", "memo", "email", "document", "documents",
        "transcript", "filing", "audit", "letter", "ruling", "lawsuit", "indictment",
    ]

    /// Nouns that stand for an organisation named before (`the company said`).
    public static let organizationStandIns: Set<String> = [
        "company", "firm", "ministry", "agency", "department", "bank", "organization", "organisation",
        "authority", "commission", "insurer", "retailer", "carrier", "airline", "lender", "manufacturer",
        "automaker", "group", "union", "utility", "operator", "broadcaster", "publisher", "club",
    ]

    /// Verbs that introduce reported speech as `indirect` quotes.
    public var reportingVerbs: Set<String> { Self.reportingVerbList }
    static let reportingVerbList: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "stated", "announced", "explained", "noted", "argued",
        "insisted", "warned", "claimed", "acknowledged", "admitted", "confirmed", "denied", "predicted",
        "reported", "wrote", "writes", "testified", "suggested", "contended", "maintained", "asserted",
    ]

    static let auxiliaryKeys = SpeechWordSet(auxiliaries)
    static let invertibleVerbKeys = SpeechWordSet(invertibleVerbs)
    static let adjunctHeadKeys = SpeechWordSet(adjunctHeads)
    static let adjunctOpenerKeys = SpeechWordSet(adjunctOpeners)

    /// Prepositions: a name right after one (`in April`, `For Quill`, `at Crestline`)
    /// is its object, never the subject of the sentence.
    static let prepositions: Set<String> = [
        "in", "on", "at", "during", "since", "from", "with", "by", "for", "of", "to", "after", "before",
        "over", "under", "about", "through", "near", "across", "into", "toward", "towards", "against",
        "among", "until", "like", "outside", "inside", "within", "without", "via", "amid", "despite",
    ]
    static let prepositionKeys = SpeechWordSet(prepositions)
    static let phraseBreakerKeys = SpeechWordSet(phraseBreakers)
    static let sentenceStarterKeys = SpeechWordSet(sentenceStarters)
    static let descriptorOpenerKeys = SpeechWordSet(descriptorOpeners)
    static let descriptorLinkKeys = SpeechWordSet(descriptorLinks)

    /// First words of place names that look like two-word person names.
    public static let placePrefixes: Set<String> = [
        "north", "south", "east", "west", "new", "united", "san", "santa", "los", "las", "saint", "st", "fort",
        "mount", "lake", "port", "upper", "lower", "great", "central", "northern", "southern", "eastern",
        "western", "capitol", "wall", "white", "supreme", "middle", "hong", "puerto", "costa", "sri", "el", "la",
    ]
    static let placePrefixKeys = SpeechWordSet(placePrefixes)

    /// Parties and affiliations written before names.
    static let affiliations: Set<String> = [
        "republican", "republicans", "democrat", "democrats", "democratic", "gop", "independent", "liberal",
        "conservative", "labour", "tory", "green", "socialist", "former", "late", "then",
    ]
    /// The short ones packed (`SpeechWordSet` holds words of up to eight letters).
    static let affiliationKeys = SpeechWordSet(affiliations)

    /// Function words and sentence openers: never part of a name.
    static let notNameKeys = SpeechWordSet(phraseBreakers.union(sentenceStarters))


    /// Participles (`saying`, `adding`) carry no subject of their own.
    public func isParticiple(_ word: String) -> Bool { word.hasSuffix("ing") }

    /// Words that can stand between a subject and its verb (`Smith also said`).
    public static let auxiliaries: Set<String> = [
        "also", "has", "had", "have", "was", "is", "were", "are", "would", "will", "could", "did", "does",
        "do", "then", "later", "again", "once", "previously", "recently", "further", "earlier", "reportedly",
        "repeatedly", "often", "never", "ever", "first", "last", "just", "only", "still", "already", "even",
        "however", "publicly", "privately", "initially", "finally", "may", "might", "can", "should", "must",
        "not", "been", "being", "be", "simply", "flatly", "quickly", "sometimes", "separately", "now", "too",
    ]

    /// Words that end a noun phrase going left: articles, prepositions, conjunctions.
    public static let phraseBreakers: Set<String> = [
        "a", "an", "the", "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "of", "in",
        "on", "at", "for", "with", "to", "as", "by", "from", "while", "after", "before", "when", "because",
        "if", "than", "so", "where", "though", "although", "since", "until", "about", "into", "over",
        "said", "says", "told", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your",
        "what", "how", "why", "there", "here", "then", "also", "not", "no", "yes", "all", "some", "both",
        "each", "every", "during", "under", "against", "between", "through", "without", "within", "like",
        "is", "was", "are", "were", "be", "been", "has", "have", "had", "it", "he", "she", "they", "we",
    ]

    /// Capitalised words that open sentences but are not names.
    public static let sentenceStarters: Set<String> = [
        "in", "but", "and", "separately", "however", "meanwhile", "after", "still", "yet", "asked", "when",
        "neither", "either", "suddenly",
        "on", "at", "last", "since", "earlier", "later", "now", "today", "yesterday", "tonight", "then",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "speaking", "asked",
        "during", "while", "although", "though", "because", "if", "as", "for", "with", "without", "instead",
        "also", "indeed", "even", "so", "thus", "moreover", "furthermore", "finally", "first", "second",
        "according", "mr", "mrs", "ms", "dr", "many", "some", "most", "several", "both", "other", "others",
        "one", "two", "three", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
        "this", "that", "these", "those", "there", "here", "what", "who", "why", "how", "where", "a", "an",
        "the", "no", "not", "yes", "all", "any", "each", "every", "such", "our", "my", "your", "by", "from",
        "to", "of", "about", "before", "until", "unless", "despite", "amid", "under", "over", "through",
    ]

    /// Articles: dropped from descriptors ("a senior adviser" -> "senior adviser").
    public static let determiners: Set<String> = ["a", "an", "the"]
    /// Words that open a descriptor and stay in it ("her advisers", "one official").
    public static let descriptorOpeners: Set<String> = [
        "his", "her", "their", "its", "our", "one", "two", "three", "several", "some", "many", "other", "another",
        "two", "four", "five", "both", "most", "few",
    ]
    /// Prepositions that continue a descriptor after its head ("adviser to the mayor").
    public static let descriptorLinks: Set<String> = ["to", "of", "for", "known", "from", "at", "with", "close", "familiar", "involved", "briefed", "knowledgeable"]

    /// Subject pronouns that can report speech, and what they may refer to.
    public enum PronounKind: Sendable { case male, female, neuter, plural, firstPerson }
    public static func pronounKind(_ lower: String) -> PronounKind? {
        switch lower {
        case "he": return .male
        case "she": return .female
        case "it": return .neuter
        case "they": return .plural
        case "we", "i": return .firstPerson
        default: return nil
        }
    }
}
