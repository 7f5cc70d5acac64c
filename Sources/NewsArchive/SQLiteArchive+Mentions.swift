import Foundation
import GRDB
import NewsKit

/// A mention as the queries find it: whose, in which story, where.
struct FoundMention {
    var entity: EntityID
    var story: StoryID
    var span: MentionSpan
}

extension SQLiteArchive {
    public func mentions(entity: EntityID, offset: Int, limit: Int) throws -> [MentionRecord] {
        let offset = max(0, offset), limit = max(0, limit)
        if limit == 0 { return [] }
        return try read { db in
            // The entity's stories in archive order, each row holding all its
            // mentions there: unpacked until the page is full.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT storyId, spans FROM story_entity WHERE entityId = ? ORDER BY dateKey DESC, storyId DESC
                """, arguments: [entity])
            var found: [FoundMention] = []
            var skipped = 0
            while found.count < limit, let r = try rows.next() {
                let spans = MentionSpans.decode(Self.bytes(r[1]))
                if skipped + spans.count <= offset {
                    skipped += spans.count
                    continue
                }
                let story: StoryID = r[0]
                for span in spans.dropFirst(offset - skipped).prefix(limit - found.count) {
                    found.append(FoundMention(entity: entity, story: story, span: span))
                }
                skipped = offset
            }
            return try Self.mentionRecords(found, db: db)
        }
    }

    public func mention(of entity: EntityID, from position: ArchivePosition?, direction: ArchiveDirection) throws
        -> MentionRecord? {
        let forward = direction == .forward
        return try read { db -> MentionRecord? in
            var from: (dateKey: Int, story: StoryID)?
            if let position, let dateKey = try Int.fetchOne(db, sql: "SELECT dateKey FROM story WHERE id = ?",
                                                            arguments: [position.story]) {
                from = (dateKey, position.story)
                // The rest of this story first.
                let here = (FieldCode.code(position.field), position.paragraph, position.offset)
                let spans = try Self.spans(of: entity, dateKey: dateKey, story: position.story, db: db)
                let next = forward ? spans.first { $0.position > here } : spans.last { $0.position < here }
                if let next {
                    return try Self.mentionRecords([FoundMention(entity: entity, story: position.story, span: next)],
                                                   db: db).first
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
            let story: StoryID = next[1]
            let spans = try Self.spans(of: entity, dateKey: next[0], story: story, db: db)
            guard let span = forward ? spans.first : spans.last else { return nil }
            return try Self.mentionRecords([FoundMention(entity: entity, story: story, span: span)], db: db).first
        }
    }

    /// The entity's mentions in one story, in story order.
    static func spans(of entity: EntityID, dateKey: Int, story: StoryID, db: Database) throws -> [MentionSpan] {
        let blob = try DatabaseValue.fetchOne(db.cachedStatement(sql: """
            SELECT spans FROM story_entity WHERE entityId = ? AND dateKey = ? AND storyId = ?
            """), arguments: [entity, dateKey, story])
        return MentionSpans.decode(bytes(blob ?? .null))
    }

    /// A `spans` column's bytes (empty when NULL).
    static func bytes(_ value: DatabaseValue) -> [UInt8] {
        guard let data = Data.fromDatabaseValue(value) else { return [] }
        return [UInt8](data)
    }

    /// Turns mentions into records with headline and context, reading each
    /// story's text once per call.
    static func mentionRecords(_ found: [FoundMention], db: Database) throws -> [MentionRecord] {
        let fetch = try db.cachedStatement(sql: "SELECT headline, body, layout FROM story WHERE id = ?")
        return try FoundMention.records(found) { id in
            try Row.fetchOne(fetch, arguments: [id]).map { ($0[0], $0[1], $0[2]) }
        }
    }
}

extension FoundMention {
    /// Turns mentions into records with headline and context, reading each
    /// story's `(headline, body, layout JSON)` through `text` once per call.
    static func records(_ found: [FoundMention],
                        text: (StoryID) throws -> (headline: String, body: String, layout: String)?) throws
        -> [MentionRecord] {
        var texts: [StoryID: (headline: String, byline: String, body: String, layout: [[Int]])] = [:]
        var out: [MentionRecord] = []
        out.reserveCapacity(found.count)
        for m in found {
            let storyID = m.story
            if texts[storyID] == nil, let s = try text(storyID) {
                let layout = try? JSONDecoder().decode(StoredLayout.self, from: Data(s.layout.utf8))
                texts[storyID] = (s.headline, layout?.bylineText ?? "", s.body, layout?.paragraphs ?? [])
            }
            let t = texts[storyID] ?? ("", "", "", [])
            let field = FieldCode.field(m.span.field)
            let paragraph = m.span.paragraph
            let start = m.span.start, end = m.span.end
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
            out.append(MentionRecord(
                text: m.span.text ?? StoredText.words(in: String(decoding: bytes, as: UTF8.self), start: start, end: end),
                entity: m.entity, story: storyID, headline: t.headline, field: field.rawValue,
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
