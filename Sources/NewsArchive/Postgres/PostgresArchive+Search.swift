import Foundation
import NewsKit

/// Full-text search on the `tsvector` column and its GIN index, with the
/// query language and the paging of SQLite's (`SQLiteArchive+Search`):
/// `SearchQuery` parses it, its words become a `tsquery` of folded lexemes
/// bound as one parameter (`PostgresText.tsquery`), never text the server
/// parses as syntax. The newest `searchCandidateLimit` matches are ranked
/// (`ts_rank`, headline words weighing five times body words, as bm25(5, 1)
/// does; normalised by the log of the length) and the older ones follow,
/// newest first. `rank` is the score negated, lower is better, as bm25's.
extension PostgresArchive {
    /// `ts_rank` weights {D, C, B, A}: body words are D, headline words A.
    static let rankWeights = "'{0.2, 0.2, 0.2, 1.0}'::float4[]"

    public func search(_ text: String, offset: Int, limit: Int) throws -> [SearchHit] {
        let query = SearchQuery(text)
        let words = SearchMatches(query: query.words)
        let tsquery = PostgresText.tsquery(words)
        // Words that no story can hold (too long to index): nothing matches.
        if !words.isEmpty && tsquery == nil { return [] }
        guard let (speakerIDs, entityIDs) = try searchTargets(query) else { return [] }
        let offset = max(0, offset), limit = max(0, limit)
        let window = SQLiteArchive.searchCandidateLimit
        var b = PGBindings()
        let q = tsquery.map { b.add($0) } ?? ""
        let rank = "-ts_rank(\(Self.rankWeights), s.fts, \(q)::tsquery, 1)"
        let inEntities = entityIDs.isEmpty ? "" : "IN (SELECT story_id FROM story_entity WHERE entity_id = ANY(\(b.add(PGIDArray(ids: entityIDs)))::bigint[]))"

        if !speakerIDs.isEmpty || !query.kinds.isEmpty {
            // A search among quotes.
            var conditions: [String] = []
            if !speakerIDs.isEmpty { conditions.append("q.speaker_id = ANY(\(b.add(PGIDArray(ids: speakerIDs)))::bigint[])") }
            if !query.kinds.isEmpty {
                conditions.append("q.kind = ANY(\(b.add(PGTextArray(values: query.kinds.map(\.rawValue))))::text[])")
            }
            if !entityIDs.isEmpty { conditions.append("q.story_id " + inEntities) }
            let filters = conditions.joined(separator: " AND ")
            return try read { c in
                if tsquery != nil {
                    // Ranked by how well the story matches the words, among the
                    // newest matching stories; the quote must hold the words itself.
                    let r = try c.run("""
                        SELECT q.story_id, s.headline, q.text, \(rank) AS score FROM (
                          SELECT id FROM newsroom_search_window(\(q)::tsquery, \(window), 0)
                        ) m JOIN story s ON s.id = m.id JOIN quote q ON q.date_key = s.date_key AND q.story_id = s.id
                        WHERE \(filters)
                        ORDER BY score, q.date_key DESC, q.story_id DESC, q.ordinal
                        """, b.values)
                    return Array((0..<r.count).lazy.filter { words.allFound(in: r.text($0, 2)) }
                        .map { Self.hit(r, $0) }.dropFirst(offset).prefix(limit))
                }
                var page = b
                let r = try c.run("""
                    SELECT q.story_id, s.headline, q.text, 0.0 FROM quote q JOIN story s ON s.id = q.story_id
                    WHERE \(filters)
                    ORDER BY q.date_key DESC, q.story_id DESC, q.ordinal LIMIT \(page.add(limit)) OFFSET \(page.add(offset))
                    """, page.values)
                return (0..<r.count).map { Self.hit(r, $0) }
            }
        }
        let storyInEntities = entityIDs.isEmpty ? "" : "WHERE s.id " + inEntities
        return try read { c in
            guard tsquery != nil else {
                if entityIDs.isEmpty { return [] }
                let r = try c.run("""
                    SELECT s.id, s.headline, s.headline, 0.0 FROM (
                      SELECT DISTINCT story_id, date_key FROM story_entity WHERE entity_id = ANY($1::bigint[])
                    ) se JOIN story s ON s.id = se.story_id
                    ORDER BY se.date_key DESC, se.story_id DESC LIMIT $2 OFFSET $3
                    """, [PGIDArray(ids: entityIDs), limit, offset])
                return (0..<r.count).map { Self.hit(r, $0) }
            }
            // The window's matches, best first.
            let ranked = try c.run("""
                SELECT s.id, s.headline, \(rank) AS score FROM (
                  SELECT id FROM newsroom_search_window(\(q)::tsquery, \(window), 0)
                ) m JOIN story s ON s.id = m.id
                \(storyInEntities)
                ORDER BY score, s.id DESC
                """, b.values)
            var rows: [(id: StoryID, headline: String, score: Double)] = (0..<ranked.count).dropFirst(offset).prefix(limit)
                .map { (ranked.int64($0, 0), ranked.text($0, 1), ranked.double($0, 2)) }
            if rows.count < limit {
                // Past the window the older matches follow, newest first.
                var page = b
                let skip = max(0, offset - ranked.count), need = limit - rows.count
                // Without an entity, the window itself pages (the newest ids
                // first, no rank computed for the rest of the matches).
                let older = try c.run(entityIDs.isEmpty ? """
                    SELECT s.id, s.headline, \(rank) FROM (
                      SELECT id FROM newsroom_search_window(\(q)::tsquery, \(page.add(need)), \(page.add(window + skip)))
                    ) m JOIN story s ON s.id = m.id
                    ORDER BY s.id DESC
                    """ : """
                    SELECT s.id, s.headline, \(rank) FROM (
                      SELECT id FROM newsroom_search_window(\(q)::tsquery, NULL, \(window))
                    ) m JOIN story s ON s.id = m.id
                    \(storyInEntities)
                    ORDER BY s.id DESC LIMIT \(page.add(need)) OFFSET \(page.add(skip))
                    """, page.values)
                rows += (0..<older.count).map { (older.int64($0, 0), older.text($0, 1), older.double($0, 2)) }
            }
            // The body is read for the page's rows only.
            let bodies = try c.run("SELECT id, body FROM story WHERE id = ANY($1::bigint[])", [PGIDArray(ids: rows.map(\.id))])
            var body: [StoryID: String] = [:]
            for i in 0..<bodies.count { body[bodies.int64(i, 0)] = bodies.text(i, 1) }
            return rows.map { r in
                SearchHit(story: r.id, headline: r.headline,
                          snippet: Context.oneLine(SearchSnippet.make(headline: r.headline, body: body[r.id] ?? "",
                                                                      words: words)),
                          rank: r.score)
            }
        }
    }

    static func hit(_ r: PGRows, _ i: Int) -> SearchHit {
        SearchHit(story: r.int64(i, 0), headline: r.text(i, 1), snippet: Context.oneLine(r.text(i, 2)),
                  rank: r.double(i, 3))
    }
}
