import Foundation

/// One input format. Each format (wire text, RSS/Atom, NewsML-G2, ninjs, HTML)
/// is one parser; `StoryLoader` picks the first that accepts a file.
public protocol StoryParser: Sendable {
    /// Whether this parser reads files with this name and these first bytes.
    func accepts(path: String, prefix: [UInt8]) -> Bool
    /// Parse decoded text (BOM removed, valid UTF-8) into a story.
    func parse(text: String, source: String) throws -> Story
}

/// Why one input could not be read. The description is one line naming the file.
public enum StoryInputError: Error, Equatable, CustomStringConvertible, Sendable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case binary(path: String)
    case notUTF8(path: String)
    case unsupported(path: String)
    case empty(path: String)

    public var path: String {
        switch self {
        case .missing(let p), .unreadable(let p, _), .binary(let p), .notUTF8(let p),
             .unsupported(let p), .empty(let p):
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
        }
    }

    public var description: String { "\(path): \(reason)" }
}
