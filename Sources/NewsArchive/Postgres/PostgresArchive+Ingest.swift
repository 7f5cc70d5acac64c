import Foundation
import NewsKit

/// Ingest: the shared pipeline (`IngestingArchive`: read, hash, parse,
/// extract on all cores) with this backend's writer.
///
/// Several ingesters, on several machines, link entities consistently
/// because each batch's transaction first takes one transaction-level
/// advisory lock for the archive: writers link and insert one after
/// another, as SQLite's single writer does, while the expensive part
/// (parsing and extraction) still runs on every machine at once. Linking
/// reads several rows and decides across them (a surname joins the only
/// full name, a full name takes over a surname-only entity), which unique
/// keys with ON CONFLICT alone cannot make consistent; per-name locks
/// could, at the price of lock ordering across surnames and aliases.
/// Readers never wait for the lock (MVCC) and see only committed batches.
extension PostgresArchive: IngestingArchive {
    public func ingest(paths: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> IngestReport {
        try ingestFiles(paths: paths, progress: progress)
    }

    public func ingest(stories: [Story]) throws -> IngestReport {
        try ingestParsed(stories)
    }

    public func store(_ items: [IngestItem]) throws -> IngestReport {
        let prepared = ParallelMap.map(items) { PreparedStory($0) }
        var report = IngestReport()
        report.filesSeen = items.count
        var start = 0
        repeat {
            let batch = Array(prepared[start..<min(prepared.count, start + max(1, batchSize))])
            try write(batch, linker: EntityLinker(), into: &report)
            start += batch.count
        } while start < prepared.count
        return report
    }

    func storedAlready(_ pairs: [(source: String, hash: String)]) throws -> Set<String> {
        if pairs.isEmpty { return [] }
        return try read { c in
            let rows = try c.run("""
                SELECT f.source, f.hash FROM unnest($1::text[], $2::text[]) AS f(source, hash)
                WHERE EXISTS (SELECT 1 FROM story WHERE content_hash = f.hash)
                  AND NOT EXISTS (SELECT 1 FROM story WHERE source = f.source AND content_hash <> f.hash)
                """, [PGTextArray(values: pairs.map(\.source)), PGTextArray(values: pairs.map(\.hash))])
            return Set((0..<rows.count).map { rows.text($0, 0) + "\u{0}" + rows.text($0, 1) })
        }
    }

    func ingestFinished() {}

    /// Writes one batch in one transaction, under the archive's write lock.
    /// A dropped connection rolls the transaction back on the server; the
    /// batch is written again on a new connection (one line says so), so a
    /// story is never half-written. Had the COMMIT gone through just before
    /// the connection dropped, the retry finds the stories by their hashes
    /// and counts them unchanged: nothing is stored twice.
    func write(_ batch: [PreparedStory], linker: EntityLinker, into report: inout IngestReport) throws {
        if batch.isEmpty { return }
        let lost = { (e: PGError) in
            "\(url): connection lost while writing (\(e.message)); writing the batch of \(batch.count) again"
        }
        do {
            let counts = try onConnection(writer, pause: 300_000, lost: lost) { c -> IngestReport in
                // What the linker remembers is only good inside one
                // transaction: other ingesters write between them.
                linker.reset()
                try c.run("BEGIN", [])
                do {
                    try c.run("SELECT pg_advisory_xact_lock(hashtext('newsroom-write:' || current_schema()))", [])
                    try linker.prefetch(batch.flatMap(\.storyEntities), db: PostgresEntityRows(c: c))
                    var w = PostgresWriter(c: c, linker: linker)
                    try w.prefetch(batch)
                    var counts = IngestReport()
                    for p in batch { counts.count(try w.write(p)) }
                    try w.flush()
                    if counts.added + counts.updated > 0 {
                        // Delivered at commit to readers that LISTEN. Channels are
                        // database-wide: the payload names the archive's schema.
                        try c.run("SELECT pg_notify('\(StoryNotifications.channel)', current_schema() || ' ' || $1)",
                                  [counts.added + counts.updated])
                    }
                    try c.run("COMMIT", [])
                    return counts
                } catch {
                    _ = try? c.run("ROLLBACK", [])
                    throw error
                }
            }
            report.add(counts)
        } catch {
            linker.reset()
            throw error
        }
    }
}

/// `text[]` as an array literal (each element quoted).
struct PGTextArray: PGParameter {
    var values: [String]
    var pgText: String? {
        "{" + values.map { v in
            "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }
}

/// Writes prepared stories inside one transaction, as `ArchiveWriter` does
/// for SQLite: identity by content hash, replacement by source path,
/// cross-story linking (`EntityLinker`), counters applied once per batch.
struct PostgresWriter {
    let c: PGConnection
    let linker: EntityLinker
    var deltas: [EntityID: EntityCounts] = [:]

    init(c: PGConnection, linker: EntityLinker) {
        self.c = c
        self.linker = linker
    }

    /// The batch's stories already stored, by source and by content hash:
    /// read once for the batch (`prefetch`), then kept by this writer as it
    /// inserts and deletes. Exact while the batch holds the write lock.
    var stored: [(id: StoryID, source: String, hash: String)] = []

    /// Reads which of the batch's sources and hashes are stored: one round
    /// trip for the batch instead of one a story.
    mutating func prefetch(_ batch: [PreparedStory]) throws {
        let r = try c.run("""
            SELECT id, source, content_hash FROM story WHERE source = ANY($1::text[]) OR content_hash = ANY($2::text[])
            ORDER BY id
            """, [PGTextArray(values: batch.map(\.source)), PGTextArray(values: batch.map(\.contentHash))])
        stored = (0..<r.count).map { (r.int64($0, 0), r.text($0, 1), r.text($0, 2)) }
    }

    /// One statement writes the story, its entity links and its quotes
    /// (data-modifying CTEs): one round trip a story, not three.
    static let insertStory = """
        WITH s AS (
          INSERT INTO story (id, source, content_hash, headline, date, date_key, agency, body, layout, entity_ids,
                             quote_count, entity_count, fts)
          VALUES (COALESCE($14::bigint, nextval(pg_get_serial_sequence('story', 'id'))), $1, $2, $3, $4, $5, $6, $7, $8,
                  $9, $10, $11, setweight(to_tsvector('simple', $12), 'A') || to_tsvector('simple', $13))
          RETURNING id
        ), l AS (
          INSERT INTO story_entity (entity_id, date_key, story_id, mention_count, quote_count, spans)
          SELECT e, $5::integer, s.id, m, q, decode(sp, 'hex')
          FROM s, unnest($15::bigint[], $16::integer[], $17::integer[], $18::text[]) AS l(e, m, q, sp)
        ), q AS (
          INSERT INTO quote (story_id, date_key, ordinal, text, kind, speaker, speaker_id, speaker_ordinal,
                             paragraph, start, "end", detail, confidence)
          SELECT s.id, $5::integer, o, t, k, sp, sid, so, pa, st, en, d, cf
          FROM s, unnest($19::integer[], $20::text[], $21::text[], $22::text[], $23::bigint[], $24::integer[],
                         $25::integer[], $26::integer[], $27::integer[], $28::text[], $29::double precision[])
            AS q(o, t, k, sp, sid, so, pa, st, en, d, cf)
        )
        SELECT id FROM s
        """

    mutating func write(_ p: PreparedStory) throws -> ArchiveWriter.Outcome {
        let old = stored.first { $0.source == p.source }?.id
        if let same = stored.first(where: { $0.hash == p.contentHash })?.id {
            // Stored already (maybe from another path). If this path held
            // another version, that version is gone from the file: drop it.
            if let old, old != same {
                try delete(story: old)
                return .updated
            }
            return .unchanged
        }
        if let old { try delete(story: old) }
        // Link first: the story row keeps each local entity's archive id.
        let rows = PostgresEntityRows(c: c)
        var ids: [EntityID] = []
        ids.reserveCapacity(p.storyEntities.count)
        for e in p.storyEntities { ids.append(try linker.link(e, db: rows)) }

        let (links, speakers) = p.linkRows(ids)
        // An updated story keeps its id.
        let parameters: [any PGParameter] = [
            p.source, p.contentHash, p.headline, p.date, p.dateKey, p.agency, p.body, p.layout, PGIDArray(ids: ids),
            p.quotes.count, Set(ids).count, PostgresText.lexemes(p.headline), PostgresText.lexemes(p.body), old,
            PGIDArray(ids: links.map(\.entity)), PGIDArray(ids: links.map { Int64($0.mentions) }),
            PGIDArray(ids: links.map { Int64($0.quotes) }),
            PGTextArray(values: links.map { String(PGBytes(bytes: $0.packed).pgText!.dropFirst(2)) }),
            PGIDArray(ids: p.quotes.map { Int64($0.ordinal) }),
            PGTextArray(values: p.quotes.map(\.text)), PGTextArray(values: p.quotes.map(\.kind)),
            PGNullableTextArray(values: p.quotes.map(\.speaker)),
            PGNullableTextArray(values: speakers.map { $0.map(String.init) }),
            PGNullableTextArray(values: p.quotes.map { $0.speakerOrdinal.map(String.init) }),
            PGIDArray(ids: p.quotes.map { Int64($0.paragraph) }), PGIDArray(ids: p.quotes.map { Int64($0.start) }),
            PGIDArray(ids: p.quotes.map { Int64($0.end) }), PGTextArray(values: p.quotes.map(\.detail)),
            PGNullableTextArray(values: p.quotes.map { $0.confidence.map { String($0) } }),
        ]
        let storyID = try c.run(Self.insertStory, parameters).int64(0, 0)
        stored.append((storyID, p.source, p.contentHash))
        for link in links {
            deltas[link.entity, default: EntityCounts()].add(mentions: link.mentions, stories: 1, quotes: link.quotes)
        }
        return old == nil ? .added : .updated
    }

    /// Removes a story with its quotes and links, and takes its counts off
    /// its entities. Entities themselves stay (ids are stable).
    mutating func delete(story id: StoryID) throws {
        let story = try c.run("SELECT entity_ids, date_key FROM story WHERE id = $1", [id])
        guard !story.isEmpty else { return }
        let entityIDs = PGIDArray(ids: story.ids(0, 0)), dateKey = story.int(0, 1)
        let removed = try c.run("""
            DELETE FROM story_entity WHERE entity_id = ANY($1::bigint[]) AND date_key = $2 AND story_id = $3
            RETURNING entity_id, mention_count, quote_count
            """, [entityIDs, dateKey, id])
        for r in 0..<removed.count {
            deltas[removed.int64(r, 0), default: EntityCounts()]
                .add(mentions: -removed.int(r, 1), stories: -1, quotes: -removed.int(r, 2))
        }
        try c.run("DELETE FROM quote WHERE date_key = $1 AND story_id = $2", [dateKey, id])
        try c.run("DELETE FROM story WHERE id = $1", [id])
        stored.removeAll { $0.id == id }
    }

    /// Ends the batch: applies its counter changes, in id order.
    mutating func flush() throws {
        let changed = deltas.filter { $0.value.mentions != 0 || $0.value.stories != 0 || $0.value.quotes != 0 }
            .sorted { $0.key < $1.key }
        deltas.removeAll()
        if changed.isEmpty { return }
        try c.run("""
            UPDATE entity SET mention_count = entity.mention_count + d.m, story_count = entity.story_count + d.s,
                              quote_count = entity.quote_count + d.q
            FROM unnest($1::bigint[], $2::integer[], $3::integer[], $4::integer[]) AS d(id, m, s, q)
            WHERE entity.id = d.id
            """, [PGIDArray(ids: changed.map(\.key)), PGIDArray(ids: changed.map { Int64($0.value.mentions) }),
                  PGIDArray(ids: changed.map { Int64($0.value.stories) }), PGIDArray(ids: changed.map { Int64($0.value.quotes) })])
    }
}

/// `text[]` with NULL elements.
struct PGNullableTextArray: PGParameter {
    var values: [String?]
    var pgText: String? {
        "{" + values.map { v in
            guard let v else { return "NULL" }
            return "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
    }
}

/// `EntityLinker`'s look-ups and inserts on a PostgreSQL archive.
struct PostgresEntityRows: EntityRows {
    let c: PGConnection

    func aliasIDs(_ alias: String, type: String) throws -> [EntityID] {
        let r = try c.run("SELECT entity_id FROM entity_alias WHERE alias = $1 AND type = $2 ORDER BY entity_id",
                          [alias, type])
        return (0..<r.count).map { r.int64($0, 0) }
    }

    func surnamePersonIDs(_ surname: String) throws -> [EntityID] {
        let r = try c.run("SELECT id FROM entity WHERE surname = $1 AND type = 'person' ORDER BY id", [surname])
        return (0..<r.count).map { r.int64($0, 0) }
    }

    func nameKey(of id: EntityID) throws -> String {
        let r = try c.run("SELECT name_key FROM entity WHERE id = $1", [id])
        return r.isEmpty ? "" : r.text(0, 0)
    }

    func insertEntity(name: String, type: String, key: String, surname: String?) throws -> EntityID {
        try c.run("INSERT INTO entity (name, type, name_key, surname) VALUES ($1, $2, $3, $4) RETURNING id",
                  [name, type, key, surname]).int64(0, 0)
    }

    func renameEntity(_ id: EntityID, name: String, key: String, surname: String) throws {
        try c.run("UPDATE entity SET name = $1, name_key = $2, surname = $3 WHERE id = $4", [name, key, surname, id])
    }

    func insertAlias(_ alias: String, type: String, entity: EntityID) throws {
        try c.run("""
            WITH a AS (
              INSERT INTO entity_alias (alias, type, entity_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING
            )
            INSERT INTO entity_word (word, entity_id) SELECT DISTINCT w, $3 FROM unnest($4::text[]) AS w
            ON CONFLICT DO NOTHING
            """, [alias, type, entity, PGTextArray(values: alias.split(separator: " ").map(String.init))])
    }

    func aliasRows(_ keys: [(alias: String, type: String)]) throws -> [(String, String, EntityID)]? {
        if keys.isEmpty { return [] }
        let r = try c.run("""
            SELECT a.alias, a.type, a.entity_id FROM unnest($1::text[], $2::text[]) AS k(alias, type)
            JOIN entity_alias a ON a.alias = k.alias AND a.type = k.type
            """, [PGTextArray(values: keys.map(\.alias)), PGTextArray(values: keys.map(\.type))])
        return (0..<r.count).map { (r.text($0, 0), r.text($0, 1), r.int64($0, 2)) }
    }

    func surnameRows(_ surnames: [String]) throws -> [(String, EntityID)]? {
        if surnames.isEmpty { return [] }
        let r = try c.run("SELECT surname, id FROM entity WHERE surname = ANY($1::text[]) AND type = 'person'",
                          [PGTextArray(values: surnames)])
        return (0..<r.count).map { (r.text($0, 0), r.int64($0, 1)) }
    }

    func nameKeys(of ids: [EntityID]) throws -> [EntityID: String]? {
        if ids.isEmpty { return [:] }
        let r = try c.run("SELECT id, name_key FROM entity WHERE id = ANY($1::bigint[])", [PGIDArray(ids: ids)])
        var out: [EntityID: String] = [:]
        for i in 0..<r.count { out[r.int64(i, 0)] = r.text(i, 1) }
        return out
    }
}
