import Foundation
import GRDB
import NewsKit

extension SQLiteArchive {
    static let summaryColumns = "s.id, s.headline, s.date, s.agency, s.source, s.quoteCount, s.entityCount"

    static func summary(_ row: Row, from i: Int = 0) -> StorySummary {
        StorySummary(id: row[i], headline: row[i + 1], date: row[i + 2], agency: row[i + 3], source: row[i + 4],
                     quoteCount: row[i + 5], entityCount: row[i + 6])
    }

    public func storyCount() throws -> Int {
        // Kept by triggers (schema v6): the reader asks for it on every start.
        try read { db in try Int.fetchOne(db, sql: "SELECT n FROM story_count") ?? 0 }
    }

    public func stories(offset: Int, limit: Int) throws -> [StorySummary] {
        try read { db in
            // The page's ids come from the order index alone (stepping over
            // `offset` index entries, not rows); only the page's rows are read.
            try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns) FROM story s
                WHERE s.id IN (SELECT id FROM story ORDER BY dateKey DESC, id DESC LIMIT ? OFFSET ?)
                ORDER BY s.dateKey DESC, s.id DESC
                """, arguments: [max(0, limit), max(0, offset)]).map { Self.summary($0) }
        }
    }

    public func storySummary(id: StoryID) throws -> StorySummary? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.summaryColumns) FROM story s WHERE s.id = ?", arguments: [id])
                .map { Self.summary($0) }
        }
    }

    public func story(id: StoryID) throws -> ArchivedStory? {
        try read { db -> ArchivedStory? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT source, headline, body, layout, entityIds, dateKey, contentHash FROM story WHERE id = ?
                """, arguments: [id]) else { return nil }
            let idsText: String = row["entityIds"]
            let entityIDs = idsText.split(separator: ",").compactMap { EntityID($0) }
            let named = try db.cachedStatement(sql: "SELECT name, type FROM entity WHERE id = ?")
            var names: [EntityID: (name: String, type: String)] = [:]
            for eid in Set(entityIDs) {
                let r = try Row.fetchOne(named, arguments: [eid])
                names[eid] = (r?[0] ?? "", r?[1] ?? "")
            }
            let dateKey: Int = row["dateKey"]
            var spans: [MentionSpan] = []
            for eid in Set(entityIDs) { spans += try Self.spans(of: eid, dateKey: dateKey, story: id, db: db) }
            let quotes = try Row.fetchAll(db, sql: """
                SELECT q.ordinal, \(Self.quoteText), q.kind, q.speaker, q.speakerOrdinal, q.paragraph, q.start, q."end",
                       q.detail, q.confidence
                FROM quote q JOIN story s ON s.id = q.storyId WHERE q.dateKey = ? AND q.storyId = ? ORDER BY q.ordinal
                """, arguments: [dateKey, id]).map {
                PreparedStory.PreparedQuote(ordinal: $0[0], text: $0[1], kind: $0[2], speaker: $0[3], speakerOrdinal: $0[4],
                            paragraph: $0[5], start: $0[6], end: $0[7], detail: $0[8],
                            confidence: $0[9])
            }
            return try StoredStory(id: id, contentHash: row["contentHash"], source: row["source"], headline: row["headline"], body: row["body"],
                                   layout: row["layout"], entityIDs: entityIDs, names: names, spans: spans,
                                   quotes: quotes).archived()
        }
    }

    public func related(story: StoryID, limit: Int) throws -> [RelatedStory] {
        // Entities found in very many stories ("Reuters", a capital) say little
        // about relatedness and would make this query grow with the archive.
        try read { db in
            guard let mine = try Self.storyEntityClause(db, story: story, alias: "mine.") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns), r.shared FROM (
                  SELECT other.storyId AS storyId, other.dateKey AS dateKey, count(*) AS shared,
                         sum(1.0 / e.storyCount) AS weight
                  FROM story_entity mine
                  JOIN entity e ON e.id = mine.entityId AND e.storyCount <= ?
                  JOIN story_entity other ON other.entityId = mine.entityId AND other.storyId <> mine.storyId
                  WHERE \(mine)
                  GROUP BY other.storyId, other.dateKey
                ) r JOIN story s ON s.id = r.storyId
                ORDER BY r.shared DESC, r.weight DESC, r.dateKey DESC, r.storyId DESC
                LIMIT ?
                """, arguments: [Self.relatedEntityStoryLimit, max(0, limit)]).map {
                RelatedStory(story: Self.summary($0), sharedEntities: $0[7])
            }
        }
    }

    /// A story's `story_entity` rows as a WHERE clause over the primary key
    /// (its entity ids come from the story row), or nil when no such story.
    static func storyEntityClause(_ db: Database, story: StoryID, alias: String = "") throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT entityIds, dateKey FROM story WHERE id = ?", arguments: [story])
        else { return nil }
        let text: String = row[0]
        let ids = Set(text.split(separator: ",").compactMap { EntityID($0) })
        let dateKey: Int = row[1]
        // Integers read from the archive, never user text.
        return "\(alias)entityId IN (\(ids.sorted().map(String.init).joined(separator: ","))) "
            + "AND \(alias)dateKey = \(dateKey) AND \(alias)storyId = \(story)"
    }

    /// Entities in more stories than this are not used to relate stories.
    static let relatedEntityStoryLimit = 2000
}
