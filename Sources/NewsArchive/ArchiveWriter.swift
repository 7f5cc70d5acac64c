import Foundation
import GRDB
import NewsKit

/// A story turned into rows, ready to write. Built on any thread, so the
/// JSON encoding and name folding run in parallel with extraction and only
/// the inserts run on the single writer.
struct PreparedStory: Sendable {
    struct LocalEntity: Sendable {
        var name: String
        var type: EntityType
        var key: String
        /// Folded keys of the other forms it is mentioned by ("rubio").
        var aliasKeys: [String]
        /// Its mentions, one per position, in story order.
        var spans: [MentionSpan]
        /// `spans` packed as stored (`MentionSpans`).
        var packedSpans: [UInt8]
        var mentionCount: Int { spans.count }
    }
    struct Row: Sendable {
        var values: [Int]
        var text: String
    }

    var source: String
    var contentHash: String
    var headline: String
    var date: String?
    var dateKey: Int
    var agency: String?
    var body: String
    var storyEntities: [LocalEntity]
    /// `StoredLayout` as JSON.
    var layout: String
    /// Quotes in order (headline quotes first, with negative ordinals).
    var quotes: [PreparedQuote]

    struct PreparedQuote: Sendable {
        var ordinal: Int
        var text: String
        var kind: String
        var speaker: String?
        var speakerOrdinal: Int?
        var paragraph: Int
        var start: Int
        var end: Int
        var detail: String
        /// `Quote.attribution?.confidence`, a column so filters page in SQL.
        var confidence: Double?
        /// Where the quote's text starts in the stored body when the text is
        /// exactly the body's bytes at `start..<end` of its paragraph: the
        /// SQLite archive then stores no copy of it (schema v5).
        var bodyStart: Int?
    }

    init(_ item: IngestItem) {
        let a = item.annotated
        let s = a.story
        source = s.source
        contentHash = item.contentHash
        headline = s.headline
        // The dateline's date, else when the source says it was published.
        let parsedDate = StoryDate.parse(s.dateline?.date) ?? StoryDate.parse(s.published)
        date = parsedDate?.iso ?? s.dateline?.date ?? s.published
        dateKey = parsedDate?.key ?? 0
        agency = s.dateline?.agency
        body = StoredBody.join(s.paragraphs)
        storyEntities = a.entities.enumerated().map { ordinal, e in
            let key = NameKey.key(e.name)
            var aliases: [String] = []
            var spans: [MentionSpan] = []
            spans.reserveCapacity(e.mentions.count)
            for m in e.mentions {
                let k = NameKey.key(m.text)
                if !k.isEmpty && k != key && !aliases.contains(k) { aliases.append(k) }
                // The text is kept only when it is not just the words at the range.
                let stands = StoredText.words(in: s.text(of: m.span.field, paragraph: m.span.paragraph),
                                              start: m.span.start, end: m.span.end)
                spans.append(MentionSpan(ordinal: ordinal, field: FieldCode.code(m.span.field),
                                         paragraph: m.span.paragraph, start: m.span.start, end: m.span.end,
                                         text: stands == m.text ? nil : m.text))
            }
            spans = MentionSpans.normalize(spans)
            return LocalEntity(name: e.name, type: e.type, key: key.isEmpty ? e.name.lowercased() : key,
                               aliasKeys: aliases, spans: spans, packedSpans: MentionSpans.pack(spans))
        }
        let stored = StoredLayout(
            paragraphs: s.paragraphs.map(StoredBody.layoutEntry),
            bylineText: s.bylineText, byline: s.byline, dateline: s.dateline, credits: s.credits,
            media: s.media, url: s.url, published: s.published, isSummary: s.isSummary ? true : nil)
        layout = stored.json
        var quotes: [PreparedQuote] = []
        // Where each paragraph starts in `body` (paragraphs joined by `StoredBody.separator`).
        var paragraphStarts: [Int] = []
        paragraphStarts.reserveCapacity(s.paragraphs.count)
        var at = 0
        for paragraph in s.paragraphs {
            paragraphStarts.append(at)
            at += paragraph.text.utf8.count + StoredBody.separator.utf8.count
        }
        let all = a.headlineQuotes.enumerated().map { ($0.offset - a.headlineQuotes.count, $0.element) }
            + a.quotes.enumerated().map { ($0.offset, $0.element) }
        for (ordinal, q) in all {
            let first = q.parts.first ?? Span(paragraph: 0, start: 0, end: 0)
            // One body span is the row's own paragraph and range: not repeated.
            let oneBodySpan = q.parts.count == 1 && q.parts[0].field == .body
            let detail = QuoteDetail(parts: oneBodySpan ? [] : q.parts.map(FieldCode.array), cue: q.cue,
                                     speakerSpan: q.speakerSpan.map(FieldCode.array),
                                     attribution: q.attribution.map { StoredAttribution($0, in: s) })
            // The row keeps the speaker and confidence: the detail leaves them out.
            let json = detail.json(speaker: q.speaker, confidence: q.attribution?.confidence)
            let speakerOrdinal = q.speakerEntity.flatMap { a.entities.indices.contains($0) ? $0 : nil }
            var bodyStart: Int?
            if first.field == .body, paragraphStarts.indices.contains(first.paragraph), first.start < first.end,
               s.paragraphs[first.paragraph].text.utf8.count >= first.end,
               s.paragraphs[first.paragraph].text.utf8.dropFirst(first.start).prefix(first.end - first.start)
               .elementsEqual(q.text.utf8) {
                bodyStart = paragraphStarts[first.paragraph] + first.start
            }
            quotes.append(PreparedQuote(
                ordinal: ordinal, text: q.text, kind: q.kind.rawValue, speaker: q.speaker,
                speakerOrdinal: speakerOrdinal, paragraph: first.field == .body ? first.paragraph : 0,
                start: first.start, end: first.end, detail: json, confidence: q.attribution?.confidence,
                bodyStart: bodyStart))
        }
        self.quotes = quotes
    }
}

extension PreparedStory {
    /// One `story_entity` row: an archive entity's mentions and quotes in the story.
    struct LinkRow: Sendable {
        var entity: EntityID
        var mentions: Int
        var quotes: Int
        var packed: [UInt8]
    }

    /// The story's rows once its local entities are linked to archive `ids`
    /// (same order as `storyEntities`), and each quote's speaker id. One row
    /// per archive entity, even when the story's own clustering left two
    /// local entities that link to the same one: their mentions are then
    /// merged into one set of spans. Rows in entity id order.
    func linkRows(_ ids: [EntityID]) -> (links: [LinkRow], speakers: [EntityID?]) {
        var perEntity: [EntityID: (locals: [Int], quotes: Int)] = [:]
        for i in storyEntities.indices { perEntity[ids[i], default: ([], 0)].locals.append(i) }
        var speakers: [EntityID?] = []
        speakers.reserveCapacity(quotes.count)
        for q in quotes {
            let sid = q.speakerOrdinal.map { ids[$0] }
            speakers.append(sid)
            if let sid { perEntity[sid, default: ([], 0)].quotes += 1 }
        }
        var links: [LinkRow] = []
        links.reserveCapacity(perEntity.count)
        for (id, c) in perEntity.sorted(by: { $0.key < $1.key }) {
            var packed: [UInt8] = []
            var mentions = 0
            if c.locals.count == 1 {
                let e = storyEntities[c.locals[0]]
                packed = e.packedSpans
                mentions = e.mentionCount
            } else if c.locals.count > 1 {
                let spans = MentionSpans.normalize(c.locals.flatMap { storyEntities[$0].spans })
                packed = MentionSpans.pack(spans)
                mentions = spans.count
            }
            links.append(LinkRow(entity: id, mentions: mentions, quotes: c.quotes, packed: packed))
        }
        return (links, speakers)
    }
}

extension IngestReport {
    /// Counts one story's outcome.
    mutating func count(_ outcome: ArchiveWriter.Outcome) {
        switch outcome {
        case .added: added += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }

    /// Adds a committed batch's counts.
    mutating func add(_ batch: IngestReport) {
        added += batch.added
        updated += batch.updated
        unchanged += batch.unchanged
    }
}

/// Counter changes to apply to entity rows once per batch rather than once
/// per story.
struct EntityCounts {
    var mentions = 0
    var stories = 0
    var quotes = 0

    mutating func add(mentions: Int, stories: Int, quotes: Int) {
        self.mentions += mentions
        self.stories += stories
        self.quotes += quotes
    }
}

/// Writes prepared stories inside one transaction: identity by content
/// hash, replacement by source path, cross-story entity linking, counters.
struct ArchiveWriter {
    let db: Database
    let linker: EntityLinker
    var deltas: [EntityID: EntityCounts] = [:]
    /// Stories written in this batch and not yet in the full-text index:
    /// `flush()` indexes them with one statement. FTS5 (SQLite 3.40) writes
    /// its pending terms out as a new segment at the end of every statement
    /// that touches it, so one insert per story made a segment per story and
    /// the merges to match: about 0.2 ms a story, two thirds of the index's cost.
    var unindexed: [StoryID] = []
    /// The batch's quote rows, inserted by `flush()` newest story first: the
    /// quote indexes list newest first, and rows that arrive oldest first
    /// each go in front of the last, which splits pages half full (a
    /// quarter less index at 10,000 stories written this way).
    var unwrittenQuotes: [(story: StoryID, dateKey: Int, quote: PreparedStory.PreparedQuote, speaker: EntityID?)] = []

    private let insertStory: RowInsert
    private let insertLink: RowInsert
    private let insertQuote: RowInsert

    init(db: Database, linker: EntityLinker) throws {
        self.db = db
        self.linker = linker
        insertStory = try RowInsert(db, """
            INSERT INTO story (id, source, contentHash, headline, date, dateKey, agency, body, layout, entityIds,
                               quoteCount, entityCount)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertLink = try RowInsert(db, """
            INSERT INTO story_entity (entityId, dateKey, storyId, mentionCount, quoteCount, spans)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertQuote = try RowInsert(db, """
            INSERT INTO quote (storyId, dateKey, ordinal, text, kind, speaker, speakerId, speakerOrdinal,
                               paragraph, start, "end", detail, confidence, bodyStart)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    enum Outcome { case added, updated, unchanged }

    mutating func write(_ p: PreparedStory) throws -> Outcome {
        let atSource = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM story WHERE source = ? LIMIT 1"),
                                          arguments: [p.source])
        if let same = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM story WHERE contentHash = ?"),
                                         arguments: [p.contentHash]) {
            // Stored already (maybe from another path). If this path held
            // another version, that version is gone from the file: drop it.
            if let old = atSource, old != same {
                try delete(story: old)
                return .updated
            }
            return .unchanged
        }
        var reuseID: StoryID?
        if let old = atSource {
            try delete(story: old)
            reuseID = old
        }
        // Link first: the layout stores each local entity's archive id.
        var ids: [EntityID] = []
        ids.reserveCapacity(p.storyEntities.count)
        let rows = SQLiteEntityRows(db: db)
        for e in p.storyEntities { ids.append(try linker.link(e, db: rows)) }

        let distinct = Set(ids)
        try insertStory.run { b in
            b.int64(reuseID)
            b.text(p.source)
            b.text(p.contentHash)
            b.text(p.headline)
            b.text(p.date)
            b.int(p.dateKey)
            b.text(p.agency)
            b.text(p.body)
            b.text(p.layout)
            b.text(ids.map(String.init).joined(separator: ","))
            b.int(p.quotes.count)
            b.int(distinct.count)
        }
        let storyID = reuseID ?? db.lastInsertedRowID
        unindexed.append(storyID)

        let (links, quoteSpeakerIDs) = p.linkRows(ids)
        for link in links {
            try insertLink.run { b in
                b.int64(link.entity)
                b.int(p.dateKey)
                b.int64(storyID)
                b.int(link.mentions)
                b.int(link.quotes)
                b.blob(link.packed)
            }
            deltas[link.entity, default: EntityCounts()].add(mentions: link.mentions, stories: 1, quotes: link.quotes)
        }
        for (q, sid) in zip(p.quotes, quoteSpeakerIDs) {
            unwrittenQuotes.append((storyID, p.dateKey, q, sid))
        }
        return reuseID == nil ? .added : .updated
    }

    private func insertQuotes() throws {
        let order = unwrittenQuotes.indices.sorted { i, j in
            let a = unwrittenQuotes[i], b = unwrittenQuotes[j]
            return (b.dateKey, b.story, a.quote.ordinal) < (a.dateKey, a.story, b.quote.ordinal)
        }
        for i in order {
            let (storyID, dateKey, q, sid) = unwrittenQuotes[i]
            try insertQuote.run { b in
                b.int64(storyID)
                b.int(dateKey)
                b.int(q.ordinal)
                // The body holds the text: an empty copy (see `quoteText`).
                b.text(q.bodyStart == nil ? q.text : "")
                b.text(q.kind)
                b.text(q.speaker)
                b.int64(sid)
                b.int(q.speakerOrdinal)
                b.int(q.paragraph)
                b.int(q.start)
                b.int(q.end)
                b.text(q.detail)
                b.double(q.confidence)
                b.int(q.bodyStart)
            }
        }
    }

    /// Removes a story with its quotes, mentions and links, and takes its
    /// counts off its entities. Entities themselves stay (ids are stable).
    mutating func delete(story id: StoryID) throws {
        guard let clause = try SQLiteArchive.storyEntityClause(db, story: id) else { return }
        let rows = try Row.fetchAll(db, sql: """
            SELECT entityId, mentionCount, quoteCount, dateKey FROM story_entity WHERE \(clause)
            """)
        for row in rows {
            let eid: EntityID = row[0]
            deltas[eid, default: EntityCounts()].add(mentions: -(row[1] as Int), stories: -1, quotes: -(row[2] as Int))
        }
        try db.execute(sql: "DELETE FROM quote WHERE dateKey = (SELECT dateKey FROM story WHERE id = ?) AND storyId = ?",
                       arguments: [id, id])
        unwrittenQuotes.removeAll { $0.story == id }
        try db.execute(sql: "DELETE FROM story_entity WHERE \(clause)")
        if let pending = unindexed.firstIndex(of: id) {
            // Written earlier in this batch: not in the index yet.
            unindexed.remove(at: pending)
        } else {
            // An external-content index is told the words it is to forget.
            try db.execute(sql: """
                INSERT INTO story_fts (story_fts, rowid, headline, body)
                SELECT 'delete', id, headline, body FROM story WHERE id = ?
                """, arguments: [id])
        }
        try db.execute(sql: "DELETE FROM story WHERE id = ?", arguments: [id])
    }

    /// Ends the batch: writes its quotes, indexes its stories' text, applies
    /// its counter changes.
    mutating func flush() throws {
        try insertQuotes()
        unwrittenQuotes.removeAll()
        if !unindexed.isEmpty {
            // Ids this writer inserted, never user text.
            try db.execute(sql: """
                INSERT INTO story_fts (rowid, headline, body)
                SELECT id, headline, body FROM story WHERE id IN (\(unindexed.map(String.init).joined(separator: ",")))
                """)
            unindexed.removeAll()
        }
        let update = try db.cachedStatement(sql: """
            UPDATE entity SET mentionCount = mentionCount + ?, storyCount = storyCount + ?, quoteCount = quoteCount + ?
            WHERE id = ?
            """)
        for (id, d) in deltas where d.mentions != 0 || d.stories != 0 || d.quotes != 0 {
            try update.execute(arguments: [d.mentions, d.stories, d.quotes, id])
        }
        deltas.removeAll()
    }
}

/// `EntityLinker`'s look-ups and inserts on an SQLite archive.
struct SQLiteEntityRows: EntityRows {
    let db: Database

    func aliasIDs(_ alias: String, type: String) throws -> [EntityID] {
        try EntityID.fetchAll(
            db.cachedStatement(sql: "SELECT entityId FROM entity_alias WHERE alias = ? AND type = ? ORDER BY entityId"),
            arguments: [alias, type])
    }

    func surnamePersonIDs(_ surname: String) throws -> [EntityID] {
        try EntityID.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM entity WHERE surname = ? AND type = 'person' ORDER BY id"),
            arguments: [surname])
    }

    func nameKey(of id: EntityID) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT nameKey FROM entity WHERE id = ?"), arguments: [id]) ?? ""
    }

    func insertEntity(name: String, type: String, key: String, surname: String?) throws -> EntityID {
        try db.cachedStatement(sql: "INSERT INTO entity (name, type, nameKey, surname) VALUES (?, ?, ?, ?)")
            .execute(arguments: [name, type, key, surname])
        return db.lastInsertedRowID
    }

    func renameEntity(_ id: EntityID, name: String, key: String, surname: String) throws {
        try db.execute(sql: "UPDATE entity SET name = ?, nameKey = ?, surname = ? WHERE id = ?",
                       arguments: [name, key, surname, id])
    }

    func insertAlias(_ alias: String, type: String, entity: EntityID) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_alias (alias, type, entityId) VALUES (?, ?, ?)")
            .execute(arguments: [alias, type, entity])
        let insertWord = try db.cachedStatement(sql: "INSERT OR IGNORE INTO entity_word (word, entityId) VALUES (?, ?)")
        for w in alias.split(separator: " ") { try insertWord.execute(arguments: [String(w), entity]) }
    }
}
