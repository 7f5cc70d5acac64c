import GRDB
import NewsKit

/// Where one mention stands among all the mentions of its entity, in archive
/// order: "mention 412 of 1,380 · story 57 of 311".
public struct MentionOrdinal: Sendable, Hashable, Codable {
    /// 1-based position of the mention among the entity's mentions.
    public var mention: Int
    /// How many mentions the entity has in the archive.
    public var mentionTotal: Int
    /// 1-based position of the mention's story among the stories that mention the entity.
    public var story: Int
    /// How many stories mention the entity.
    public var storyTotal: Int

    public init(mention: Int, mentionTotal: Int, story: Int, storyTotal: Int) {
        self.mention = mention
        self.mentionTotal = mentionTotal
        self.story = story
        self.storyTotal = storyTotal
    }
}

extension SQLiteArchive {
    /// Counts from indexes only: the stories before the mention's story come
    /// from the entity's `story_entity` rows (one per story, each carrying
    /// its mention count), the mentions before it inside its story from that
    /// story's row. Nothing is loaded, so the cost is one index
    /// range per entity, not one row per mention.
    public func mentionOrdinal(of entity: EntityID, at position: ArchivePosition) throws -> MentionOrdinal? {
        try read { db -> MentionOrdinal? in
            guard let totals = try Row.fetchOne(db, sql: "SELECT mentionCount, storyCount FROM entity WHERE id = ?",
                                                arguments: [entity]),
                  let dateKey = try Int.fetchOne(db, sql: "SELECT dateKey FROM story WHERE id = ?",
                                                 arguments: [position.story])
            else { return nil }
            // Archive order is newest first: earlier stories sort after this one.
            let before = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), TOTAL(mentionCount) FROM story_entity
                WHERE entityId = ? AND (dateKey, storyId) > (?, ?)
                """, arguments: [entity, dateKey, position.story])
            let storiesBefore: Int = before?[0] ?? 0
            let mentionsBefore = Int(before?[1] as Double? ?? 0)
            // The story's mentions of the entity are one packed row (`MentionSpans`).
            let here = (FieldCode.code(position.field), position.paragraph, position.offset)
            let inStory = try Self.spans(of: entity, dateKey: dateKey, story: position.story, db: db)
                .count { $0.position < here }
            let mentionTotal: Int = totals[0], storyTotal: Int = totals[1]
            return MentionOrdinal(mention: min(mentionTotal, mentionsBefore + inStory + 1), mentionTotal: mentionTotal,
                                  story: min(storyTotal, storiesBefore + 1), storyTotal: storyTotal)
        }
    }
}
