import Foundation

/// One input format. Each format (wire text, RSS, Atom, NewsML-G2, NITF,
/// ninjs, HTML) is one parser; `StoryLoader` detects the format from the
/// content (`InputFormat.detect`) and gives the text to the parser for it.
public protocol StoryParser: Sendable {
    /// Whether this parser reads documents of this format.
    func accepts(_ format: InputFormat) -> Bool
    /// Every story in decoded text (BOM removed, valid Unicode) from `source`
    /// (a path or URL). A story's `source` is its identity in the archive:
    /// the given source for a one-story document, the item's own identifier
    /// (guid, id, uri) for an item of a feed or package.
    func stories(text: String, source: String) throws -> [Story]
}

/// The input formats, as told apart by content (never by file name).
public enum InputFormat: String, Sendable, CaseIterable {
    case wireText = "wire text", rss = "RSS", atom = "Atom", newsML = "NewsML-G2", nitf = "NITF"
    case ninjs, html = "HTML"
    /// XML or JSON that is none of the news formats.
    case unknownXML = "XML", unknownJSON = "JSON"

    /// The format of decoded text: the first element of an XML document
    /// (after the prolog, comments and doctype) names it; `<!DOCTYPE html>`,
    /// `<html>` or a document opening with an HTML tag is a web page; `{` or
    /// `[` is JSON (ninjs when it has ninjs keys); anything else is wire text.
    public static func detect(_ text: String) -> InputFormat {
        // Wire text, the common case, is told by its first byte, before any
        // walk over Characters.
        guard let first = firstNonBlankByte(text.utf8), first == UInt8(ascii: "<") || first == UInt8(ascii: "{")
            || first == UInt8(ascii: "[") else { return .wireText }
        var head = Substring(text.prefix(4096))
        while true {
            head = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if head.hasPrefix("<?") || head.hasPrefix("<!--") || head.hasPrefix("<!") && !head.lowercased().hasPrefix("<!doctype html") {
                let close = head.hasPrefix("<!--") ? "-->" : ">"
                // A doctype's internal subset holds `>`: skip to its `]>`.
                let end = head.hasPrefix("<!DOCTYPE") && head.prefix(while: { $0 != ">" }).contains("[")
                    ? head.range(of: "]>") : head.range(of: close)
                guard let end else { return .unknownXML }
                head = head[end.upperBound...]
                continue
            }
            break
        }
        if isJSONStart(head) {
            let lower = text.prefix(65536).lowercased()
            let keys = ["\"uri\"", "\"headline\"", "\"body_text\"", "\"body_html\"", "\"versioncreated\"", "ninjs"]
            return keys.contains(where: lower.contains) ? .ninjs : .unknownJSON
        }
        guard head.first == "<" else { return .wireText }
        let lower = head.lowercased()
        if lower.hasPrefix("<!doctype html") { return .html }
        var name = lower.dropFirst().prefix { !" \t\r\n/>".contains($0) }
        if let colon = name.firstIndex(of: ":") { name = name[name.index(after: colon)...] }
        switch name {
        case "rss", "rdf": return .rss
        case "feed": return .atom
        case "newsmessage", "newsitem", "packageitem": return .newsML
        case "nitf": return .nitf
        case "html", "head", "body", "article", "div", "p", "meta", "title", "section", "main", "h1", "h2", "header",
             "nav", "link", "script", "style", "span", "a", "table", "ul", "figure", "img", "b", "em", "strong":
            return .html
        default:
            // Markup of another kind ends with a tag; a story that opens
            // with "<UPDATE 2>" does not.
            let end = text.suffix(256).reversed().drop { $0.isWhitespace }
            return text.hasPrefix("<?xml") || end.first == ">" ? .unknownXML : .wireText
        }
    }

    /// The first byte that is not ASCII white space or a BOM.
    static func firstNonBlankByte<C: Collection<UInt8>>(_ bytes: C) -> UInt8? {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes.dropFirst(0)
        return body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// `{"`, `{}`, `[{`, `["`, `[1`, `[]`: JSON, not a story opening with "[UPDATE]".
    private static func isJSONStart(_ head: Substring) -> Bool {
        guard let first = head.first, first == "{" || first == "[" else { return false }
        guard let next = head.dropFirst().first(where: { !$0.isWhitespace }) else { return false }
        return first == "{" ? next == "\"" || next == "}" : "{[\"]-0123456789tfn".contains(next)
    }
}

/// Why one input could not be read. The description is one line naming the file.
public enum StoryInputError: Error, Equatable, CustomStringConvertible, Sendable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case binary(path: String)
    case notUTF8(path: String)
    case unsupported(path: String)
    case empty(path: String)
    /// Not valid in its declared (or unsupported) character encoding.
    case undecodable(path: String, reason: String)
    /// Broken XML or JSON, or a document of a known format missing what it needs.
    case malformed(path: String, reason: String)

    public var path: String {
        switch self {
        case .missing(let p), .unreadable(let p, _), .binary(let p), .notUTF8(let p),
             .unsupported(let p), .empty(let p), .undecodable(let p, _), .malformed(let p, _):
            return p
        }
    }

    public var reason: String {
        switch self {
        case .missing: return "no such file or directory"
        case .unreadable(_, let r): return "cannot read: \(r)"
        case .binary: return "binary data, not a text story"
        case .notUTF8: return "not valid UTF-8 text"
        case .unsupported: return "no parser for this format"
        case .empty: return "empty file"
        case .undecodable(_, let r): return r
        case .malformed(_, let r): return r
        }
    }

    /// One line: control characters from the input (an XML error's excerpt)
    /// never reach the terminal as such.
    public var description: String {
        "\(path): \(reason)".map { $0.isNewline ? " " : $0 }.reduce(into: "") { $0.append($1) }
    }
}
