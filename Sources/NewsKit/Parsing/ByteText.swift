/// Byte-level stand-ins for the Foundation string calls the parsers used
/// (`trimmingCharacters(in: .whitespaces)`, `range(of:)`, `components(separatedBy:)`):
/// they bridged every call through `NSString`, which cost more than the rest
/// of parsing a story. Same results on valid UTF-8.
enum ByteText {
    /// The width of the blank (Unicode `Zs` or a tab, what `CharacterSet.whitespaces`
    /// holds) that starts at `i`, or 0 when none does.
    @inline(__always)
    static func blankWidth<C: RandomAccessCollection>(_ b: C, at i: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 { return 1 }
        if c < 0xC2 { return 0 }
        let end = b.endIndex
        if c == 0xC2 { return i + 1 < end && b[i + 1] == 0xA0 ? 2 : 0 }  // U+00A0
        guard i + 2 < end else { return 0 }
        let c1 = b[i + 1], c2 = b[i + 2]
        switch c {
        case 0xE1: return c1 == 0x9A && c2 == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            if c1 == 0x80 { return (c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF ? 3 : 0 }  // U+2000–200A, U+202F
            return c1 == 0x81 && c2 == 0x9F ? 3 : 0  // U+205F
        case 0xE3: return c1 == 0x80 && c2 == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }

    /// The width of the blank that ends just before `end`, or 0.
    @inline(__always)
    static func blankWidth<C: RandomAccessCollection>(_ b: C, endingAt end: C.Index, from start: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        guard end > start else { return 0 }
        let c = b[end - 1]
        if c == 0x20 || c == 0x09 { return 1 }
        if c < 0x80 { return 0 }
        if end - 2 >= start, blankWidth(b, at: end - 2) == 2 { return 2 }
        if end - 3 >= start, blankWidth(b, at: end - 3) == 3 { return 3 }
        return 0
    }

    /// `range` without blanks at either end.
    static func trimmed<C: RandomAccessCollection>(_ b: C, _ range: Range<Int>) -> Range<Int>
    where C.Element == UInt8, C.Index == Int {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let w = blankWidth(b, at: lo)
            if w == 0 || lo + w > hi { break }
            lo += w
        }
        while hi > lo {
            let w = blankWidth(b, endingAt: hi, from: lo)
            if w == 0 { break }
            hi -= w
        }
        return lo..<hi
    }

    /// The text without blanks at either end, like `trimmingCharacters(in: .whitespaces)`.
    static func trimmingBlanks<S: StringProtocol>(_ text: S) -> String {
        let bytes = Array(text.utf8)
        let range = trimmed(bytes, 0..<bytes.count)
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// Where `needle` first occurs in `b[range]`, by bytes.
    static func firstRange<C: RandomAccessCollection>(of needle: [UInt8], in b: C, _ range: Range<Int>) -> Range<Int>?
    where C.Element == UInt8, C.Index == Int {
        guard let first = needle.first, range.count >= needle.count else { return nil }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            if b[i] == first {
                var k = 1
                while k < needle.count && b[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i..<(i + needle.count) }
            }
            i += 1
        }
        return nil
    }

    /// Whether the character starting at `i` (and ending before `end`) is upper case,
    /// as `Character.isUppercase` says; ASCII letters are decided by their byte.
    static func isUppercaseCharacter<C: RandomAccessCollection>(_ b: C, at i: Int, end: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard i < end else { return false }
        let c = b[i]
        // A combining mark after an ASCII letter would join it into one
        // Character; only then is the Character itself asked.
        if c < 0x80 && (i + 1 >= end || b[i + 1] < 0x80) { return c >= 0x41 && c <= 0x5A }
        return String(decoding: b[i..<end], as: UTF8.self).first?.isUppercase ?? false
    }

    /// ASCII letters folded to lower case in place; other bytes kept.
    @inline(__always)
    static func asciiLower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// Whether `b[range]` equals the lower-case ASCII `word` when its ASCII
    /// letters are folded. Non-ASCII bytes never match (no list word has one).
    static func equalsLowercased<C: RandomAccessCollection>(_ b: C, _ range: Range<Int>, _ word: [UInt8]) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard range.count == word.count else { return false }
        var k = 0
        for i in range {
            if asciiLower(b[i]) != word[k] { return false }
            k += 1
        }
        return true
    }
}
