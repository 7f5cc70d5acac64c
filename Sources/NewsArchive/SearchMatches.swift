import Foundation
import NewsKit

/// Where the words of a full-text search stand in a story, in reading order
/// (headline, then body paragraphs). Words match as the archive's full-text
/// index matches them: whole words, case and accents folded ("sebastien"
/// finds "Sébastien"), a trailing `*` makes a word a prefix; field prefixes
/// (`speaker:`, `kind:` …) are not words of the text. The archive's snippets
/// and the reader's highlights both find the searched words through it.
public struct SearchMatches: Sendable, Hashable {
    /// Folded words that must match whole, and folded prefixes.
    var exact: Set<String> = []
    var prefixes: [String] = []
    /// The same words as bytes when all of them are ASCII: an ASCII word of
    /// the text is then compared byte by byte, with no `String` made for it.
    private var asciiQuery: ASCIIQuery?

    struct ASCIIQuery: Sendable, Hashable {
        var exact: [[UInt8]]
        var prefixes: [[UInt8]]
    }

    public init(query: String) {
        var word = ""
        func finish(prefix: Bool) {
            guard !word.isEmpty else { return }
            let folded = Self.fold(word)
            if prefix { prefixes.append(folded) } else { exact.insert(folded) }
            word = ""
        }
        // The same word boundaries as `SearchQuery.ftsPattern`.
        for scalar in SearchQuery(query).words.unicodeScalars {
            if Self.isWordScalar(scalar) {
                word.unicodeScalars.append(scalar)
            } else {
                finish(prefix: scalar == "*")
            }
        }
        finish(prefix: false)
        asciiQuery = Self.asciiForms(exact, prefixes)
    }

    public var isEmpty: Bool { exact.isEmpty && prefixes.isEmpty }

    /// Every matching word of the story, in reading order.
    public func spans(in story: Story) -> [Span] {
        guard !isEmpty else { return [] }
        var out: [Span] = []
        for r in ranges(in: story.headline) { out.append(Span(field: .headline, paragraph: 0, start: r.lowerBound, end: r.upperBound)) }
        for (i, p) in story.paragraphs.enumerated() {
            for r in ranges(in: p.text) { out.append(Span(field: .body, paragraph: i, start: r.lowerBound, end: r.upperBound)) }
        }
        return out
    }

    /// UTF-8 byte ranges of the matching words of `text`.
    public func ranges(in text: String) -> [Range<Int>] {
        guard !isEmpty else { return [] }
        var out: [Range<Int>] = []
        guard let ascii = asciiQuery else {
            Self.forEachWord(in: text) { word, range in
                if matches(word) { out.append(range) }
            }
            return out
        }
        Self.scanWords(in: text) { bytes, range, isASCII in
            if isASCII {
                if Self.matchesASCII(bytes[range], ascii.exact, ascii.prefixes) { out.append(range) }
            } else if matches(Self.word(bytes[range], ascii: false)) {
                out.append(range)
            }
        }
        return out
    }

    /// The query's words as bytes, or nil when one of them is not ASCII.
    static func asciiForms(_ exact: Set<String>, _ prefixes: [String]) -> ASCIIQuery? {
        let e = exact.map { Array($0.utf8) }, p = prefixes.map { Array($0.utf8) }
        guard (e + p).allSatisfy({ $0.allSatisfy { $0 < 0x80 } }) else { return nil }
        return ASCIIQuery(exact: e, prefixes: p)
    }

    /// Whether an ASCII word (any case) is one of `exact` or starts with one
    /// of `prefixes` (all lowercase ASCII): what `matches` says of its
    /// lowercased `String`.
    static func matchesASCII(_ word: Slice<UnsafeBufferPointer<UInt8>>, _ exact: [[UInt8]], _ prefixes: [[UInt8]]) -> Bool {
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        func starts(with q: [UInt8]) -> Bool {
            guard q.count <= word.count else { return false }
            var i = word.startIndex
            for c in q {
                if lower(word[i]) != c { return false }
                i += 1
            }
            return true
        }
        for q in exact where q.count == word.count && starts(with: q) { return true }
        for q in prefixes where starts(with: q) { return true }
        return false
    }

    /// Whether `text` holds every searched word (each prefix at least once):
    /// how a quote is checked for the words of a quote search.
    public func allFound(in text: String) -> Bool {
        var missing = exact
        var prefixFound = [Bool](repeating: false, count: prefixes.count)
        Self.forEachWord(in: text) { word, _ in
            missing.remove(word)
            for (i, p) in prefixes.enumerated() where !prefixFound[i] && word.hasPrefix(p) { prefixFound[i] = true }
        }
        return missing.isEmpty && !prefixFound.contains(false)
    }

    func matches(_ folded: String) -> Bool {
        exact.contains(folded) || prefixes.contains { folded.hasPrefix($0) }
    }

    /// Each word of `text`, folded, with its UTF-8 byte range. Scans bytes;
    /// only a non-ASCII word is decoded and folded through Foundation.
    static func forEachWord(in text: String, _ body: (String, Range<Int>) -> Void) {
        scanWords(in: text) { bytes, range, ascii in
            body(word(bytes[range], ascii: ascii), range)
        }
    }

    /// A word of the text folded: ASCII lowercased byte by byte, anything
    /// else through `fold`.
    static func word(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, ascii: Bool) -> String {
        guard ascii else { return fold(String(decoding: bytes, as: UTF8.self)) }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            for b in bytes {
                out[n] = b >= 65 && b <= 90 ? b + 32 : b
                n += 1
            }
            return n
        }
    }

    /// Each word of `text` as the bytes of the text, its UTF-8 byte range
    /// and whether it is all ASCII.
    static func scanWords(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0, start = -1, ascii = true
            func finish(_ end: Int) {
                defer { start = -1; ascii = true }
                guard start >= 0 else { return }
                body(bytes, start..<end, ascii)
            }
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    let isWord = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                    if isWord { if start < 0 { start = i } } else { finish(i) }
                    i += 1
                    continue
                }
                // A multi-byte scalar: decode it to ask whether it is part of a word.
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                let end = min(bytes.count, i + length)
                let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first
                if let scalar, Self.isWordScalar(scalar) {
                    if start < 0 { start = i }
                    ascii = false
                } else {
                    finish(i)
                }
                i = end
            }
            finish(bytes.count)
        }
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }

    /// Lowercased, accents removed: what the index's tokenizer compares.
    static func fold(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
