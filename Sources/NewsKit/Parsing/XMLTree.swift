import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The small XML layer the feed and agency parsers share: a document parsed
/// by Foundation's `XMLParser` (libxml2) into a tree of elements and text.
///
/// Safe on hostile input: a document type with entity declarations is
/// refused before parsing (no XXE, no billion laughs, whatever the libxml2
/// version does), external entities and DTDs are never loaded
/// (`shouldResolveExternalEntities = false`), and nesting is bounded. The text
/// arrives decoded (`TextDecoding`), so the prolog's encoding is dropped and
/// libxml2 reads UTF-8. HTML's named entities (`&nbsp;`, `&rsquo;`), common in
/// feeds, become characters, and a stray `&` ("AT&T") is read as itself.
final class XMLTree {
    final class Element {
        /// The local name, without a namespace prefix.
        let name: String
        let namespace: String?
        let attributes: [String: String]
        fileprivate(set) var children: [Node] = []

        init(name: String, namespace: String?, attributes: [String: String]) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
        }

        /// The first child element with this local name.
        func first(_ name: String) -> Element? {
            for case .element(let e) in children where e.name == name { return e }
            return nil
        }

        /// Child elements with this local name, in order.
        func all(_ name: String) -> [Element] {
            children.compactMap { if case .element(let e) = $0, e.name == name { e } else { nil } }
        }

        /// Child elements, in order.
        var elements: [Element] {
            children.compactMap { if case .element(let e) = $0 { e } else { nil } }
        }

        /// The first element with this local name at any depth (depth first).
        func descendant(_ name: String) -> Element? {
            for case .element(let e) in children {
                if e.name == name { return e }
                if let found = e.descendant(name) { return found }
            }
            return nil
        }

        /// All text inside, in document order.
        var text: String {
            var out = ""
            appendText(to: &out)
            return out
        }

        private func appendText(to out: inout String) {
            for child in children {
                switch child {
                case .text(let t): out += t
                case .element(let e): e.appendText(to: &out)
                }
            }
        }

        /// The text with runs of white space made one space, trimmed; nil when empty.
        var plainText: String? { XMLTree.collapse(text) }

        /// An attribute by its local name (a prefix such as `xml:` is ignored).
        func attribute(_ name: String) -> String? {
            if let v = attributes[name] { return v }
            for (k, v) in attributes where k.hasSuffix(":" + name) { return v }
            return nil
        }
    }

    enum Node {
        case element(Element)
        case text(String)
    }

    let root: Element

    /// Parses `text` from `source`; `format` names the format in errors.
    init(text: String, source: String, format: String) throws(StoryInputError) {
        let prepared = try XMLTree.prepare(text, source: source, format: format)
        let parser = XMLParser(data: Data(prepared.utf8))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        let builder = Builder()
        parser.delegate = builder
        let ok = parser.parse()
        if let limit = builder.tooDeep {
            throw .malformed(path: source, reason: "malformed \(format): elements nested deeper than \(limit)")
        }
        if !ok || parser.parserError != nil || builder.root == nil {
            let code = (parser.parserError as NSError?)?.code ?? builder.errorCode ?? 0
            let line = builder.errorLine ?? parser.lineNumber
            let column = builder.errorColumn ?? parser.columnNumber
            let what = builder.root == nil && code == 0 ? "no root element" : XMLTree.describe(code)
            throw .malformed(path: source, reason: "malformed \(format): \(what) (line \(line), column \(column))")
        }
        root = builder.root!
    }

    /// Runs of white space made one space, trimmed; nil when nothing is left.
    static func collapse(_ s: String) -> String? {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out.isEmpty ? nil : out
    }

    private static let maxDepth = 256

    /// libxml2's error numbers (xmlParserErrors) that bad feeds hit, in words.
    private static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "document is empty"
        case 5: return "document ends too early"
        case 9: return "invalid character"
        case 23: return "unescaped '<' or '&'"
        case 26: return "undefined entity"
        case 38, 39, 40, 41: return "broken attribute"
        case 65: return "malformed attribute"
        case 73: return "expected '>'"
        case 76: return "mismatched end tag"
        case 85: return "extra content after the document"
        case 89: return "entity loop"
        default: return "XML error \(code)"
        }
    }

    /// Refuses entity declarations, drops the prolog, and turns HTML entities
    /// and stray ampersands into what XML accepts. CDATA and comments are kept as they are.
    static func prepare(_ text: String, source: String, format: String) throws(StoryInputError) -> String {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // The doctype, if any, stands before the root element.
        if let doctype = find(Array("<!DOCTYPE".utf8), in: bytes, from: 0, caseInsensitive: true),
           doctype < (firstElementStart(bytes) ?? bytes.count) {
            let end = doctypeEnd(bytes, from: doctype)
            if find(Array("<!ENTITY".utf8), in: bytes, from: doctype, caseInsensitive: true).map({ $0 < end }) ?? false {
                throw .malformed(path: source, reason: "refused \(format): the document declares XML entities (possible XXE or entity expansion attack)")
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        // The XML declaration names the file's encoding, which is now UTF-8.
        if bytes.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: bytes, from: 0) { i = end + 2 }
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c == UInt8(ascii: "<"), i + 8 < n, bytes[i + 1] == UInt8(ascii: "!") {
                let cdata = bytes[i..<(i + 9)].elementsEqual(Array("<![CDATA[".utf8))
                let comment = bytes[(i + 2)..<min(n, i + 4)].elementsEqual([0x2D, 0x2D])
                if cdata || comment {
                    let close = Array((cdata ? "]]>" : "-->").utf8)
                    let end = find(close, in: bytes, from: i + 4).map { $0 + close.count } ?? n
                    out.append(contentsOf: bytes[i..<end])
                    i = end
                    continue
                }
            }
            if c == UInt8(ascii: "&") {
                let (replacement, length) = reference(bytes, at: i)
                out.append(contentsOf: replacement)
                i += length
                continue
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What to write for the `&` at `i`, and how many input bytes it covers.
    private static func reference(_ b: [UInt8], at i: Int) -> ([UInt8], Int) {
        var j = i + 1
        let limit = min(b.count, i + 40)
        if j < limit, b[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < limit && (b[j] == UInt8(ascii: "x") || b[j] == UInt8(ascii: "X"))
            if hex { j += 1 }
            let digitsStart = j
            while j < limit, (b[j] >= 0x30 && b[j] <= 0x39) || (hex && isHexLetter(b[j])) { j += 1 }
            if j > digitsStart, j < limit, b[j] == UInt8(ascii: ";") { return (Array(b[i...j]), j - i + 1) }
            return (Array("&amp;".utf8), 1)
        }
        while j < limit, isNameByte(b[j]) { j += 1 }
        guard j > i + 1, j < limit, b[j] == UInt8(ascii: ";") else { return (Array("&amp;".utf8), 1) }
        let name = String(decoding: b[(i + 1)..<j], as: UTF8.self)
        if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return (Array(b[i...j]), j - i + 1) }
        if let scalar = HTMLEntities.named[name] { return (Array("&#\(scalar.value);".utf8), j - i + 1) }
        return (Array("&amp;".utf8), 1)
    }

    private static func isHexLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
    }

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= 0x30 && c <= 0x39)
    }

    /// Where the first element starts: a `<` followed by a name character.
    private static func firstElementStart(_ b: [UInt8]) -> Int? {
        var i = 0
        while i + 1 < b.count {
            if b[i] == UInt8(ascii: "<"), b[i + 1] != UInt8(ascii: "!"), b[i + 1] != UInt8(ascii: "?") { return i }
            if b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "!") {
                // Skip the doctype (with its internal subset) or a comment.
                i = doctypeEnd(b, from: i)
                continue
            }
            i += 1
        }
        return nil
    }

    /// The index after a `<!…>` markup declaration that starts at `start`,
    /// counting the `[…]` of an internal subset.
    private static func doctypeEnd(_ b: [UInt8], from start: Int) -> Int {
        var i = start + 2
        var depth = 0
        var quote: UInt8 = 0
        while i < b.count {
            let c = b[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "]") {
                depth -= 1
            } else if c == UInt8(ascii: ">"), depth <= 0 {
                return i + 1
            }
            i += 1
        }
        return b.count
    }

    private static func find(_ needle: [UInt8], in b: [UInt8], from: Int, caseInsensitive: Bool = false) -> Int? {
        guard needle.count <= b.count else { return nil }
        var i = from
        while i + needle.count <= b.count {
            var k = 0
            while k < needle.count {
                let x = caseInsensitive ? ByteText.asciiLower(b[i + k]) : b[i + k]
                let y = caseInsensitive ? ByteText.asciiLower(needle[k]) : needle[k]
                if x != y { break }
                k += 1
            }
            if k == needle.count { return i }
            i += 1
        }
        return nil
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []
        var text = ""
        var tooDeep: Int?
        var errorCode: Int?
        var errorLine: Int?
        var errorColumn: Int?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            flushText()
            guard stack.count < XMLTree.maxDepth else {
                tooDeep = XMLTree.maxDepth
                parser.abortParsing()
                return
            }
            var local = elementName
            if let colon = local.lastIndex(of: ":") { local = String(local[local.index(after: colon)...]) }
            let e = Element(name: local, namespace: namespaceURI?.isEmpty == false ? namespaceURI : nil, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(.element(e)) } else if root == nil { root = e }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            flushText()
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if errorCode == nil {
                errorCode = (parseError as NSError).code
                errorLine = parser.lineNumber
                errorColumn = parser.columnNumber
            }
        }

        /// Never asked for with external entities off; refuses anyway.
        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

        private func flushText() {
            guard !text.isEmpty else { return }
            stack.last?.children.append(.text(text))
            text = ""
        }
    }
}
