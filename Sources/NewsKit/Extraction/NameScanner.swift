/// One word of a field's text as the name scanner sees it.
struct NameWord: Sendable, Equatable {
    enum Shape: Sendable, Equatable {
        /// Starts with an upper-case letter ("Rubio", "McDonald", "O’Brien").
        case capitalised
        /// Two or more letters, none lower-case ("NATO", "U.S.", "PARIS").
        case allCaps
        /// One upper-case letter and a full stop ("J.").
        case initial
        /// A letter without case (CJK and other scripts): may be a name.
        case uncased
        /// Starts with a lower-case letter.
        case lower
        /// Starts with a digit.
        case number
    }
    /// What stands between this word and the one before it.
    enum Gap: Sendable, Equatable {
        /// Start of the field.
        case start
        /// Only spaces.
        case space
        /// A sentence end, a new line, a colon or an opening quote mark.
        case sentence
        case comma
        /// An ampersand between spaces ("Procter & Gamble").
        case ampersand
        /// Any other punctuation or symbol.
        case other
    }
    /// UTF-8 byte offsets of the word in its field, without a possessive ’s.
    var start: Int
    var end: Int
    var shape: Shape
    var gap: Gap
    /// The word was followed by ’s or 's, which is not part of it.
    var possessive: Bool
    /// The word holds a hyphen or an apostrophe ("Jean-Noel", "O’Brien", "I’m").
    var hasInnerPunctuation = false
    /// Hash of the word's bytes (`NameScanner.key`), for gazetteer lookups.
    var key: UInt64 = 0

    /// The word starts a sentence, so its capital letter proves nothing.
    var sentenceInitial: Bool { gap == .start || gap == .sentence }
    /// The word can be part of a name.
    var isNameLike: Bool {
        switch shape {
        case .capitalised, .allCaps, .initial, .uncased: return true
        case .lower, .number: return false
        }
    }
}

/// Splits a field's text into words by scanning its UTF-8 bytes once.
///
/// Apostrophes and hyphens inside words stay in them (O’Brien, Jean-Noel);
/// a possessive ’s is cut off and flagged; initials and dotted acronyms keep
/// their full stops (J., U.S.); so do known abbreviations (Mr., Sen.).
struct NameScanner: Sendable {
    let abbreviations: Set<String>
    /// `abbreviations` by the hash of their bytes, so that a capitalised word
    /// before a full stop ("Reuters.") is ruled out without becoming a `String`.
    let abbreviationKeys: Set<UInt64>

    init(gazetteer: Gazetteer) {
        abbreviations = gazetteer.abbreviations
        abbreviationKeys = gazetteer.abbreviationKeys
    }

    init(abbreviations: Set<String>) {
        self.abbreviations = abbreviations
        abbreviationKeys = Set(abbreviations.map(Self.key(of:)))
    }

    func words(in text: String) -> [NameWord] {
        var copy = text
        return copy.withUTF8 { scan($0) }
    }

    private func scan(_ p: UnsafeBufferPointer<UInt8>) -> [NameWord] {
        let n = p.count
        var words: [NameWord] = []
        words.reserveCapacity(n / 5)
        var i = 0
        var gap = NameWord.Gap.start
        while i < n {
            let b = p[i]
            let (kind, width) = Self.classify(p, i)
            if kind == .upper || kind == .lowerLetter || kind == .uncasedLetter || kind == .digit {
                let word = readWord(p, from: i, firstKind: kind, gap: gap)
                words.append(word.word)
                i = word.next
                gap = .space
                continue
            }
            // Punctuation, spaces and symbols decide the gap before the next word.
            switch b {
            case 0x20, 0x09:
                break
            case 0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x3A:  // \n \r . ! ? :
                gap = .sentence
            case 0x2C:  // ,
                if gap != .sentence { gap = .comma }
            case 0x26:  // &
                if gap == .space { gap = .ampersand } else if gap != .sentence { gap = .other }
            case 0x28, 0x5B:  // ( [ open a new clause
                gap = .sentence
            case 0x22:  // a straight quote opens when a word follows at once
                if i + 1 < n, p[i + 1] != 0x20, p[i + 1] != 0x0A { gap = .sentence } else if gap != .sentence { gap = .other }
            default:
                if width == 3, p[i] == 0xE2, p[i + 1] == 0x80, p[i + 2] == 0x9C || p[i + 2] == 0x98 {
                    gap = .sentence  // “ ‘
                } else if width == 2, p[i] == 0xC2, p[i + 1] == 0xAB {
                    gap = .sentence  // «
                } else if width == 2, p[i] == 0xC2, p[i + 1] == 0xA0 {
                    break  // no-break space
                } else if gap != .sentence {
                    gap = .other
                }
            }
            i += width
        }
        return words
    }

    private func readWord(
        _ p: UnsafeBufferPointer<UInt8>, from first: Int, firstKind: CharKind, gap: NameWord.Gap
    ) -> (word: NameWord, next: Int) {
        let n = p.count
        var i = first
        var letters = 0
        var uppers = 0
        var lowers = 0
        var segmentLetters = 0  // letters since the last full stop
        var dotted = false
        var possessive = false
        var inner = false
        var end = first
        while i < n {
            // ASCII letters and digits, the bulk of every word, skip the general classifier.
            let c = p[i]
            if c >= 0x61 && c <= 0x7A {
                // A run of lower-case ASCII letters, counted at once.
                var k = i + 1
                while k < n, p[k] &- 0x61 < 26 { k += 1 }
                lowers &+= k - i; letters &+= k - i; segmentLetters &+= k - i
                i = k; end = k; continue
            }
            if c >= 0x41 && c <= 0x5A { uppers += 1; letters += 1; segmentLetters += 1; i += 1; end = i; continue }
            if c >= 0x30 && c <= 0x39 { i += 1; end = i; continue }
            let (kind, width) = Self.classify(p, i)
            switch kind {
            case .upper, .lowerLetter, .uncasedLetter, .digit, .mark:
                if kind == .upper { uppers += 1 }
                if kind == .lowerLetter { lowers += 1 }
                if kind != .digit && kind != .mark { letters += 1; segmentLetters += 1 }
                i += width
                end = i
                continue
            case .apostrophe:
                // ’s / 's closing a word is a possessive, not part of the name.
                let after = i + width
                if after < n, p[after] == 0x73 || p[after] == 0x53 {
                    let (k2, _) = after + 1 < n ? Self.classify(p, after + 1) : (.other, 1)
                    if !k2.isWordByte {
                        possessive = true
                        i = after + 1
                        break
                    }
                }
                if after < n, Self.classify(p, after).0.isLetter {
                    i = after
                    end = i
                    inner = true
                    continue
                }
            case .hyphen:
                if i + 1 < n, Self.classify(p, i + 1).0.isWordByte {
                    i += 1
                    end = i
                    inner = true
                    continue
                }
            case .period:
                // Initials and dotted acronyms (J., U.S.) and abbreviations (Mr., Sen.) keep the stop.
                if segmentLetters == 1 && letters >= 1 && uppers >= 1 {
                    i += 1
                    end = i
                    dotted = true
                    segmentLetters = 0
                    if i < n, Self.classify(p, i).0 == .upper { continue }
                    break
                }
                if !dotted, letters >= 2, letters <= 5, p[first] >= 0x41, p[first] <= 0x5A,
                   abbreviationKeys.contains(Self.key(p, first, i)),
                   abbreviations.contains(String(decoding: UnsafeBufferPointer(rebasing: p[first..<i]), as: UTF8.self)) {
                    i += 1
                    end = i
                }
            default:
                break
            }
            break
        }
        let shape: NameWord.Shape
        switch firstKind {
        case .digit: shape = .number
        case .lowerLetter:
            shape = Self.isArabicParticleName(p, first, end) ? .capitalised : .lower
        case .uncasedLetter: shape = .uncased
        default:
            if dotted && letters == 1 { shape = .initial }
            else if lowers == 0 && letters >= 2 { shape = .allCaps }
            else { shape = .capitalised }
        }
        var word = NameWord(start: first, end: end, shape: shape, gap: gap, possessive: possessive)
        word.hasInnerPunctuation = inner
        // Only words that may be names are looked up in the gazetteers.
        if word.isNameLike { word.key = Self.key(p, first, end) }
        return (word, max(i, end))
    }

    /// `al-Assad`, `el-Sisi`: a lower-case particle glued to a capitalised name.
    private static func isArabicParticleName(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length > 3 else { return false }
        if p[start] == 0x61 || p[start] == 0x65, p[start + 1] == 0x6C, p[start + 2] == 0x2D {  // al- el-
            return p[start + 3] >= 0x41 && p[start + 3] <= 0x5A
        }
        return false
    }

    enum CharKind: Equatable {
        case upper, lowerLetter, uncasedLetter, digit, mark, apostrophe, hyphen, period, other
        var isLetter: Bool { self == .upper || self == .lowerLetter || self == .uncasedLetter }
        var isWordByte: Bool { isLetter || self == .digit || self == .mark }
    }

    /// The kind of the character at `i` and its width in bytes.
    @inline(__always)
    static func classify(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (CharKind, Int) {
        let b = p[i]
        if b < 0x80 {
            if b >= 0x61 { return (b <= 0x7A ? .lowerLetter : .other, 1) }
            if b >= 0x41 { return (b <= 0x5A ? .upper : .other, 1) }
            if b >= 0x30 { return (b <= 0x39 ? .digit : .other, 1) }
            switch b {
            case 0x27: return (.apostrophe, 1)
            case 0x2D: return (.hyphen, 1)
            case 0x2E: return (.period, 1)
            default: return (.other, 1)
            }
        }
        return classifyScalar(p, i)
    }

    /// The key of a whole word, as `key(_:_:_:)` gives for its bytes in a text.
    static func key(of word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { key($0, 0, $0.count) }
    }

    /// FNV-1a over a word's bytes: the key of the gazetteers' word table, so a
    /// word is looked up without first becoming a `String`.
    @inline(__always)
    static func key(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = start
        while i < end {
            hash = (hash ^ UInt64(p[i])) &* 0x100_0000_01b3
            i += 1
        }
        return hash
    }

    private static func classifyScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (CharKind, Int) {
        let b = p[i]
        if b < 0x80 {
            switch b {
            case 0x41...0x5A: return (.upper, 1)
            case 0x61...0x7A: return (.lowerLetter, 1)
            case 0x30...0x39: return (.digit, 1)
            case 0x27: return (.apostrophe, 1)
            case 0x2D: return (.hyphen, 1)
            case 0x2E: return (.period, 1)
            default: return (.other, 1)
            }
        }
        // Decode one scalar; malformed bytes count as one-byte symbols.
        let n = p.count
        var width = 1
        var value: UInt32 = 0
        if b & 0xE0 == 0xC0 { width = 2; value = UInt32(b & 0x1F) }
        else if b & 0xF0 == 0xE0 { width = 3; value = UInt32(b & 0x0F) }
        else if b & 0xF8 == 0xF0 { width = 4; value = UInt32(b & 0x07) }
        else { return (.other, 1) }
        if i + width > n { return (.other, 1) }
        for k in 1..<width {
            let c = p[i + k]
            if c & 0xC0 != 0x80 { return (.other, 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        if value == 0x2019 { return (.apostrophe, width) }
        if value == 0x2010 || value == 0x2011 { return (.hyphen, width) }
        guard let scalar = Unicode.Scalar(value) else { return (.other, width) }
        let props = scalar.properties
        switch props.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return (.upper, width)
        case .lowercaseLetter: return (.lowerLetter, width)
        case .otherLetter, .modifierLetter: return (.uncasedLetter, width)
        case .nonspacingMark, .spacingMark, .enclosingMark: return (.mark, width)
        case .decimalNumber: return (.digit, width)
        default: return (.other, width)
        }
    }
}
