import Foundation

/// A line of a story around the first of the searched words, each found word
/// in brackets ("…inspect the [cranes] at the east quay…"), made from the
/// stored text of the rows asked for by scanning its bytes once. FTS5's
/// `snippet()` re-read the row through the full-text index and re-tokenised
/// the whole body, one statement per hit: a fifth of a search's time.
///
/// The searched words are found by `SearchMatches` (as the reader highlights
/// them); the window counts words split on ASCII punctuation and on the
/// typographic marks of wire copy (curly quotes, dashes, ellipses,
/// non-breaking spaces).
enum SearchSnippet {
    /// Words shown, as `snippet(…, 16)` showed.
    static let width = 16
    /// Words shown before the first match, so it is read in context.
    static let lead = 4

    /// The snippet of the body when it holds a searched word, else of the
    /// headline when that does, else the body's first words.
    static func make(headline: String, body: String, words: SearchMatches) -> String {
        if let s = window(body, words: words, requireMatch: true) { return s }
        if let s = window(headline, words: words, requireMatch: true) { return s }
        return window(body, words: words, requireMatch: false) ?? ""
    }

    /// Is the byte at `i` the start of a separator, and how long is it.
    /// ASCII that is not a letter or digit; U+0080–U+00BF (no-break space,
    /// guillemets, signs); U+2000–U+206F (typographic spaces, dashes, curly
    /// quotes, ellipsis).
    static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x80 {
            let letterOrDigit = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
            return letterOrDigit ? 0 : 1
        }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0xBF { return 2 }
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 { return 3 }
        return 0
    }

    /// The bytes between two words, on one line: a paragraph break (the body
    /// joins paragraphs with a blank line) becomes one space.
    static func appendGap(_ gap: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard gap.contains(0x0A) || gap.contains(0x0D) else { out += gap; return }
        var kept = gap.filter { $0 != 0x0A && $0 != 0x0D }
        while kept.last == 0x20 { kept.removeLast() }
        out += kept
        out.append(0x20)
    }

    /// `width` words of `text` from a little before its first searched word,
    /// searched words in brackets; nil when `requireMatch` and none is found.
    static func window(_ text: String, words searched: SearchMatches, requireMatch: Bool) -> String? {
        // Where the searched words start (one scan; a body is a few kilobytes
        // and only the page's rows get a snippet).
        let hits = Set(searched.ranges(in: text).map(\.lowerBound))
        var text = text
        return text.withUTF8 { bytes -> String? in
            var words: [Range<Int>] = []
            var found: [Bool] = []
            var first: Int?
            var i = 0
            while i < bytes.count {
                let sep = separatorLength(bytes, at: i)
                if sep > 0 { i += sep; continue }
                let start = i
                while i < bytes.count && separatorLength(bytes, at: i) == 0 {
                    // Step over a whole UTF-8 sequence.
                    let b = bytes[i]
                    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                }
                i = min(i, bytes.count)
                let hit = hits.contains(start)
                words.append(start..<i)
                found.append(hit)
                if hit && first == nil { first = words.count - 1 }
                if let f = first, words.count >= max(f - lead, 0) + width { break }
                if first == nil && !requireMatch && words.count >= width { break }
            }
            if requireMatch && first == nil { return nil }
            if words.isEmpty { return "" }
            let from = max(0, (first ?? 0) - lead)
            let to = min(words.count, from + width)
            var out: [UInt8] = []
            if from > 0 { out += Array("…".utf8) }
            var at = words[from].lowerBound
            for w in from..<to {
                let r = words[w]
                appendGap(UnsafeBufferPointer(rebasing: bytes[at..<r.lowerBound]), to: &out)
                if found[w] { out.append(0x5B) }
                out += UnsafeBufferPointer(rebasing: bytes[r])
                if found[w] { out.append(0x5D) }
                at = r.upperBound
            }
            if words[to - 1].upperBound < bytes.count { out += Array("…".utf8) }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
