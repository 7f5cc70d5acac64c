import Foundation
import NewsKit

/// The entity rows linking reads and writes, one implementation per backend
/// (`SQLiteEntityRows`, `PostgresEntityRows`): the rules stay in `EntityLinker`.
protocol EntityRows {
    /// Entities of `type` with this folded alias, by id.
    func aliasIDs(_ alias: String, type: String) throws -> [EntityID]
    /// People whose full name's last word is `surname`, by id.
    func surnamePersonIDs(_ surname: String) throws -> [EntityID]
    /// An entity's folded canonical name ("" when no such entity).
    func nameKey(of id: EntityID) throws -> String
    func insertEntity(name: String, type: String, key: String, surname: String?) throws -> EntityID
    func renameEntity(_ id: EntityID, name: String, key: String, surname: String) throws
    /// Adds the alias (if new) and its words for prefix look-ups.
    func insertAlias(_ alias: String, type: String, entity: EntityID) throws

    // Bulk look-ups for `EntityLinker.prefetch`, on a backend where each
    // query is a network round trip; nil when the backend has none.
    /// (alias, type, entity id) rows for these aliases.
    func aliasRows(_ keys: [(alias: String, type: String)]) throws -> [(String, String, EntityID)]?
    /// (surname, person id) rows for these surnames.
    func surnameRows(_ surnames: [String]) throws -> [(String, EntityID)]?
    /// Folded canonical names of these entities.
    func nameKeys(of ids: [EntityID]) throws -> [EntityID: String]?
}

extension EntityRows {
    func aliasRows(_ keys: [(alias: String, type: String)]) throws -> [(String, String, EntityID)]? { nil }
    func surnameRows(_ surnames: [String]) throws -> [(String, EntityID)]? { nil }
    func nameKeys(of ids: [EntityID]) throws -> [EntityID: String]? { nil }
}

/// Links a story's entities to archive entities, so one person in many
/// stories is one entity with one stable id.
///
/// - A name (or an alias, a form it was mentioned by) that is already an
///   entity of that type links to it; an exact canonical name wins over aliases.
/// - A surname-only person ("Zelenskiy") joins the person whose full name ends
///   with it when there is exactly one; with none or several it is its own
///   entity rather than a guess.
/// - A full name arriving when only a surname-only entity of that surname
///   exists takes that entity over (same id), so earlier mentions stay linked.
///
/// Keeps what it has looked up for the length of one ingest: linking runs
/// for every entity of every story and must not cost a query each time.
/// Only one writer runs at a time (SQLite's write lock; on PostgreSQL a
/// transaction-level advisory lock, and the memo is dropped at the start of
/// every transaction because other machines write between them), and the
/// memo is dropped when a batch fails, so it never outlives what was committed.
/// Unchecked Sendable: it is handed to the writer queue and used by one
/// batch at a time, never concurrently.
final class EntityLinker: @unchecked Sendable {
    /// An alias of one entity type (a struct key: no string built per look-up).
    private struct AliasKey: Hashable {
        var type: String
        var alias: String
    }
    private var aliasMemo: [AliasKey: [EntityID]] = [:]
    private var surnameMemo: [String: [EntityID]] = [:]
    private var keyMemo: [EntityID: String] = [:]

    func reset() {
        aliasMemo.removeAll()
        surnameMemo.removeAll()
        keyMemo.removeAll()
    }

    /// Looks up, in three queries, everything linking these entities will
    /// ask for (their names and aliases, and surnames), so linking a batch
    /// costs a round trip per new row rather than per look-up.
    func prefetch(_ entities: [PreparedStory.LocalEntity], db: some EntityRows) throws {
        var keys = Set<AliasKey>()
        var surnames = Set<String>()
        for e in entities {
            let type = e.type.rawValue
            keys.insert(AliasKey(type: type, alias: e.key))
            for a in e.aliasKeys { keys.insert(AliasKey(type: type, alias: a)) }
            if e.type == .person, let last = Self.lastWord(e.key) {
                surnames.insert(last)
                keys.insert(AliasKey(type: type, alias: last))
            }
        }
        let missing = keys.filter { aliasMemo[$0] == nil }
        if let rows = try db.aliasRows(missing.map { ($0.alias, $0.type) }) {
            var found: [AliasKey: [EntityID]] = [:]
            for k in missing { found[k] = [] }
            for (alias, type, id) in rows { found[AliasKey(type: type, alias: alias), default: []].append(id) }
            for (k, ids) in found { aliasMemo[k] = ids.sorted() }
        }
        let missingSurnames = surnames.filter { surnameMemo[$0] == nil }
        if let rows = try db.surnameRows(Array(missingSurnames)) {
            var found: [String: [EntityID]] = [:]
            for s in missingSurnames { found[s] = [] }
            for (surname, id) in rows { found[surname, default: []].append(id) }
            for (s, ids) in found { surnameMemo[s] = ids.sorted() }
        }
        let ids = Set(aliasMemo.values.joined()).filter { keyMemo[$0] == nil }
        if let named = try db.nameKeys(of: Array(ids)) {
            for (id, key) in named { keyMemo[id] = key }
        }
    }

    func link(_ e: PreparedStory.LocalEntity, db: some EntityRows) throws -> EntityID {
        let type = e.type.rawValue
        // Keys are folded words joined by one space (`NameKey.key`): a byte
        // scan, not a split into Substrings, on this per-entity path.
        let oneWord = !e.key.utf8.contains(0x20)
        let id: EntityID
        if e.type == .person && oneWord {
            let full = try surnamePersons(e.key, db: db)
            if full.count == 1 {
                id = full[0]
            } else if let solo = try aliases(e.key, type: type, db: db).first(where: { try canonicalKey($0, db: db) == e.key }) {
                id = solo
            } else {
                id = try create(e, db: db)
            }
        } else {
            let candidates = try aliases(e.key, type: type, db: db)
            if let exact = try candidates.first(where: { try canonicalKey($0, db: db) == e.key }) {
                id = exact
            } else if candidates.count == 1 {
                id = candidates[0]
            } else if candidates.isEmpty, e.type == .person, let surname = Self.lastWord(e.key),
                      try surnamePersons(surname, db: db).isEmpty,
                      let solo = try aliases(surname, type: type, db: db).first(where: { try canonicalKey($0, db: db) == surname }) {
                try promote(solo, to: e, surname: surname, db: db)
                id = solo
            } else {
                id = try create(e, db: db)
            }
        }
        try addAliases(e.aliasKeys, of: id, type: e.type, db: db)
        return id
    }

    /// The last word of a key, nil for an empty one.
    static func lastWord(_ key: String) -> String? {
        guard let space = key.utf8.lastIndex(of: 0x20) else { return key.isEmpty ? nil : key }
        let word = key[key.utf8.index(after: space)...]
        return word.isEmpty ? nil : String(word)
    }

    private func aliases(_ key: String, type: String, db: some EntityRows) throws -> [EntityID] {
        let memoKey = AliasKey(type: type, alias: key)
        if let ids = aliasMemo[memoKey] { return ids }
        let ids = try db.aliasIDs(key, type: type)
        aliasMemo[memoKey] = ids
        return ids
    }

    private func surnamePersons(_ surname: String, db: some EntityRows) throws -> [EntityID] {
        if let ids = surnameMemo[surname] { return ids }
        let ids = try db.surnamePersonIDs(surname)
        surnameMemo[surname] = ids
        return ids
    }

    private func canonicalKey(_ id: EntityID, db: some EntityRows) throws -> String {
        if let k = keyMemo[id] { return k }
        let k = try db.nameKey(of: id)
        keyMemo[id] = k
        return k
    }

    private func create(_ e: PreparedStory.LocalEntity, db: some EntityRows) throws -> EntityID {
        let words = e.key.split(separator: " ").map(String.init)
        let surname = e.type == .person && words.count > 1 ? words.last : nil
        let id = try db.insertEntity(name: e.name, type: e.type.rawValue, key: e.key, surname: surname)
        keyMemo[id] = e.key
        if let surname { surnameMemo[surname] = nil }
        try addAliases([e.key], of: id, type: e.type, canonical: true, db: db)
        return id
    }

    private func promote(_ id: EntityID, to e: PreparedStory.LocalEntity, surname: String, db: some EntityRows) throws {
        try db.renameEntity(id, name: e.name, key: e.key, surname: surname)
        keyMemo[id] = e.key
        surnameMemo[surname] = nil
        try addAliases([e.key], of: id, type: e.type, canonical: true, db: db)
    }

    private func addAliases(_ keys: [String], of id: EntityID, type: EntityType, canonical: Bool = false,
                            db: some EntityRows) throws {
        for key in keys {
            // A lone word as a person alias would bypass the surname rule
            // (unless it is the entity's own name: a surname-only entity).
            if !canonical && type == .person && !key.utf8.contains(0x20) { continue }
            var ids = try aliases(key, type: type.rawValue, db: db)
            if ids.contains(id) { continue }
            try db.insertAlias(key, type: type.rawValue, entity: id)
            ids.append(id)
            aliasMemo[AliasKey(type: type.rawValue, alias: key)] = ids
        }
    }
}
