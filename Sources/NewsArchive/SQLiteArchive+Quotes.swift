import Foundation
import GRDB
import NewsKit

extension SQLiteArchive {
    /// The WHERE clause and arguments of a quote filter; nil when its text
    /// has no searchable words (it can match nothing).
    func quoteConditions(_ filter: QuoteFilter) -> (sql: String, arguments: StatementArguments)? {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let speaker = filter.speakerID {
            clauses.append("q.speakerId = ?")
            arguments += [speaker]
        }
        if let story = filter.story {
            clauses.append("q.dateKey = (SELECT dateKey FROM story WHERE id = ?) AND q.storyId = ?")
            arguments += [story, story]
        }
        if let kind = filter.kind {
            clauses.append("q.kind = ?")
            arguments += [kind.rawValue]
        }
        if let floor = filter.minConfidence {
            clauses.append("q.confidence >= ?")
            arguments += [floor]
        }
        if let text = filter.text {
            guard let pattern = SearchQuery.ftsPattern(text) else { return nil }
            clauses.append("q.storyId IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)")
            arguments += [pattern]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// A quote's text in SQL, for a query that joins its story as `s`: the
    /// stored copy, or the body's bytes at `bodyStart` (schema v5).
    static let quoteText = """
        CASE WHEN q.bodyStart IS NULL THEN q.text
        ELSE CAST(substr(CAST(s.body AS BLOB), q.bodyStart + 1, q."end" - q.start) AS TEXT) END
        """

    static let quoteColumns = """
        \(quoteText), q.kind, coalesce(e.name, q.speaker), q.speakerId, q.storyId, s.headline,
        q.paragraph, q.start, q."end", q.ordinal, q.detail, q.speaker, q.confidence
        """

    static func quoteRecord(_ r: Row) -> QuoteRecord {
        let attribution = QuoteDetail.attributionJSON(r[10], speaker: r[11], confidence: r[12])
        return QuoteRecord(text: r[0], kind: r[1], speaker: r[2], speakerId: r[3], story: r[4], headline: r[5],
                           paragraph: r[6], range: [r[7], r[8]], field: (r[9] as Int) < 0 ? "headline" : "body",
                           attribution: attribution)
    }

    /// A linked quote's `speaker` is its entity's archive-wide name ("Ilse
    /// Marrow" even where the story only said "Marrow").
    public func quotes(_ filter: QuoteFilter) throws -> [QuoteRecord] {
        guard let (conditions, arguments) = quoteConditions(filter) else { return [] }
        let limit = max(0, filter.limit), offset = max(0, filter.offset)
        guard let text = filter.text else {
            return try read { db in
                try Row.fetchAll(db, sql: """
                    SELECT \(Self.quoteColumns)
                    FROM quote q JOIN story s ON s.id = q.storyId LEFT JOIN entity e ON e.id = q.speakerId
                    WHERE q.id IN (
                      SELECT q.id FROM quote q \(conditions)
                      ORDER BY q.dateKey DESC, q.storyId DESC, q.ordinal LIMIT ? OFFSET ?)
                    ORDER BY q.dateKey DESC, q.storyId DESC, q.ordinal
                    """, arguments: arguments + [limit, offset]).map(Self.quoteRecord)
            }
        }
        // Quotes of stories that hold the words, checked for the words
        // themselves, a chunk at a time until the page is full.
        let words = SearchMatches(query: text)
        return try read { db in
            var matched: [QuoteRecord] = []
            var scanned = 0
            let chunk = 512
            while matched.count < offset + limit {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT \(Self.quoteColumns)
                    FROM quote q JOIN story s ON s.id = q.storyId LEFT JOIN entity e ON e.id = q.speakerId
                    \(conditions)
                    ORDER BY q.dateKey DESC, q.storyId DESC, q.ordinal LIMIT ? OFFSET ?
                    """, arguments: arguments + [chunk, scanned])
                scanned += rows.count
                matched += rows.map(Self.quoteRecord).filter { words.allFound(in: $0.text) }
                if rows.count < chunk { break }
            }
            return Array(matched.dropFirst(offset).prefix(limit))
        }
    }

    public func quoteCount(_ filter: QuoteFilter) throws -> Int {
        guard let (conditions, arguments) = quoteConditions(filter) else { return 0 }
        guard let text = filter.text else {
            return try read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM quote q \(conditions)", arguments: arguments) ?? 0
            }
        }
        let words = SearchMatches(query: text)
        return try read { db in
            try String.fetchAll(db, sql: "SELECT \(Self.quoteText) FROM quote q JOIN story s ON s.id = q.storyId \(conditions)",
                                arguments: arguments)
                .filter { words.allFound(in: $0) }.count
        }
    }
}
