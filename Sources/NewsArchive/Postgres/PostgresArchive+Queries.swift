import Foundation
import NewsKit

/// The queries of `ArchiveStore` in PostgreSQL's SQL, each the counterpart
/// of the SQLite one (same order, same paging, same rows); what is done
/// with the rows (spans, story assembly, snippets, word checks) is shared.
extension PostgresArchive {
    static let summaryColumns = "s.id, s.headline, s.date, s.agency, s.source, s.quote_count, s.entity_count"

    static func summary(_ r: PGRows, _ i: Int, from c: Int = 0) -> StorySummary {
        StorySummary(id: r.int64(i, c), headline: r.text(i, c + 1), date: r.string(i, c + 2), agency: r.string(i, c + 3),
                     source: r.text(i, c + 4), quoteCount: r.int(i, c + 5), entityCount: r.int(i, c + 6))
    }

    // MARK: Stories

    public func storyCount() throws -> Int {
        try read { c in try c.run("SELECT count(*) FROM story", []).int(0, 0) }
    }

    public func stories(offset: Int, limit: Int) throws -> [StorySummary] {
        try read { c in
            // The page's ids from the order index alone (an index-only scan
            // steps over `offset` entries without reading their rows).
            let r = try c.run("""
                SELECT \(Self.summaryColumns) FROM story s
                JOIN (SELECT id FROM story ORDER BY date_key DESC, id DESC LIMIT $1 OFFSET $2) p ON p.id = s.id
                ORDER BY s.date_key DESC, s.id DESC
                """, [max(0, limit), max(0, offset)])
            return (0..<r.count).map { Self.summary(r, $0) }
        }
    }

    public func storySummary(id: StoryID) throws -> StorySummary? {
        try read { c in
            let r = try c.run("SELECT \(Self.summaryColumns) FROM story s WHERE s.id = $1", [id])
            return r.isEmpty ? nil : Self.summary(r, 0)
        }
    }

    public func story(id: StoryID) throws -> ArchivedStory? {
        try read { c -> ArchivedStory? in
            let r = try c.run("SELECT source, headline, body, layout, entity_ids, date_key, content_hash FROM story WHERE id = $1", [id])
            guard !r.isEmpty else { return nil }
            let entityIDs = r.ids(0, 4), dateKey = r.int(0, 5)
            let named = try c.run("SELECT id, name, type FROM entity WHERE id = ANY($1::bigint[])", [PGIDArray(ids: entityIDs)])
            var names: [EntityID: (name: String, type: String)] = [:]
            for i in 0..<named.count { names[named.int64(i, 0)] = (named.text(i, 1), named.text(i, 2)) }
            let links = try c.run("""
                SELECT spans FROM story_entity WHERE entity_id = ANY($1::bigint[]) AND date_key = $2 AND story_id = $3
                """, [PGIDArray(ids: entityIDs), dateKey, id])
            let spans = (0..<links.count).flatMap { MentionSpans.decode(links.bytes($0, 0)) }
            let q = try c.run("""
                SELECT ordinal, text, kind, speaker, speaker_ordinal, paragraph, start, "end", detail, confidence
                FROM quote WHERE date_key = $1 AND story_id = $2 ORDER BY ordinal
                """, [dateKey, id])
            let quotes = (0..<q.count).map { i in
                PreparedStory.PreparedQuote(ordinal: q.int(i, 0), text: q.text(i, 1), kind: q.text(i, 2), speaker: q.string(i, 3),
                            speakerOrdinal: q.optionalInt(i, 4), paragraph: q.int(i, 5), start: q.int(i, 6),
                            end: q.int(i, 7), detail: q.text(i, 8), confidence: q.optionalDouble(i, 9))
            }
            return try StoredStory(id: id, contentHash: r.text(0, 6), source: r.text(0, 0), headline: r.text(0, 1), body: r.text(0, 2),
                                   layout: r.text(0, 3), entityIDs: entityIDs, names: names, spans: spans,
                                   quotes: quotes).archived()
        }
    }

    public func related(story: StoryID, limit: Int) throws -> [RelatedStory] {
        try read { c in
            let r = try c.run("""
                WITH mine AS (
                  SELECT se.entity_id, se.story_id FROM story s
                  JOIN story_entity se ON se.entity_id = ANY(s.entity_ids) AND se.date_key = s.date_key AND se.story_id = s.id
                  WHERE s.id = $1
                ), r AS (
                  SELECT other.story_id, other.date_key, count(*) AS shared, sum(1.0 / e.story_count) AS weight
                  FROM mine
                  JOIN entity e ON e.id = mine.entity_id AND e.story_count <= $2
                  JOIN story_entity other ON other.entity_id = mine.entity_id AND other.story_id <> mine.story_id
                  GROUP BY other.story_id, other.date_key
                )
                SELECT \(Self.summaryColumns), r.shared FROM r JOIN story s ON s.id = r.story_id
                ORDER BY r.shared DESC, r.weight DESC, r.date_key DESC, r.story_id DESC
                LIMIT $3
                """, [story, SQLiteArchive.relatedEntityStoryLimit, max(0, limit)])
            return (0..<r.count).map { RelatedStory(story: Self.summary(r, $0), sharedEntities: r.int($0, 7)) }
        }
    }

    // MARK: Quotes

    /// The WHERE clause and parameters of a quote filter, parameters from
    /// `$first` on; nil when its text has no searchable words.
    func quoteConditions(_ filter: QuoteFilter, first: Int = 1) -> (sql: String, parameters: [any PGParameter])? {
        var clauses: [String] = []
        var parameters: [any PGParameter] = []
        func next(_ value: any PGParameter) -> String {
            parameters.append(value)
            return "$\(first + parameters.count - 1)"
        }
        if let speaker = filter.speakerID { clauses.append("q.speaker_id = \(next(speaker))") }
        if let story = filter.story {
            let p = next(story)
            clauses.append("q.date_key = (SELECT date_key FROM story WHERE id = \(p)) AND q.story_id = \(p)")
        }
        if let kind = filter.kind { clauses.append("q.kind = \(next(kind.rawValue))") }
        if let floor = filter.minConfidence { clauses.append("q.confidence >= \(next(floor))") }
        if let text = filter.text {
            guard let query = PostgresText.tsquery(SearchMatches(query: text)) else { return nil }
            clauses.append("q.story_id IN (SELECT id FROM newsroom_search_window(\(next(query))::tsquery, NULL, 0))")
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), parameters)
    }

    static let quoteColumns = """
        q.text, q.kind, coalesce(e.name, q.speaker), q.speaker_id, q.story_id, s.headline,
        q.paragraph, q.start, q."end", q.ordinal, q.detail, q.speaker, q.confidence
        """

    static func quoteRecord(_ r: PGRows, _ i: Int) -> QuoteRecord {
        QuoteRecord(text: r.text(i, 0), kind: r.text(i, 1), speaker: r.string(i, 2), speakerId: r.optionalInt64(i, 3),
                    story: r.int64(i, 4), headline: r.text(i, 5), paragraph: r.int(i, 6),
                    range: [r.int(i, 7), r.int(i, 8)], field: r.int(i, 9) < 0 ? "headline" : "body",
                    attribution: QuoteDetail.attributionJSON(r.text(i, 10), speaker: r.string(i, 11),
                                                             confidence: r.optionalDouble(i, 12)))
    }

    public func quotes(_ filter: QuoteFilter) throws -> [QuoteRecord] {
        guard let (conditions, parameters) = quoteConditions(filter) else { return [] }
        let limit = max(0, filter.limit), offset = max(0, filter.offset)
        let n = parameters.count
        let select = """
            SELECT \(Self.quoteColumns)
            FROM quote q JOIN story s ON s.id = q.story_id LEFT JOIN entity e ON e.id = q.speaker_id
            \(conditions)
            ORDER BY q.date_key DESC, q.story_id DESC, q.ordinal LIMIT $\(n + 1) OFFSET $\(n + 2)
            """
        guard let text = filter.text else {
            return try read { c in
                let r = try c.run(select, parameters + [limit, offset])
                return (0..<r.count).map { Self.quoteRecord(r, $0) }
            }
        }
        // Quotes of stories that hold the words, checked for the words
        // themselves, a chunk at a time until the page is full.
        let words = SearchMatches(query: text)
        return try read { c in
            var matched: [QuoteRecord] = []
            var scanned = 0
            let chunk = 512
            while matched.count < offset + limit {
                let r = try c.run(select, parameters + [chunk, scanned])
                scanned += r.count
                matched += (0..<r.count).map { Self.quoteRecord(r, $0) }.filter { words.allFound(in: $0.text) }
                if r.count < chunk { break }
            }
            return Array(matched.dropFirst(offset).prefix(limit))
        }
    }

    public func quoteCount(_ filter: QuoteFilter) throws -> Int {
        guard let (conditions, parameters) = quoteConditions(filter) else { return 0 }
        guard let text = filter.text else {
            return try read { c in try c.run("SELECT count(*) FROM quote q \(conditions)", parameters).int(0, 0) }
        }
        let words = SearchMatches(query: text)
        return try read { c in
            let r = try c.run("SELECT q.text FROM quote q \(conditions)", parameters)
            return (0..<r.count).filter { words.allFound(in: r.text($0, 0)) }.count
        }
    }

    // MARK: Entities

    static let entityColumns = "e.id, e.name, e.type, e.mention_count, e.story_count, e.quote_count"

    static func entityRecord(_ r: PGRows, _ i: Int) -> EntityRecord {
        EntityRecord(id: r.int64(i, 0), name: r.text(i, 1), type: r.text(i, 2), mentionCount: r.int(i, 3),
                     storyCount: r.int(i, 4), quoteCount: r.int(i, 5))
    }

    public func entity(id: EntityID) throws -> EntityRecord? {
        try read { c in
            let r = try c.run("SELECT \(Self.entityColumns) FROM entity e WHERE e.id = $1", [id])
            return r.isEmpty ? nil : Self.entityRecord(r, 0)
        }
    }

    public func entities(type: EntityType?, story: StoryID?, offset: Int, limit: Int) throws -> [EntityRecord] {
        var sql: String
        var parameters: [any PGParameter] = []
        if let story {
            parameters.append(story)
            sql = """
                SELECT \(Self.entityColumns) FROM story s
                JOIN story_entity se ON se.entity_id = ANY(s.entity_ids) AND se.date_key = s.date_key AND se.story_id = s.id
                JOIN entity e ON e.id = se.entity_id
                WHERE s.id = $1
                """
            if let type {
                parameters.append(type.rawValue)
                sql += " AND e.type = $2"
            }
            sql += " ORDER BY se.mention_count DESC, e.mention_count DESC, e.id"
        } else {
            // Entities whose stories were all replaced keep their id but are not listed.
            sql = "SELECT \(Self.entityColumns) FROM entity e WHERE e.story_count > 0"
            if let type {
                parameters.append(type.rawValue)
                sql += " AND e.type = $1"
            }
            sql += " ORDER BY e.mention_count DESC, e.id DESC"
        }
        sql += " LIMIT $\(parameters.count + 1) OFFSET $\(parameters.count + 2)"
        parameters += [max(0, limit), max(0, offset)]
        return try read { c in
            let r = try c.run(sql, parameters)
            return (0..<r.count).map { Self.entityRecord(r, $0) }
        }
    }

    public func findEntities(named name: String, type: EntityType?, limit: Int) throws -> [EntityRecord] {
        try matchEntities(name, type: type, speakersOnly: false, limit: limit)
    }

    public func speakers(matching prefix: String, limit: Int) throws -> [EntityRecord] {
        try matchEntities(prefix, type: nil, speakersOnly: true, limit: limit)
    }

    /// As SQLite's: for every word of `name`, an entity word starting with
    /// it (a range of the C-collated `entity_word` key), intersected.
    func matchEntities(_ name: String, type: EntityType?, speakersOnly: Bool, limit: Int) throws -> [EntityRecord] {
        let words = NameKey.words(name)
        if words.isEmpty { return [] }
        var parameters: [any PGParameter] = []
        func next(_ value: any PGParameter) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }
        let ranges = words.map { w in
            "SELECT entity_id FROM entity_word WHERE word >= \(next(w)) AND word < \(next(w + "\u{10FFFF}"))"
        }
        var sql = """
            SELECT \(Self.entityColumns) FROM entity e
            WHERE e.id IN (\(ranges.joined(separator: " INTERSECT "))) AND e.story_count > 0
            """
        if let type { sql += " AND e.type = \(next(type.rawValue))" }
        if speakersOnly { sql += " AND e.quote_count > 0" }
        sql += " ORDER BY (e.name_key = \(next(words.joined(separator: " ")))) DESC, "
            + "\(speakersOnly ? "e.quote_count DESC, " : "")e.mention_count DESC, e.id LIMIT \(next(max(0, limit)))"
        return try read { c in
            let r = try c.run(sql, parameters)
            return (0..<r.count).map { Self.entityRecord(r, $0) }
        }
    }

    // MARK: Mentions

    public func mentions(entity: EntityID, offset: Int, limit: Int) throws -> [MentionRecord] {
        let offset = max(0, offset), limit = max(0, limit)
        if limit == 0 { return [] }
        return try read { c in
            // The entity's stories in archive order, a page of rows at a
            // time, unpacked until the page of mentions is full.
            var found: [FoundMention] = []
            var skipped = 0, rowOffset = 0
            let chunk = 256
            outer: while found.count < limit {
                let r = try c.run("""
                    SELECT story_id, spans FROM story_entity WHERE entity_id = $1
                    ORDER BY date_key DESC, story_id DESC LIMIT $2 OFFSET $3
                    """, [entity, chunk, rowOffset])
                rowOffset += r.count
                for i in 0..<r.count {
                    if found.count >= limit { break outer }
                    let spans = MentionSpans.decode(r.bytes(i, 1))
                    if skipped + spans.count <= offset {
                        skipped += spans.count
                        continue
                    }
                    for span in spans.dropFirst(offset - skipped).prefix(limit - found.count) {
                        found.append(FoundMention(entity: entity, story: r.int64(i, 0), span: span))
                    }
                    skipped = offset
                }
                if r.count < chunk { break }
            }
            return try mentionRecords(found, c)
        }
    }

    public func mention(of entity: EntityID, from position: ArchivePosition?, direction: ArchiveDirection) throws
        -> MentionRecord? {
        let forward = direction == .forward
        return try read { c -> MentionRecord? in
            var from: (dateKey: Int, story: StoryID)?
            if let position {
                let d = try c.run("SELECT date_key FROM story WHERE id = $1", [position.story])
                if !d.isEmpty {
                    let dateKey = d.int(0, 0)
                    from = (dateKey, position.story)
                    // The rest of this story first.
                    let here = (FieldCode.code(position.field), position.paragraph, position.offset)
                    let spans = try spans(of: entity, dateKey: dateKey, story: position.story, c)
                    if let next = forward ? spans.first(where: { $0.position > here }) : spans.last(where: { $0.position < here }) {
                        return try mentionRecords([FoundMention(entity: entity, story: position.story, span: next)], c).first
                    }
                }
            }
            // Then the next story (in archive order) that mentions it.
            let r: PGRows
            switch (from, forward) {
            case (let f?, true):
                r = try c.run("""
                    SELECT date_key, story_id FROM story_entity WHERE entity_id = $1 AND (date_key, story_id) < ($2, $3)
                    ORDER BY date_key DESC, story_id DESC LIMIT 1
                    """, [entity, f.dateKey, f.story])
            case (let f?, false):
                r = try c.run("""
                    SELECT date_key, story_id FROM story_entity WHERE entity_id = $1 AND (date_key, story_id) > ($2, $3)
                    ORDER BY date_key, story_id LIMIT 1
                    """, [entity, f.dateKey, f.story])
            case (nil, true):
                r = try c.run("""
                    SELECT date_key, story_id FROM story_entity WHERE entity_id = $1 ORDER BY date_key DESC, story_id DESC LIMIT 1
                    """, [entity])
            case (nil, false):
                r = try c.run("""
                    SELECT date_key, story_id FROM story_entity WHERE entity_id = $1 ORDER BY date_key, story_id LIMIT 1
                    """, [entity])
            }
            guard !r.isEmpty else { return nil }
            let story = r.int64(0, 1)
            let spans = try spans(of: entity, dateKey: r.int(0, 0), story: story, c)
            guard let span = forward ? spans.first : spans.last else { return nil }
            return try mentionRecords([FoundMention(entity: entity, story: story, span: span)], c).first
        }
    }

    public func mentionOrdinal(of entity: EntityID, at position: ArchivePosition) throws -> MentionOrdinal? {
        try read { c -> MentionOrdinal? in
            let totals = try c.run("SELECT mention_count, story_count FROM entity WHERE id = $1", [entity])
            let d = try c.run("SELECT date_key FROM story WHERE id = $1", [position.story])
            guard !totals.isEmpty, !d.isEmpty else { return nil }
            let dateKey = d.int(0, 0)
            // Archive order is newest first: earlier stories sort after this one.
            let before = try c.run("""
                SELECT count(*), coalesce(sum(mention_count), 0) FROM story_entity
                WHERE entity_id = $1 AND (date_key, story_id) > ($2, $3)
                """, [entity, dateKey, position.story])
            let here = (FieldCode.code(position.field), position.paragraph, position.offset)
            let inStory = try spans(of: entity, dateKey: dateKey, story: position.story, c).count { $0.position < here }
            let mentionTotal = totals.int(0, 0), storyTotal = totals.int(0, 1)
            return MentionOrdinal(mention: min(mentionTotal, before.int(0, 1) + inStory + 1), mentionTotal: mentionTotal,
                                  story: min(storyTotal, before.int(0, 0) + 1), storyTotal: storyTotal)
        }
    }

    /// The entity's mentions in one story, in story order.
    func spans(of entity: EntityID, dateKey: Int, story: StoryID, _ c: PGConnection) throws -> [MentionSpan] {
        let r = try c.run("SELECT spans FROM story_entity WHERE entity_id = $1 AND date_key = $2 AND story_id = $3",
                          [entity, dateKey, story])
        return r.isEmpty ? [] : MentionSpans.decode(r.bytes(0, 0))
    }

    func mentionRecords(_ found: [FoundMention], _ c: PGConnection) throws -> [MentionRecord] {
        try FoundMention.records(found) { id in
            let r = try c.run("SELECT headline, body, layout FROM story WHERE id = $1", [id])
            return r.isEmpty ? nil : (r.text(0, 0), r.text(0, 1), r.text(0, 2))
        }
    }
}
