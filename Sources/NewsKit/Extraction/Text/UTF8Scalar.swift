/// Byte-level helpers for scanning UTF-8 text without building `Character`s.
///
/// Hot loops in extraction walk `UnsafeBufferPointer<UInt8>`; these helpers
/// decode one scalar where a non-ASCII byte needs a decision (a curly quote,
/// a dash, an accented letter) and classify ASCII bytes with table-free tests.
public enum UTF8Scalar {
    /// The scalar starting at `i` and its length in bytes; a malformed or
    /// truncated sequence decodes as U+FFFD of length 1, so scans always advance.
    @inline(__always)
    public static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (UInt32(c0), 1) }
        let n = b.count
        if c0 & 0xE0 == 0xC0, i + 1 < n, b[i + 1] & 0xC0 == 0x80 {
            return ((UInt32(c0 & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F), 2)
        }
        if c0 & 0xF0 == 0xE0, i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
            return ((UInt32(c0 & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F), 3)
        }
        if c0 & 0xF8 == 0xF0, i + 3 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, b[i + 3] & 0xC0 == 0x80 {
            let v = (UInt32(c0 & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12)
                | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F)
            return (v, 4)
        }
        return (0xFFFD, 1)
    }

    /// The start of the scalar that ends just before `i` (for scanning backwards).
    @inline(__always)
    public static func previousStart(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var j = i - 1
        while j > 0, b[j] & 0xC0 == 0x80, i - j < 4 { j -= 1 }
        return j
    }

    // MARK: eight bytes at once
    //
    // Scanners skip runs of bytes that need no decision eight at a time. The
    // word tricks are exact about whether some byte matches (not which):
    // `(x - 0x0101…) & ~x & 0x8080…` is nonzero exactly when a byte of `x` is
    // zero, and with `c * 0x0101…` in place of `0x0101…` when a byte is below
    // `c` (for `c` up to 0x80).

    /// The eight bytes at `i` (the caller checks `i + 8 <= b.count`).
    @inline(__always) static func load8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
    }

    /// Nonzero when some byte of `x` is `c` (masks combine with `|`, no branch each).
    @inline(__always) static func bytes(_ x: UInt64, equal c: UInt8) -> UInt64 {
        let y = x ^ (0x0101_0101_0101_0101 &* UInt64(c))
        return (y &- 0x0101_0101_0101_0101) & ~y & 0x8080_8080_8080_8080
    }

    /// Nonzero when some byte of `x` is below `c` (`c` at most 0x80).
    @inline(__always) static func bytes(_ x: UInt64, below c: UInt8) -> UInt64 {
        (x &- 0x0101_0101_0101_0101 &* UInt64(c)) & ~x & 0x8080_8080_8080_8080
    }

    /// Nonzero when some byte of `x` is not ASCII.
    @inline(__always) static func nonASCIIBytes(_ x: UInt64) -> UInt64 { x & 0x8080_8080_8080_8080 }

    @inline(__always) public static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) public static func isASCIIUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) public static func isASCIILower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) public static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) public static func isASCIISpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    /// Spaces beyond ASCII that copy uses between words (no-break, thin, em space …).
    @inline(__always) public static func isSpace(_ s: UInt32) -> Bool {
        s == 0x20 || (s >= 0x09 && s <= 0x0D) || s == 0xA0 || (s >= 0x2000 && s <= 0x200B) || s == 0x202F
            || s == 0x205F || s == 0x3000 || s == 0x85
    }

    /// Scalars that can stand in a word: letters and digits of any script, and
    /// combining marks. Punctuation, symbols and spaces cannot.
    @inline(__always) public static func isWordScalar(_ s: UInt32) -> Bool {
        if s < 0x80 {
            let c = UInt8(s)
            return isASCIILetter(c) || isDigit(c)
        }
        if s == 0xAA || s == 0xB5 || s == 0xBA { return true }
        if s < 0xC0 || s == 0xD7 || s == 0xF7 { return false }
        if s >= 0x2000 && s <= 0x2BFF { return false } // general punctuation, symbols, arrows
        if s >= 0x3000 && s <= 0x303F { return false } // CJK punctuation
        if s == 0xFFFD || (s >= 0xFE00 && s <= 0xFE0F) { return false }
        if s >= 0xFF00 && s <= 0xFF0F { return false }
        if s >= 0x1F000 { return false } // emoji and symbols
        guard let u = Unicode.Scalar(s) else { return false }
        let p = u.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }

    /// Upper-case first letter (ASCII fast path, Unicode property otherwise).
    @inline(__always) public static func isUppercase(_ s: UInt32) -> Bool {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A }
        guard let u = Unicode.Scalar(s) else { return false }
        return u.properties.isUppercase
    }

    @inline(__always) public static func isLowercase(_ s: UInt32) -> Bool {
        if s < 0x80 { return s >= 0x61 && s <= 0x7A }
        guard let u = Unicode.Scalar(s) else { return false }
        return u.properties.isLowercase
    }
}

extension String {
    /// Runs `body` on the string's UTF-8 bytes without copying when it is native.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return copy.withUTF8(body)
    }

    /// `lowercased()`, the same bytes, with ASCII lower-cased byte by byte.
    /// The standard library's fast path takes only wholly ASCII text: one
    /// curly apostrophe sent a whole quote through the Unicode mapping of every
    /// letter. `lowercased()` maps each scalar by its `lowercaseMapping`
    /// (no context), so mapping the others one by one gives the same text.
    func lowercasedQuickly() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for u in unicodeScalars {
            if u.value < 0x80 {
                let c = UInt8(u.value)
                out.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
            } else {
                out.append(contentsOf: u.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `split(separator: " ")`, found over the bytes when every space has an
    /// ASCII byte (or the end) on each side: such a space is a `Character` of
    /// its own, so the two splits agree. Otherwise (a combining mark after a
    /// space, a prepended mark before one) the `Character` split answers.
    /// Names and descriptors are split this way many times a story, and the
    /// `Character` split cost a grapheme break test per letter.
    func splitAtSpaces() -> [Substring] {
        let u = utf8
        var words: [Substring] = []
        var wordStart: String.Index?
        var previousNonASCII = false
        var i = u.startIndex
        while i != u.endIndex {
            let c = u[i]
            let next = u.index(after: i)
            if c == 0x20 {
                if previousNonASCII || (next != u.endIndex && u[next] >= 0x80) { return split(separator: " ") }
                if let start = wordStart { words.append(self[start..<i]); wordStart = nil }
            } else if wordStart == nil {
                wordStart = i
            }
            previousNonASCII = c >= 0x80
            i = next
        }
        if let start = wordStart { words.append(self[start..<u.endIndex]) }
        return words
    }

    /// The text of a UTF-8 byte range (ranges produced by the scanners fall on scalar boundaries).
    func utf8Slice(_ start: Int, _ end: Int) -> String {
        let u = utf8
        let a = u.index(u.startIndex, offsetBy: start)
        let b = u.index(a, offsetBy: end - start)
        return String(u[a..<b]) ?? String(decoding: Array(u[a..<b]), as: UTF8.self)
    }
}
