import Foundation

/// Cuts plain story text into a headline line and body paragraphs, by bytes.
///
/// Blank lines separate blocks. A block of several lines is either one
/// hard-wrapped paragraph (lines joined with a space) or, as in newspaper and
/// web copy, one paragraph per line; `isLinePerParagraph` tells them apart.
/// CRLF and lone CR count as line ends; a leading BOM is dropped. Each
/// paragraph is trimmed of ASCII blanks and otherwise keeps the file's bytes.
struct ParagraphSplitter {
    struct Layout {
        var headline: String
        var paragraphs: [String]
    }

    static func split(_ text: String) -> Layout {
        var text = text
        return text.withUTF8 { split(bytes: $0) }
    }

    static func split(bytes: UnsafeBufferPointer<UInt8>) -> Layout {
        var blocks: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        guard let base = bytes.baseAddress else { return Layout(headline: "", paragraphs: []) }
        // Most text has no CR at all; then memchr finds each line end.
        let hasCR = memchr(base, 0x0D, n) != nil
        while i <= n {
            var end = i
            if hasCR {
                while end < n, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            } else if let hit = memchr(base + i, 0x0A, n - i) {
                end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else {
                end = n
            }
            let line = trimmed(bytes, i..<end)
            if line.isEmpty {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line)
            }
            if end >= n { break }
            // CRLF is one line end; a lone CR or LF is one too.
            i = (bytes[end] == 0x0D && end + 1 < n && bytes[end + 1] == 0x0A) ? end + 2 : end + 1
            if i == n { break }
        }
        if !current.isEmpty { blocks.append(current) }

        var layout = Layout(headline: "", paragraphs: [])
        guard !blocks.isEmpty else { return layout }
        // A headline wrapped over two lines goes on in lower case on the second.
        let headline = blocks[0].removeFirst()
        var headlineRest: Range<Int>?
        if let next = blocks[0].first, !endsSentence(bytes, headline), continuesSentence(bytes, next) {
            headlineRest = next
            blocks[0].removeFirst()
        }
        layout.headline = string(bytes, headline)
        if let rest = headlineRest { layout.headline += " " + string(bytes, rest) }
        for block in blocks where !block.isEmpty {
            if block.count == 1 || isLinePerParagraph(bytes, block) {
                for line in block { layout.paragraphs.append(string(bytes, line)) }
            } else {
                var joined: [UInt8] = []
                for (k, line) in block.enumerated() {
                    if k > 0 { joined.append(0x20) }
                    joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line]))
                }
                layout.paragraphs.append(String(decoding: joined, as: UTF8.self))
            }
        }
        return layout
    }

    /// Whether each line of a block is its own paragraph rather than a wrapped
    /// piece of one. Wrapped lines are short, mostly end mid-sentence, and the
    /// next line mostly goes on in lower case; newspaper lines are whole
    /// paragraphs that end a sentence (or a quote), and titles or list items
    /// are followed by a capital.
    static func isLinePerParagraph(_ bytes: UnsafeBufferPointer<UInt8>, _ block: [Range<Int>]) -> Bool {
        let inner = block.dropLast()
        var ending = 0
        for line in inner {
            if line.count > 100 { return true }
            if endsSentence(bytes, line) { ending += 1 }
        }
        if ending * 2 > inner.count { return true }
        let goingOn = block.dropFirst().filter { continuesSentence(bytes, $0) }.count
        return goingOn * 2 < block.count - 1
    }

    /// Whether a line starts the way the rest of a wrapped sentence does: with
    /// a lower-case letter or a digit, after any opening marks.
    static func continuesSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var i = line.lowerBound
        while i < line.upperBound {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") || c == UInt8(ascii: "`") {
                i += 1
            } else if c == 0xE2, i + 2 < line.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0x9C || bytes[i + 2] == 0x98 {
                i += 3  // “ or ‘
            } else {
                break
            }
        }
        guard i < line.upperBound else { return false }
        let c = bytes[i]
        if c < 0x80 {
            return (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
        }
        let head = string(bytes, i..<min(i + 4, line.upperBound))
        return head.unicodeScalars.first?.properties.isLowercase ?? false
    }

    /// Whether a line ends with sentence-final punctuation or a closing mark.
    static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        guard let last = line.last else { return false }
        switch bytes[last] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"),
             UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"):
            return true
        default:
            break
        }
        // ” (E2 80 9D), ’ (E2 80 99), … (E2 80 A6), » (C2 BB)
        if line.count >= 3, bytes[last - 2] == 0xE2, bytes[last - 1] == 0x80,
           bytes[last] == 0x9D || bytes[last] == 0x99 || bytes[last] == 0xA6 {
            return true
        }
        return line.count >= 2 && bytes[last - 1] == 0xC2 && bytes[last] == 0xBB
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C }

    /// The range without blanks at either end: ASCII spaces and tabs, and the
    /// no-break space (C2 A0) that web copy leaves around paragraphs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi {
            if isBlank(bytes[lo]) {
                lo += 1
            } else if lo + 1 < hi, bytes[lo] == 0xC2, bytes[lo + 1] == 0xA0 {
                lo += 2
            } else {
                break
            }
        }
        while hi > lo {
            if isBlank(bytes[hi - 1]) {
                hi -= 1
            } else if hi - 1 > lo, bytes[hi - 2] == 0xC2, bytes[hi - 1] == 0xA0 {
                hi -= 2
            } else {
                break
            }
        }
        return lo..<hi
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
