import Foundation
import GRDB
import NewsKit

extension SQLiteArchive {
    static let mentionColumns = "m.text, m.entityId, m.storyId, m.field, m.paragraph, m.start, m.\"end\""

    public func mentions(entity: EntityID, offset: Int, limit: Int) throws -> [MentionRecord] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.mentionColumns) FROM mention m WHERE m.entityId = ?
                ORDER BY m.dateKey DESC, m.storyId DESC, m.field, m.paragraph, m.start
                LIMIT ? OFFSET ?
                """, arguments: [entity, max(0, limit), max(0, offset)])
            return try Self.mentionRecords(rows, db: db)
        }
    }

    public func mention(of entity: EntityID, from position: ArchivePosition?, direction: ArchiveDirection) throws
        -> MentionRecord? {
        let forward = direction == .forward
        let within = forward
            ? "AND (m.field, m.paragraph, m.start) > (?, ?, ?) ORDER BY m.field, m.paragraph, m.start"
            : "AND (m.field, m.paragraph, m.start) < (?, ?, ?) ORDER BY m.field DESC, m.paragraph DESC, m.start DESC"
        let anywhere = forward ? "ORDER BY m.field, m.paragraph, m.start" : "ORDER BY m.field DESC, m.paragraph DESC, m.start DESC"
        let inStory = "SELECT \(Self.mentionColumns) FROM mention m WHERE m.entityId = ? AND m.dateKey = ? AND m.storyId = ? "
        return try read { db -> MentionRecord? in
            var from: (dateKey: Int, story: StoryID)?
            if let position, let dateKey = try Int.fetchOne(db, sql: "SELECT dateKey FROM story WHERE id = ?",
                                                            arguments: [position.story]) {
                from = (dateKey, position.story)
                // The rest of this story first.
                if let row = try Row.fetchOne(db, sql: inStory + within + " LIMIT 1", arguments: [
                    entity, dateKey, position.story, FieldCode.code(position.field), position.paragraph, position.offset,
                ]) {
                    return try Self.mentionRecords([row], db: db).first
                }
            }
            // Then the next story (in archive order) that mentions it.
            let next: Row?
            switch (from, forward) {
            case (let f?, true):
                next = try Row.fetchOne(db, sql: """
                    SELECT dateKey, storyId FROM story_entity WHERE entityId = ? AND (dateKey, storyId) < (?, ?)
                    ORDER BY dateKey DESC, storyId DESC LIMIT 1
                    """, arguments: [entity, f.dateKey, f.story])
            case (let f?, false):
                next = try Row.fetchOne(db, sql: """
                    SELECT dateKey, storyId FROM story_entity WHERE entityId = ? AND (dateKey, storyId) > (?, ?)
                    ORDER BY dateKey, storyId LIMIT 1
                    """, arguments: [entity, f.dateKey, f.story])
            case (nil, true):
                next = try Row.fetchOne(db, sql: """
                    SELECT dateKey, storyId FROM story_entity WHERE entityId = ? ORDER BY dateKey DESC, storyId DESC LIMIT 1
                    """, arguments: [entity])
            case (nil, false):
                next = try Row.fetchOne(db, sql: """
                    SELECT dateKey, storyId FROM story_entity WHERE entityId = ? ORDER BY dateKey, storyId LIMIT 1
                    """, arguments: [entity])
            }
            guard let next else { return nil }
            let row = try Row.fetchOne(db, sql: inStory + anywhere + " LIMIT 1", arguments: [entity, next[0], next[1]])
            return try row.flatMap { try Self.mentionRecords([$0], db: db).first }
        }
    }

    /// Turns mention rows into records with headline and context, reading
    /// each story's text once per call.
    static func mentionRecords(_ rows: [Row], db: Database) throws -> [MentionRecord] {
        var texts: [StoryID: (headline: String, byline: String, body: String, layout: [[Int]])] = [:]
        let fetch = try db.cachedStatement(sql: "SELECT headline, body, layout FROM story WHERE id = ?")
        var out: [MentionRecord] = []
        out.reserveCapacity(rows.count)
        for r in rows {
            let storyID: StoryID = r[2]
            if texts[storyID] == nil, let s = try Row.fetchOne(fetch, arguments: [storyID]) {
                let layoutJSON: String = s[2]
                let layout = try? JSONDecoder().decode(StoredLayout.self, from: Data(layoutJSON.utf8))
                texts[storyID] = (s[0], layout?.bylineText ?? "", s[1], layout?.paragraphs ?? [])
            }
            let t = texts[storyID] ?? ("", "", "", [])
            let field = FieldCode.field(r[3])
            let paragraph: Int = r[4]
            let start: Int = r[5], end: Int = r[6]
            let fieldText: Substring.UTF8View
            switch field {
            case .headline: fieldText = t.headline[...].utf8
            case .byline: fieldText = t.byline[...].utf8
            case .body:
                let bytes = t.body.utf8
                let from = StoredBody.offset(of: paragraph, layout: t.layout)
                let length = t.layout.indices.contains(paragraph) ? t.layout[paragraph][0] : 0
                let lo = bytes.index(bytes.startIndex, offsetBy: min(from, bytes.count))
                let hi = bytes.index(lo, offsetBy: min(length, bytes.count - min(from, bytes.count)))
                fieldText = t.body[lo..<hi].utf8
            }
            let bytes = Array(fieldText)
            let stored: String? = r[0]
            out.append(MentionRecord(
                text: stored ?? StoredText.words(in: String(decoding: bytes, as: UTF8.self), start: start, end: end),
                entity: r[1], story: storyID, headline: t.headline, field: field.rawValue,
                paragraph: paragraph, range: [start, end], context: Context.around(bytes, start: start, end: end)))
        }
        return out
    }
}

/// A short, single-line piece of text around a range, for lists of mentions.
enum Context {
    /// Bytes of context on each side of the range.
    static let radius = 60

    static func around(_ bytes: [UInt8], start: Int, end: Int) -> String {
        let s = max(0, min(start, bytes.count)), e = max(s, min(end, bytes.count))
        var lo = max(0, s - radius), hi = min(bytes.count, e + radius)
        // Start and stop on character boundaries, then on word boundaries.
        while lo > 0 && lo < bytes.count && bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
        while hi < bytes.count && bytes[hi] & 0xC0 == 0x80 { hi += 1 }
        if lo > 0 { while lo < s && bytes[lo] != 0x20 { lo += 1 } }
        if hi < bytes.count { while hi > e && bytes[hi - 1] != 0x20 { hi -= 1 } }
        var text = String(decoding: bytes[lo..<hi], as: UTF8.self)
        // One line, no control characters: lists print it as it is.
        text = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
        })).trimmingCharacters(in: .whitespaces)
        return (lo > 0 ? "…" : "") + text + (hi < bytes.count ? "…" : "")
    }
}
