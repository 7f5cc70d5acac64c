import Foundation
import GRDB
import NewsKit

extension SQLiteArchive {
    /// How many of the newest matching stories are ranked. bm25 costs about
    /// 30 µs a row (it reads each row's column sizes), so it is computed for a
    /// bounded window of candidates only: a search of a common word then costs
    /// the same in any archive size (flat), and rarer words are ranked among
    /// all their matches. Newest first among equal scores; past the window,
    /// the older matches follow newest first.
    static let searchCandidateLimit = 300

    public func search(_ text: String, offset: Int, limit: Int) throws -> [SearchHit] {
        let query = SearchQuery(text)
        let pattern = SearchQuery.ftsPattern(query.words)
        guard let (speakerIDs, entityIDs) = try searchTargets(query) else { return [] }
        let page: StatementArguments = [max(0, limit), max(0, offset)]
        let inEntities = entityIDs.isEmpty ? "" :
            "AND q.storyId IN (SELECT storyId FROM story_entity WHERE entityId IN (\(Self.list(entityIDs))))"

        if !speakerIDs.isEmpty || !query.kinds.isEmpty {
            // A search among quotes.
            var conditions: [String] = []
            if !speakerIDs.isEmpty { conditions.append("q.speakerId IN (\(Self.list(speakerIDs)))") }
            if !query.kinds.isEmpty {
                conditions.append("q.kind IN (\(query.kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
            }
            let filters = conditions.joined(separator: " AND ") + " " + inEntities
            return try read { db in
                if let pattern {
                    // Ranked by how well the story matches the words, among the
                    // newest matching stories; the quote must hold the words itself.
                    let words = SearchMatches(query: query.words)
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT q.storyId, s.headline, \(Self.quoteText), c.score FROM (
                          SELECT rowid AS id, bm25(story_fts, 5.0, 1.0) AS score
                          FROM story_fts WHERE story_fts MATCH ? ORDER BY rowid DESC LIMIT \(Self.searchCandidateLimit)
                        ) c JOIN story s ON s.id = c.id JOIN quote q ON q.dateKey = s.dateKey AND q.storyId = s.id
                        WHERE \(filters)
                        ORDER BY c.score, q.dateKey DESC, q.storyId DESC, q.ordinal
                        """, arguments: [pattern])
                    return Array(rows.lazy.filter { words.allFound(in: $0[2]) }.map(Self.hit)
                        .dropFirst(max(0, offset)).prefix(max(0, limit)))
                }
                return try Row.fetchAll(db, sql: """
                    SELECT q.storyId, s.headline, \(Self.quoteText), 0.0 FROM quote q JOIN story s ON s.id = q.storyId
                    WHERE \(filters)
                    ORDER BY q.dateKey DESC, q.storyId DESC, q.ordinal LIMIT ? OFFSET ?
                    """, arguments: page).map(Self.hit)
            }
        }
        let storyInEntities = entityIDs.isEmpty ? "" :
            "WHERE s.id IN (SELECT storyId FROM story_entity WHERE entityId IN (\(Self.list(entityIDs))))"
        return try read { db in
            if let pattern {
                // Snippets only for the page asked for, cut from the stored
                // text in Swift (see `SearchSnippet`).
                let words = SearchMatches(query: query.words)
                let window = Self.searchCandidateLimit
                let offset = max(0, offset), limit = max(0, limit)
                // The window's matches, best first (all of them: bm25 is
                // computed for each before any can be picked anyway).
                let ranked = try Row.fetchAll(db, sql: """
                    SELECT s.id, s.headline, c.score FROM (
                      SELECT rowid AS id, bm25(story_fts, 5.0, 1.0) AS score
                      FROM story_fts WHERE story_fts MATCH ? ORDER BY rowid DESC LIMIT \(window)
                    ) c JOIN story s ON s.id = c.id
                    \(storyInEntities)
                    ORDER BY c.score, s.id DESC
                    """, arguments: [pattern])
                var rows: [(id: StoryID, headline: String, score: Double)] =
                    ranked.dropFirst(offset).prefix(limit).map { ($0[0], $0[1], $0[2]) }
                if rows.count < limit {
                    // Past the window the older matches follow, newest first,
                    // so paging on never ends early; each is scored alone.
                    let skip = max(0, offset - ranked.count), need = limit - rows.count
                    let older = try Row.fetchAll(db, sql: """
                        SELECT s.id, s.headline FROM (
                          SELECT rowid AS id FROM story_fts WHERE story_fts MATCH ? ORDER BY rowid DESC LIMIT -1 OFFSET \(window)
                        ) c JOIN story s ON s.id = c.id
                        \(storyInEntities)
                        ORDER BY s.id DESC LIMIT ? OFFSET ?
                        """, arguments: [pattern, need, skip])
                    let score = try db.cachedStatement(sql: """
                        SELECT bm25(story_fts, 5.0, 1.0) FROM story_fts WHERE story_fts MATCH ? AND rowid = ?
                        """)
                    for r in older {
                        let id: StoryID = r[0]
                        rows.append((id, r[1], try Double.fetchOne(score, arguments: [pattern, id]) ?? 0))
                    }
                }
                // The body is read for the page's rows only, not for every
                // candidate the sort goes through.
                let body = try db.cachedStatement(sql: "SELECT body FROM story WHERE id = ?")
                return try rows.map { r in
                    let text = try String.fetchOne(body, arguments: [r.id]) ?? ""
                    return SearchHit(story: r.id, headline: r.headline,
                                     snippet: Context.oneLine(SearchSnippet.make(headline: r.headline, body: text,
                                                                                 words: words)),
                                     rank: r.score)
                }
            }
            if entityIDs.isEmpty { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT s.id, s.headline, s.headline, 0.0 FROM (
                  SELECT DISTINCT storyId, dateKey FROM story_entity WHERE entityId IN (\(Self.list(entityIDs)))
                ) se JOIN story s ON s.id = se.storyId
                ORDER BY se.dateKey DESC, se.storyId DESC LIMIT ? OFFSET ?
                """, arguments: page).map(Self.hit)
        }
    }

    static func hit(_ r: Row) -> SearchHit {
        SearchHit(story: r[0], headline: r[1], snippet: Context.oneLine(r[2]), rank: r[3])
    }

    /// Ids as an SQL list: they are integers from the archive, never user text.
    static func list(_ ids: [EntityID]) -> String {
        ids.map(String.init).joined(separator: ", ")
    }
}

extension Context {
    /// Text on one line without control characters.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
        }))
    }
}
