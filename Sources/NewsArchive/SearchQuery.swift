import Foundation
import NewsKit

/// A search as the user typed it: free words plus field prefixes
/// (`speaker:NAME`, `entity:NAME`, `kind:direct`). A value with spaces is
/// quoted: `speaker:"Marco Rubio"`. Any text is accepted; nothing in it is
/// ever passed to FTS5 or SQL as syntax.
public struct SearchQuery: Sendable, Hashable {
    public var words: String = ""
    public var speakers: [String] = []
    public var entities: [String] = []
    public var kinds: [QuoteKind] = []
    /// Field values that mean nothing (`kind:loud`), for a warning.
    public var ignored: [String] = []

    public init(_ text: String) {
        var free: [String] = []
        var i = text.startIndex
        func readValue() -> String {
            if i < text.endIndex && text[i] == "\"" {
                let open = text.index(after: i)
                let close = text[open...].firstIndex(of: "\"") ?? text.endIndex
                i = close < text.endIndex ? text.index(after: close) : close
                return String(text[open..<close])
            }
            let end = text[i...].firstIndex(where: \.isWhitespace) ?? text.endIndex
            defer { i = end }
            return String(text[i..<end])
        }
        while i < text.endIndex {
            if text[i].isWhitespace { i = text.index(after: i); continue }
            let rest = text[i...].lowercased()
            if rest.hasPrefix("speaker:") {
                i = text.index(i, offsetBy: 8)
                let v = readValue()
                if !v.isEmpty { speakers.append(v) }
            } else if rest.hasPrefix("entity:") {
                i = text.index(i, offsetBy: 7)
                let v = readValue()
                if !v.isEmpty { entities.append(v) }
            } else if rest.hasPrefix("kind:") {
                i = text.index(i, offsetBy: 5)
                let v = readValue()
                if let k = QuoteKind(rawValue: v.lowercased()) { kinds.append(k) } else { ignored.append("kind:" + v) }
            } else {
                free.append(readValue())
            }
        }
        words = free.joined(separator: " ")
    }

    /// An FTS5 query matching every word of `text` (a trailing `*` makes a
    /// word a prefix), or nil when it has no words. Words are letters and
    /// digits only, each in double quotes, so `"`, `OR`, `NEAR(`, `*` and
    /// SQL in user text are plain words or nothing.
    public static func ftsPattern(_ text: String) -> String? {
        var terms: [String] = []
        var current = ""
        func finish(prefix: Bool) {
            if !current.isEmpty {
                terms.append("\"" + current + "\"" + (prefix ? "*" : ""))
                current = ""
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark {
                current.unicodeScalars.append(scalar)
            } else {
                finish(prefix: scalar == "*")
            }
        }
        finish(prefix: false)
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}

extension ArchiveStore {
    /// The entity ids a search's `speaker:` and `entity:` names stand for
    /// (up to 50 candidates each), or nil when one of them names nobody:
    /// the search then matches nothing.
    func searchTargets(_ query: SearchQuery) throws -> (speakers: [EntityID], entities: [EntityID])? {
        var speakerIDs: [EntityID] = []
        for name in query.speakers {
            let found = try speakers(matching: name, limit: 50).map(\.id)
            if found.isEmpty { return nil }
            speakerIDs += found
        }
        var entityIDs: [EntityID] = []
        for name in query.entities {
            let found = try findEntities(named: name, type: nil, limit: 50).map(\.id)
            if found.isEmpty { return nil }
            entityIDs += found
        }
        return (speakerIDs, entityIDs)
    }
}
