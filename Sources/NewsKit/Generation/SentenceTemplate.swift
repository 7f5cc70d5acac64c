/// A sentence with slots (`{object}`, `{city}` …), split once into literal
/// text and slots so filling it costs appends only — the generator fills
/// millions of them, and Foundation's find-and-replace was most of its time.
struct SentenceTemplate: Sendable {
    enum Slot: String, Sendable {
        case object, group, groupCap, city, org, storyOrg = "storyorg", adj, country, country2, n, m, year, month, it
    }
    enum Piece: Sendable {
        case text(String)
        case slot(Slot)
    }
    let pieces: [Piece]

    init(_ template: String) {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            let name = String(rest[rest.index(after: open)..<close])
            guard let slot = Slot(rawValue: name) else { preconditionFailure("unknown slot {\(name)} in \(template)") }
            pieces.append(.slot(slot))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    static func compile(_ templates: [String]) -> [SentenceTemplate] { templates.map(SentenceTemplate.init) }
}

extension String {
    /// The string with its first letter upper-cased (ASCII only: enough for
    /// the generator's own word lists).
    var asciiCapitalized: String {
        guard let first = utf8.first, first >= 0x61, first <= 0x7A else { return self }
        var bytes = Array(utf8)
        bytes[0] -= 0x20
        return String(decoding: bytes, as: UTF8.self)
    }
}
