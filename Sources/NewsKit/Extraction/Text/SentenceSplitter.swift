/// Splits a paragraph into sentences, as UTF-8 byte ranges, by scanning bytes.
///
/// A sentence ends at `.`, `!` or `?` (after any closing quote marks or
/// brackets) when the next word starts a new sentence: an upper-case letter,
/// a digit or an opening quote. Abbreviations (`Mr.`, `Sen.`, `Jan.`), initials
/// (`J.`) and initialisms (`U.S.`) followed by a name do not end a sentence; a
/// full stop glued to the next sentence (`case.The`) does. A line break ends a
/// sentence too, so copy with one paragraph a line still splits.
public enum SentenceSplitter {
    public static func split(_ text: String) -> [Range<Int>] {
        text.withUTF8Bytes { split(bytes: $0) }
    }

    public static func split(bytes b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let n = b.count
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, isSpaceAt(b, s) { s += 1 }
            while e > s, UTF8Scalar.isASCIISpace(b[e - 1]) { e -= 1 }
            if e > s { result.append(s..<e) }
            start = end
        }
        while i < n {
            // Eight bytes at a time without a line break or `.`, `!`, `?`: the
            // loop below only steps over them.
            if i + 8 <= n {
                let x = UTF8Scalar.load8(b, i)
                if UTF8Scalar.bytes(x, equal: 0x0A) | UTF8Scalar.bytes(x, equal: 0x2E) | UTF8Scalar.bytes(x, equal: 0x21)
                    | UTF8Scalar.bytes(x, equal: 0x3F) == 0 {
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c == 0x0A {
                emit(i)
                i += 1
                continue
            }
            if c == 0x2E || c == 0x21 || c == 0x3F {
                // Runs like `?!` or `...` act as one mark.
                var j = i + 1
                while j < n, b[j] == 0x2E || b[j] == 0x21 || b[j] == 0x3F { j += 1 }
                // Closing quotes and brackets belong to the sentence that ends.
                j = skipClosers(b, j)
                if j >= n { i = j; break }
                if c == 0x2E, j == i + 1, !UTF8Scalar.isASCIISpace(b[j]) {
                    // Glued full stop: `case.The` but not `U.S.`, `3.5`, `reuters.com`.
                    if gluedBoundary(b, dot: i) { emit(i + 1); i += 1; continue }
                    i += 1
                    continue
                }
                // Need a space, then a sentence opener.
                var k = j
                var sawSpace = false
                while k < n {
                    if b[k] == 0x0A { break }
                    if isSpaceAt(b, k) { sawSpace = true; k += scalarLength(b, k); continue }
                    break
                }
                guard sawSpace, k < n else { i = j; continue }
                if b[k] == 0x0A { i = k; continue }
                if startsSentence(b, k), !(c == 0x2E && j == i + 1 && isAbbreviation(b, dot: i, next: k)) {
                    emit(j)
                    i = k
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        emit(n)
        return result
    }

    // MARK: - pieces

    @inline(__always)
    static func scalarLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int { UTF8Scalar.decode(b, at: i).length }

    @inline(__always)
    static func isSpaceAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return UTF8Scalar.isASCIISpace(c) }
        return UTF8Scalar.isSpace(UTF8Scalar.decode(b, at: i).scalar)
    }

    /// Skips closing quote marks and brackets: `"` `'` `”` `’` `»` `)` `]`.
    static func skipClosers(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        let n = b.count
        while j < n {
            let c = b[j]
            if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { j += 1; continue }
            if c >= 0x80 {
                let (s, l) = UTF8Scalar.decode(b, at: j)
                if s == 0x201D || s == 0x2019 || s == 0xBB || s == 0x203A { j += l; continue }
            }
            break
        }
        return j
    }

    /// Upper-case letter, digit, or an opening quote/bracket.
    static func startsSentence(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let c = b[k]
        if UTF8Scalar.isASCIIUpper(c) || UTF8Scalar.isDigit(c) { return true }
        if c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B || c == 0x60 { return true }
        if c >= 0x80 {
            let (s, _) = UTF8Scalar.decode(b, at: k)
            if s == 0x201C || s == 0x2018 || s == 0x201E || s == 0xAB || s == 0x2039 { return true }
            return UTF8Scalar.isUppercase(s)
        }
        return false
    }

    /// `word.Word`: a lower-case word of two or more letters glued to a capitalised word.
    static func gluedBoundary(_ b: UnsafeBufferPointer<UInt8>, dot: Int) -> Bool {
        let n = b.count
        guard dot >= 2, dot + 2 < n else { return false }
        guard UTF8Scalar.isASCIILower(b[dot - 1]), UTF8Scalar.isASCIILower(b[dot - 2]) else { return false }
        guard UTF8Scalar.isASCIIUpper(b[dot + 1]), UTF8Scalar.isASCIILower(b[dot + 2]) else { return false }
        // Not a web address or file name: the word before has no other dot and no slash.
        var k = dot - 1
        while k >= 0, UTF8Scalar.isASCIILetter(b[k]) { k -= 1 }
        if k >= 0, b[k] == 0x2E || b[k] == 0x2F || b[k] == 0x40 { return false }
        return true
    }

    /// The word before the dot is an abbreviation or an initial that a name
    /// (or number) follows, so the dot does not end the sentence.
    static func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, dot: Int, next: Int) -> Bool {
        var k = dot
        while k > 0 {
            let c = b[k - 1]
            if UTF8Scalar.isASCIILetter(c) || c == 0x2E { k -= 1; continue }
            break
        }
        let len = dot - k
        guard len > 0 else { return false }
        // Single capital letter: an initial (`John F. Kennedy`).
        if len == 1 { return UTF8Scalar.isASCIIUpper(b[k]) }
        // Initialisms with inner dots (`U.S.`, `D.C.`) before a capitalised word:
        // wire copy writes `U.S. President …` far more often than ending on it.
        var hasInnerDot = false
        for m in k..<dot where b[m] == 0x2E { hasInnerDot = true }
        if hasInnerDot {
            return UTF8Scalar.isASCIIUpper(b[next])
        }
        guard len <= 5 else { return false }
        var key: UInt64 = 0
        for m in k..<dot { key = key << 8 | UInt64(b[m] | 0x20) }
        return abbreviationKeys.contains(key)
    }

    /// Title and other abbreviations that are followed by a name or number, packed as
    /// lower-case bytes into an integer so the check allocates nothing.
    static let abbreviationKeys: Set<UInt64> = {
        let words = [
            "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "lt", "col", "maj", "capt",
            "cmdr", "adm", "sgt", "cpl", "pvt", "st", "ste", "mt", "ft", "rev", "fr", "hon", "pres", "supt",
            "det", "insp", "atty", "jr", "sr", "no", "nos", "vs", "v", "etc", "inc", "corp", "co", "ltd",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "ave", "blvd", "rd", "dept", "univ", "assn", "bros", "approx", "est", "fig", "op", "cf", "al",
            "messrs", "mme", "mlle", "gens", "sens", "govs", "lt", "brig", "cmdr",
        ]
        var keys = Set<UInt64>()
        for w in words {
            var key: UInt64 = 0
            for u in w.utf8 { key = key << 8 | UInt64(u) }
            keys.insert(key)
        }
        return keys
    }()
}
