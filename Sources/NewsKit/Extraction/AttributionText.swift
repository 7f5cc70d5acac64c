/// One field of a story (a body paragraph or the headline) prepared for
/// attribution: its bytes, tokens, which tokens stand inside quotes, and
/// where sentences start outside quotes.
final class AttributionText {
    enum TokenRole: UInt8 { case plain, inside, mark }

    let field: Span.Field
    let paragraph: Int
    let text: String
    let bytes: [UInt8]
    let tokens: [Token]
    /// What is known of each token, in one array: six per-token arrays (and
    /// their allocations, a sixth of building a paragraph) made one.
    struct TokenInfo {
        /// `key(_:)`, packed once.
        var key: UInt64 = 0
        /// The first token of its sentence, and the first token of the next
        /// sentence (or the token count): a look to a sentence's edge is one
        /// read, not a walk, so a run-on paragraph of thousands of quotes stays linear.
        var head = 0
        var next = 0
        /// What the speech lexicon says of a word, looked up once.
        var facts: WordFacts = []
        /// Plain reporter's text, inside a quote, or a quote mark.
        var role: TokenRole = .plain
        /// Starts a sentence (only meaningful for plain tokens).
        var startsSentence = false
    }
    let info: [TokenInfo]

    /// Per token: plain reporter's text, inside a quote, or a quote mark.
    var roles: Roles { Roles(info: info) }
    /// Per token: starts a sentence (only meaningful for plain tokens).
    var sentenceStart: SentenceStarts { SentenceStarts(info: info) }
    /// For each token, the first token of its sentence, and the first token of
    /// the next sentence (or the token count).
    var sentenceHead: SentenceHeads { SentenceHeads(info: info) }
    var nextSentence: NextSentences { NextSentences(info: info) }

    // One field of `info` read as an array of its own (`t.sentenceStart[i]`).
    struct Roles {
        let info: [TokenInfo]
        @inline(__always) subscript(i: Int) -> TokenRole { info[i].role }
    }
    struct SentenceStarts {
        let info: [TokenInfo]
        @inline(__always) subscript(i: Int) -> Bool { info[i].startsSentence }
    }
    struct SentenceHeads {
        let info: [TokenInfo]
        @inline(__always) subscript(i: Int) -> Int { info[i].head }
    }
    struct NextSentences {
        let info: [TokenInfo]
        @inline(__always) subscript(i: Int) -> Int { info[i].next }
    }

    /// What the lexicon says of one word, each answered as the attributor asked it
    /// before (short words by packed key, long ones by their lower-cased text).
    struct WordFacts: OptionSet {
        let rawValue: UInt16
        /// Speech verb (`isSpeechVerb`'s lookup).
        static let speechVerb = WordFacts(rawValue: 1 << 0)
        /// Title (`isTitleWord`'s lookup).
        static let title = WordFacts(rawValue: 1 << 1)
        /// `lexicon.titles` holds the lower-cased word.
        static let titleText = WordFacts(rawValue: 1 << 2)
        /// `lexicon.sourceNouns` holds the lower-cased word.
        static let sourceNoun = WordFacts(rawValue: 1 << 3)
        /// `lexicon.reportingVerbs` holds the lower-cased word.
        static let reportingVerb = WordFacts(rawValue: 1 << 4)
        /// Organisation head (`isOrganizationHead`'s lookup, possessive cut).
        static let organizationHead = WordFacts(rawValue: 1 << 5)
        /// A function word or sentence opener that is never part of a name.
        static let notName = WordFacts(rawValue: 1 << 6)
        /// `according`.
        static let according = WordFacts(rawValue: 1 << 7)
        /// `lexicon.demonyms` holds the lower-cased word.
        static let demonym = WordFacts(rawValue: 1 << 8)
    }

    init(field: Span.Field, paragraph: Int, text: String, quoteParts: [Span], lexicon: SpeechLexicon) {
        self.field = field
        self.paragraph = paragraph
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        let (tokens, sentences) = bytes.withUnsafeBufferPointer {
            (Tokenizer.tokenize(bytes: $0), SentenceSplitter.split(bytes: $0))
        }
        self.tokens = tokens
        var info = [TokenInfo](repeating: TokenInfo(), count: tokens.count)
        for (i, t) in tokens.enumerated() {
            let key = Self.packedKey(bytes, t)
            info[i].key = key
            guard t.kind == .word else { continue }
            info[i].facts = lexicon.facts(bytes, t, key: key)
        }
        // Parts are sorted by start; walk tokens and parts together (linear).
        let parts = quoteParts.sorted { $0.start < $1.start }
        var pi = 0
        for (i, t) in tokens.enumerated() {
            while pi < parts.count, parts[pi].end <= t.start {
                pi += 1
            }
            if pi < parts.count, t.start >= parts[pi].start, t.end <= parts[pi].end {
                info[i].role = .inside
            }
        }
        // The marks: punctuation right next to a part.
        for part in parts {
            if let a = Self.firstToken(tokens, atOrAfter: part.start), a > 0, tokens[a - 1].kind == .punctuation,
               Self.isQuoteMark(bytes, tokens[a - 1]) {
                info[a - 1].role = .mark
            }
            if let z = Self.firstToken(tokens, atOrAfter: part.end), tokens[z].kind == .punctuation,
               Self.isQuoteMark(bytes, tokens[z]) {
                info[z].role = .mark
            }
        }
        var ti = 0
        for s in sentences {
            while ti < tokens.count, tokens[ti].start < s.lowerBound { ti += 1 }
            if ti < tokens.count { info[ti].startsSentence = true }
        }
        if !tokens.isEmpty { info[0].startsSentence = true }
        var h = 0
        for i in 0..<tokens.count {
            if info[i].startsSentence { h = i }
            info[i].head = h
        }
        var following = tokens.count
        for i in stride(from: tokens.count - 1, through: 0, by: -1) {
            info[i].next = following
            if info[i].startsSentence { following = i }
        }
        self.info = info
    }

    static func firstToken(_ tokens: [Token], atOrAfter pos: Int) -> Int? {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < pos { lo = mid + 1 } else { hi = mid }
        }
        return lo < tokens.count ? lo : nil
    }

    static func isQuoteMark(_ b: [UInt8], _ t: Token) -> Bool {
        let c = b[t.start]
        if c == 0x22 || c == 0x27 || c == 0x60 { return true }
        if c == 0xC2, t.length == 2 { return b[t.start + 1] == 0xAB || b[t.start + 1] == 0xBB }
        if c == 0xE2, t.length == 3, b[t.start + 1] == 0x80 {
            let d = b[t.start + 2]
            return d >= 0x98 && d <= 0x9F || d == 0xB9 || d == 0xBA
        }
        return false
    }

    // MARK: - token questions

    @inline(__always) func isPlain(_ i: Int) -> Bool { info[i].role == .plain }

    func lower(_ i: Int) -> String {
        let t = tokens[i]
        return slice(t.start, t.end).lowercased()
    }

    func string(_ i: Int) -> String {
        let t = tokens[i]
        return slice(t.start, t.end)
    }

    func string(from a: Int, to z: Int) -> String { slice(tokens[a].start, tokens[z].end) }

    /// Bytes `a..<b` as a string, through the fast (validated buffer) path.
    func slice(_ a: Int, _ b: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[a..<b]), as: UTF8.self) }
    }

    /// The token lower-cased and packed into an integer (ASCII words of up to
    /// eight letters; 0 otherwise), so word-list checks allocate nothing.
    @inline(__always) func key(_ i: Int) -> UInt64 { info[i].key }

    static func packedKey(_ bytes: [UInt8], _ t: Token) -> UInt64 {
        guard t.length <= 8 else { return 0 }
        var k: UInt64 = 0
        for j in t.start..<t.end {
            let c = bytes[j]
            guard c < 0x80 else { return 0 }
            k = k << 8 | UInt64(c | 0x20)
        }
        return k
    }

    /// Bytes `a..<b` lower-cased, as `String.lowercased()` would (ASCII without it).
    static func lowerText(_ bytes: [UInt8], _ a: Int, _ b: Int) -> String {
        bytes.withUnsafeBufferPointer { all in
            let range = UnsafeBufferPointer(rebasing: all[a..<b])
            var ascii = true
            for c in range where c >= 0x80 { ascii = false; break }
            guard ascii else { return String(decoding: range, as: UTF8.self).lowercasedQuickly() }
            return String(unsafeUninitializedCapacity: range.count) { out in
                for (n, c) in range.enumerated() { out[n] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
                return range.count
            }
        }
    }

    @inline(__always) func has(_ i: Int, _ f: WordFacts) -> Bool { info[i].facts.contains(f) }

    /// `SpeechLexicon.pronounKind` of the lower-cased token, by its key.
    func pronounKind(_ i: Int) -> SpeechLexicon.PronounKind? {
        switch info[i].key {
        case 0x6865: return .male // he
        case 0x73_6865: return .female // she
        case 0x6974: return .neuter // it
        case 0x7468_6579: return .plural // they
        case 0x7765, 0x69: return .firstPerson // we, i
        default: return nil
        }
    }

    /// `a`, `an`, `the`.
    func isDeterminer(_ i: Int) -> Bool {
        let k = info[i].key
        return k == 0x61 || k == 0x616E || k == 0x74_6865
    }

    /// Membership in a word list without allocating for short words, nor for
    /// ASCII words longer than any in the list (lower-casing keeps their length).
    @inline(__always) func isIn(_ keys: SpeechWordSet, _ words: Set<String>, _ i: Int) -> Bool {
        let t = tokens[i]
        if t.length <= 8 { return keys.contains(key(i)) }
        if t.length > keys.longest && isASCII(i) { return false }
        return words.contains(lower(i))
    }

    /// Every byte of the token is ASCII.
    func isASCII(_ i: Int) -> Bool {
        let t = tokens[i]
        var k = t.start
        while k < t.end {
            if bytes[k] >= 0x80 { return false }
            k += 1
        }
        return true
    }

    /// `saying`, `adding`: ends in -ing.
    func endsWithIng(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.length > 4 else { return false }
        return bytes[t.end - 3] | 0x20 == 0x69 && bytes[t.end - 2] | 0x20 == 0x6E && bytes[t.end - 1] | 0x20 == 0x67
    }

    /// `didn't`, `won’t`: ends in -n't (straight or curly apostrophe).
    func endsWithNt(_ i: Int) -> Bool {
        let t = tokens[i]
        let e = t.end
        guard t.length >= 3, bytes[e - 1] | 0x20 == 0x74 else { return false } // t
        if bytes[e - 2] == 0x27 { return bytes[e - 3] | 0x20 == 0x6E } // n't
        guard t.length >= 5, bytes[e - 4] == 0xE2, bytes[e - 3] == 0x80, bytes[e - 2] == 0x99 else { return false }
        return bytes[e - 5] | 0x20 == 0x6E // n’t
    }

    /// The token is this one ASCII punctuation byte.
    @inline(__always) func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        let t = tokens[i]
        return t.kind == .punctuation && t.length == 1 && bytes[t.start] == c
    }

    /// Ends a clause: . ! ? ; or a colon.
    func isStop(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punctuation, t.length == 1 else { return false }
        let c = bytes[t.start]
        return c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3B
    }

    /// A dash (—, –, --) or a bracket: breaks a noun phrase.
    func isDashOrBracket(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punctuation else { return false }
        let c = bytes[t.start]
        if t.length == 1 { return c == 0x2D || c == 0x28 || c == 0x29 || c == 0x5B || c == 0x5D }
        return c == 0xE2 && t.length == 3 && bytes[t.start + 1] == 0x80 && (bytes[t.start + 2] == 0x94 || bytes[t.start + 2] == 0x93)
    }

    /// Possessive word (`Rubio’s`, `workers'`): returns the length of the suffix.
    func possessiveSuffix(_ i: Int) -> Int { Self.possessiveSuffix(bytes, tokens[i]) }

    static func possessiveSuffix(_ bytes: [UInt8], _ t: Token) -> Int {
        guard t.kind == .word, t.length > 2 else { return 0 }
        let e = t.end
        if bytes[e - 1] == 0x73 || bytes[e - 1] == 0x53 {
            if bytes[e - 2] == 0x27 { return 2 }
            if e - 4 >= t.start, bytes[e - 4] == 0xE2, bytes[e - 3] == 0x80, bytes[e - 2] == 0x99 { return 4 }
        }
        return 0
    }

    /// One capital letter, as in the initial of `Ada B. Quill` (with or without its dot).
    @inline(__always) func isInitial(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.length == 1 || (t.length == 2 && bytes[t.start + 1] == 0x2E) else { return false }
        return bytes[t.start] >= 0x41 && bytes[t.start] <= 0x5A
    }

    /// Every letter of the word is a capital (`STATES`).
    func isUpperCase(_ i: Int) -> Bool {
        let t = tokens[i]
        var k = t.start
        while k < t.end {
            let b = bytes[k]
            if b >= 0x61 && b <= 0x7A { return false }
            k += 1
        }
        return true
    }

    /// `46-year-old`: an age standing for a person (`said the 46-year-old`).
    func isAgeNoun(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .number, t.length >= 10 else { return false }
        var e = t.end
        if bytes[e - 1] | 0x20 == 0x73 { e -= 1 } // -year-olds
        let suffix: [UInt8] = Array("-year-old".utf8)
        guard e - t.start > suffix.count else { return false }
        for (n, c) in suffix.enumerated() where bytes[e - suffix.count + n] | 0x20 != c { return false }
        return true
    }

    /// A capitalised word that can be part of a name (not a sentence-initial function word).
    func isNameWord(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.isCapitalized else { return false }
        return !info[i].facts.contains(.notName)
    }

    func span(_ a: Int, _ z: Int, trimEnd: Int = 0) -> Span {
        Span(field: field, paragraph: paragraph, start: tokens[a].start, end: tokens[z].end - trimEnd)
    }
}
