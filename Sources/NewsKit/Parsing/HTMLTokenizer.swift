/// A small, tolerant HTML tokenizer: tags, text and the raw content of
/// `<script>` and `<style>`, from any markup a web page or feed holds
/// (unclosed tags, stray `<`, unquoted attributes). It never fails and never
/// builds a DOM; `HTMLText` turns its tokens into paragraphs. Tag and attribute
/// names come lower-cased; entities in text and attribute values are decoded.
struct HTMLTokenizer {
    enum Token: Equatable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
        /// The unparsed content of a `<script>` or `<style>` element.
        case raw(name: String, attributes: [String: String], content: String)
    }

    private static let rawTextElements: Set<String> = ["script", "style", "textarea", "xmp", "iframe", "noembed", "noframes"]

    static func tokens(_ html: String) -> [Token] {
        let b = Array(html.utf8)
        let n = b.count
        var out: [Token] = []
        var i = 0
        var textStart = 0

        func flushText(_ end: Int) {
            if end > textStart { out.append(.text(decode(b[textStart..<end]))) }
        }

        while i < n {
            guard b[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") {
                flushText(i)
                // Comments, CDATA, doctype: skipped.
                if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    i = find([0x2D, 0x2D, 0x3E], in: b, from: i + 4).map { $0 + 3 } ?? n
                } else if b[(i + 2)...].starts(with: Array("[CDATA[".utf8)) {
                    i = find(Array("]]>".utf8), in: b, from: i + 9).map { $0 + 3 } ?? n
                } else {
                    i = (b[i...].firstIndex(of: UInt8(ascii: ">")) ?? (n - 1)) + 1
                }
                textStart = i
                continue
            }
            if next == UInt8(ascii: "?") {
                flushText(i)
                i = (b[i...].firstIndex(of: UInt8(ascii: ">")) ?? (n - 1)) + 1
                textStart = i
                continue
            }
            let closing = next == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < n, isLetter(b[nameStart]) else { i += 1; continue }  // a stray '<' is text
            flushText(i)
            var j = nameStart
            while j < n, !isSpace(b[j]), b[j] != UInt8(ascii: "/"), b[j] != UInt8(ascii: ">") { j += 1 }
            var name = String(decoding: b[nameStart..<j].map(ByteText.asciiLower), as: UTF8.self)
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            var attributes: [String: String] = [:]
            var selfClosing = false
            // Attributes up to the tag's '>'.
            while j < n, b[j] != UInt8(ascii: ">") {
                if isSpace(b[j]) { j += 1; continue }
                if b[j] == UInt8(ascii: "/") { selfClosing = true; j += 1; continue }
                selfClosing = false
                let aStart = j
                while j < n, !isSpace(b[j]), b[j] != UInt8(ascii: "="), b[j] != UInt8(ascii: ">"),
                      !(b[j] == UInt8(ascii: "/") && j + 1 < n && b[j + 1] == UInt8(ascii: ">")) { j += 1 }
                let aName = String(decoding: b[aStart..<j].map(ByteText.asciiLower), as: UTF8.self)
                while j < n, isSpace(b[j]) { j += 1 }
                var value = ""
                if j < n, b[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < n, isSpace(b[j]) { j += 1 }
                    if j < n, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                        let q = b[j]
                        let vStart = j + 1
                        j = vStart
                        while j < n, b[j] != q { j += 1 }
                        value = decode(b[vStart..<min(j, n)])
                        if j < n { j += 1 }
                    } else {
                        let vStart = j
                        while j < n, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                        value = decode(b[vStart..<j])
                    }
                }
                if !aName.isEmpty, attributes[aName] == nil { attributes[aName] = value }
            }
            i = min(n, j + 1)
            textStart = i
            if closing {
                out.append(.end(name: name))
                continue
            }
            if rawTextElements.contains(name) && !selfClosing {
                let close = Array("</\(name)".utf8)
                let end = find(close, in: b, from: i, caseInsensitive: true) ?? n
                out.append(.raw(name: name, attributes: attributes, content: String(decoding: b[i..<end], as: UTF8.self)))
                i = end < n ? ((b[end...].firstIndex(of: UInt8(ascii: ">")) ?? (n - 1)) + 1) : n
                textStart = i
                continue
            }
            out.append(.start(name: name, attributes: attributes, selfClosing: selfClosing))
        }
        flushText(n)
        return out
    }

    /// Text with its character references decoded; an unknown or unterminated one stays as written.
    static func decode(_ s: ArraySlice<UInt8>) -> String {
        guard s.contains(UInt8(ascii: "&")) else { return String(decoding: s, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var plain: [UInt8] = []
        var i = s.startIndex
        func flush() {
            if !plain.isEmpty { out.append(contentsOf: String(decoding: plain, as: UTF8.self).unicodeScalars); plain.removeAll() }
        }
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "&") {
                var j = i + 1
                while j < s.endIndex, j - i < 34, s[j] != UInt8(ascii: ";"), !isSpace(s[j]), s[j] != UInt8(ascii: "&") { j += 1 }
                if j < s.endIndex, s[j] == UInt8(ascii: ";"),
                   let scalar = HTMLEntities.scalar(Substring(String(decoding: s[(i + 1)..<j], as: UTF8.self))) {
                    flush()
                    out.append(scalar)
                    i = j + 1
                    continue
                }
            }
            plain.append(s[i])
            i += 1
        }
        flush()
        return String(out)
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    private static func find(_ needle: [UInt8], in b: [UInt8], from: Int, caseInsensitive: Bool = false) -> Int? {
        guard let first = needle.first else { return nil }
        var i = from
        while i + needle.count <= b.count {
            if ByteText.asciiLower(b[i]) == ByteText.asciiLower(first) || b[i] == first {
                var k = 1
                while k < needle.count,
                      caseInsensitive ? ByteText.asciiLower(b[i + k]) == ByteText.asciiLower(needle[k]) : b[i + k] == needle[k] {
                    k += 1
                }
                if k == needle.count && (caseInsensitive || b[i] == first) { return i }
            }
            i += 1
        }
        return nil
    }
}
