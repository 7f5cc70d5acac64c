/// One word, number or punctuation mark, as a UTF-8 byte range of its text.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// Letters (any script), with inner apostrophes, hyphens and abbreviation dots:
        /// `don’t`, `O’Brien`, `Anglo-Saxon`, `U.S.`.
        case word
        /// Starts with a digit: `45`, `3.5`, `2,000`, `’90s` is a word with a leading apostrophe.
        case number
        /// Any other non-space scalar (or `''`/```` `` ```` pairs used as quote marks).
        case punctuation
    }
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// First letter upper-case (`Rubio`, `U.S.`, `Élysée`).
    public var isCapitalized: Bool
    public init(start: Int, end: Int, kind: Kind, isCapitalized: Bool) {
        self.start = start
        self.end = end
        self.kind = kind
        self.isCapitalized = isCapitalized
    }
    public var range: Range<Int> { start..<end }
    public var length: Int { end - start }
}

/// Splits text into words, numbers and punctuation by scanning UTF-8 bytes.
///
/// Apostrophes (`'` or `’`) between letters stay in the word (`don’t`,
/// `Zelenskiy’s`); a trailing possessive apostrophe (`workers’`) and an
/// elided leading one (`’90s`, `’n’`) are left to the quote finder, which knows
/// whether a single quote is open. Hyphens between word characters and dots in
/// initialisms (`U.S.`, `D.C.`) stay in the word.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        text.withUTF8Bytes { tokenize(bytes: $0) }
    }

    public static func tokenize(bytes b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(b.count / 5 + 1)
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if UTF8Scalar.isASCIISpace(c) { i += 1; continue }
                if !(UTF8Scalar.isASCIILetter(c) || UTF8Scalar.isDigit(c)) {
                    // ASCII punctuation; doubled '' and `` are one quote-mark token.
                    if (c == 0x27 || c == 0x60), i + 1 < n, b[i + 1] == c {
                        tokens.append(Token(start: i, end: i + 2, kind: .punctuation, isCapitalized: false))
                        i += 2
                    } else {
                        tokens.append(Token(start: i, end: i + 1, kind: .punctuation, isCapitalized: false))
                        i += 1
                    }
                    continue
                }
            }
            let (s, len) = c < 0x80 ? (UInt32(c), 1) : UTF8Scalar.decode(b, at: i)
            if c >= 0x80 && UTF8Scalar.isSpace(s) { i += len; continue }
            if c < 0x80 || UTF8Scalar.isWordScalar(s) {
                let start = i
                let isNumber = s < 0x80 && UTF8Scalar.isDigit(UInt8(s))
                var j = i + len
                scan: while j < n {
                    let d = b[j]
                    if d < 0x80 {
                        if UTF8Scalar.isASCIILetter(d) || UTF8Scalar.isDigit(d) { j += 1; continue }
                        // Joiners: a mark between two word characters stays inside the word.
                        if d == 0x27 || d == 0x2D || d == 0x2E || d == 0x2C || d == 0x26 {
                            guard j + 1 < n else { break scan }
                            let nb = b[j + 1]
                            let next: UInt32 = nb < 0x80 ? UInt32(nb) : UTF8Scalar.decode(b, at: j + 1).scalar
                            guard UTF8Scalar.isWordScalar(next) else {
                                // `U.S.` keeps its final dot when the word is an initialism.
                                if d == 0x2E, isInitialism(b, start, j) { j += 1 }
                                break scan
                            }
                            switch d {
                            case 0x2E: // dot: numbers (3.5) and initialisms (U.S)
                                if isNumber {
                                    if next < 0x80, UTF8Scalar.isDigit(UInt8(next)) { j += 1; continue }
                                    break scan
                                }
                                if isInitialism(b, start, j), j + 2 <= n, next < 0x80,
                                   UTF8Scalar.isASCIILetter(UInt8(next)),
                                   j + 2 == n || !UTF8Scalar.isASCIILetter(b[j + 2]) {
                                    j += 1; continue
                                }
                                break scan
                            case 0x2C: // comma inside numbers only: 2,000
                                if isNumber, next < 0x80, UTF8Scalar.isDigit(UInt8(next)) { j += 1; continue }
                                break scan
                            case 0x26: // AT&T
                                if next < 0x80, UTF8Scalar.isASCIIUpper(UInt8(next)), UTF8Scalar.isASCIIUpper(b[j - 1]) {
                                    j += 1; continue
                                }
                                break scan
                            default:
                                j += 1; continue
                            }
                        }
                        break scan
                    }
                    let (t, tl) = UTF8Scalar.decode(b, at: j)
                    if UTF8Scalar.isWordScalar(t) { j += tl; continue }
                    // Right single quote or non-breaking hyphen between letters: don’t, O’Brien.
                    if t == 0x2019 || t == 0x2011 {
                        if j + tl < n {
                            let (next, _) = UTF8Scalar.decode(b, at: j + tl)
                            if UTF8Scalar.isWordScalar(next) { j += tl; continue }
                        }
                    }
                    break scan
                }
                tokens.append(Token(start: start, end: j, kind: isNumber ? .number : .word,
                                    isCapitalized: c < 0x80 ? UTF8Scalar.isASCIIUpper(c) : UTF8Scalar.isUppercase(s)))
                i = j
                continue
            }
            // Doubled ASCII marks used as quote marks in some archives: '' and ``.
            if (c == 0x27 || c == 0x60), i + 1 < n, b[i + 1] == c {
                tokens.append(Token(start: i, end: i + 2, kind: .punctuation, isCapitalized: false))
                i += 2
                continue
            }
            tokens.append(Token(start: i, end: i + len, kind: .punctuation, isCapitalized: false))
            i += len
        }
        return tokens
    }

    /// `U.S` so far: single letters separated by dots.
    @inline(__always)
    static func isInitialism(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let len = end - start
        guard len >= 1, len <= 7 else { return false }
        // Pattern L(.L)* with ASCII letters.
        var k = start
        var expectLetter = true
        while k < end {
            if expectLetter {
                guard UTF8Scalar.isASCIILetter(b[k]) else { return false }
            } else {
                guard b[k] == 0x2E else { return false }
            }
            expectLetter.toggle()
            k += 1
        }
        return !expectLetter && (len == 1 ? UTF8Scalar.isASCIIUpper(b[start]) : true)
    }
}

extension Token {
    /// The token's text in `text` (for output and tests; hot loops compare bytes).
    public func text(in text: String) -> String { text.utf8Slice(start, end) }
}
