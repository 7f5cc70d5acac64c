import Foundation
import GRDB
import NewsKit

extension SQLiteArchive {
    static let entityColumns = "e.id, e.name, e.type, e.mentionCount, e.storyCount, e.quoteCount"

    static func entityRecord(_ r: Row) -> EntityRecord {
        EntityRecord(id: r[0], name: r[1], type: r[2], mentionCount: r[3], storyCount: r[4], quoteCount: r[5])
    }

    public func entity(id: EntityID) throws -> EntityRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.entityColumns) FROM entity e WHERE e.id = ?", arguments: [id])
                .map(Self.entityRecord)
        }
    }

    public func entities(type: EntityType?, story: StoryID?, offset: Int, limit: Int) throws -> [EntityRecord] {
        var sql: String
        var arguments: StatementArguments = []
        if let story {
            guard let clause = try read({ db in try Self.storyEntityClause(db, story: story, alias: "se.") }) else {
                return []
            }
            sql = """
                SELECT \(Self.entityColumns) FROM story_entity se JOIN entity e ON e.id = se.entityId
                WHERE \(clause)
                """
            if let type {
                sql += " AND e.type = ?"
                arguments += [type.rawValue]
            }
            sql += " ORDER BY se.mentionCount DESC, e.mentionCount DESC, e.id"
        } else {
            // Entities whose stories were all replaced keep their id but are not listed.
            sql = "SELECT \(Self.entityColumns) FROM entity e WHERE e.storyCount > 0"
            if let type {
                sql += " AND e.type = ?"
                arguments += [type.rawValue]
            }
            sql += " ORDER BY e.mentionCount DESC, e.id DESC"
        }
        sql += " LIMIT ? OFFSET ?"
        arguments += [max(0, limit), max(0, offset)]
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.entityRecord) }
    }

    public func findEntities(named name: String, type: EntityType?, limit: Int) throws -> [EntityRecord] {
        try matchEntities(name, type: type, speakersOnly: false, limit: limit)
    }

    public func speakers(matching prefix: String, limit: Int) throws -> [EntityRecord] {
        try matchEntities(prefix, type: nil, speakersOnly: true, limit: limit)
    }

    /// Entities with, for every word of `name`, a word of their name or an
    /// alias starting with it: one index range scan on `entity_word` per
    /// word, intersected and ranked inside SQLite.
    func matchEntities(_ name: String, type: EntityType?, speakersOnly: Bool, limit: Int) throws -> [EntityRecord] {
        let words = NameKey.words(name)
        if words.isEmpty { return [] }
        var arguments: StatementArguments = []
        let ranges = words.map { w -> String in
            arguments += [w, w + "\u{10FFFF}"]
            return "SELECT entityId FROM entity_word WHERE word >= ? AND word < ?"
        }
        var sql = """
            SELECT \(Self.entityColumns) FROM entity e
            WHERE e.id IN (\(ranges.joined(separator: " INTERSECT "))) AND e.storyCount > 0
            """
        if let type {
            sql += " AND e.type = ?"
            arguments += [type.rawValue]
        }
        if speakersOnly { sql += " AND e.quoteCount > 0" }
        sql += " ORDER BY e.nameKey = ? DESC, \(speakersOnly ? "e.quoteCount DESC, " : "")e.mentionCount DESC, e.id LIMIT ?"
        arguments += [words.joined(separator: " "), max(0, limit)]
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.entityRecord) }
    }
}

/// The outcome of resolving a user's name for an entity.
public enum NameResolution: Sendable, Hashable {
    case none
    case one(EntityRecord)
    case ambiguous([EntityRecord])
}

extension ArchiveStore {
    /// What a name given by a user means: the one entity it names, or the
    /// candidates when it could be several. An exact full name wins.
    public func resolve(name: String, type: EntityType? = nil, speakersOnly: Bool = false) throws -> NameResolution {
        let found = speakersOnly
            ? try speakers(matching: name, limit: 50).filter { type == nil || $0.type == type?.rawValue }
            : try findEntities(named: name, type: type, limit: 50)
        if found.isEmpty { return .none }
        if found.count == 1 { return .one(found[0]) }
        let key = NameKey.key(name)
        let exact = found.filter { NameKey.key($0.name) == key }
        if exact.count == 1 { return .one(exact[0]) }
        return .ambiguous(found)
    }
}
