/// The human-readable form of an annotated story: headline, quotes grouped by
/// speaker, entities by type.
public enum ExtractText {
    public static func render(_ a: AnnotatedStory) -> String {
        var out = "== \(a.story.headline)\n   \(a.story.source)\n"
        var order: [String] = []
        var bySpeaker: [String: [Quote]] = [:]
        for q in a.headlineQuotes + a.quotes {
            let who = q.speaker ?? "(unattributed)"
            if bySpeaker[who] == nil { order.append(who) }
            bySpeaker[who, default: []].append(q)
        }
        out += "\nQuotes (\(a.quotes.count + a.headlineQuotes.count))\n"
        for who in order {
            let quotes = bySpeaker[who] ?? []
            out += "  \(who) (\(quotes.count))\n"
            for q in quotes {
                let place = q.parts.first.map { $0.field == .headline ? "headline" : "¶\($0.paragraph)" } ?? ""
                out += "    [\(q.kind.rawValue), \(place)] \u{201C}\(q.text)\u{201D}\n"
            }
        }
        for type in EntityType.allCases {
            let list = a.entities.filter { $0.type == type }
            if list.isEmpty { continue }
            out += "\n\(type.rawValue.capitalized) (\(list.count))\n"
            for e in list { out += "  \(e.name) ×\(e.mentions.count)\n" }
        }
        return out + "\n"
    }
}
