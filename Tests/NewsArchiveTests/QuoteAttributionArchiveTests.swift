import Foundation
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

/// `Quote.attribution` in the archive: kept with the quote, given back by
/// `quotes`, filtered by confidence in SQL, and old archives upgraded.
@Suite struct QuoteAttributionArchiveTests {
    /// The harbour stories with a hand-built attribution on each quote:
    /// `confidences[i]` for story i (nil: no attribution).
    static func items(_ confidences: [Double?]) -> [IngestItem] {
        let builders = [Harbour.story1(), Harbour.story2(), Harbour.story3()]
        return zip(builders, confidences).map { builder, confidence in
            var a = builder.annotated()
            if let confidence {
                let marrow = builder.span(of: "Marrow", after: a.quotes[0].parts[0])
                a.quotes[0].attribution = QuoteAttribution(
                    method: "cue-after-quote", cue: "said", mention: marrow, chain: ["Marrow", "Ilse Marrow"],
                    confidence: confidence)
            }
            return IngestItem(annotated: a, contentHash: ContentHash.of(Data(builder.source.utf8)))
        }
    }

    @Test(arguments: Backend.available) func attributionComesBackWithTheQuoteAndTheStory(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in try Self.attributionComesBack(archive) }
    }

    static func attributionComesBack(_ archive: any ArchiveStore) throws {
        let items = Self.items([0.9, 0.6, nil])
        _ = try archive.store(items)
        let quotes = try archive.quotes(QuoteFilter())
        // Newest first: story 3 (none), story 2 (0.6), story 1 (0.9).
        #expect(quotes.map { $0.attribution?.confidence } == [nil, 0.6, 0.9])
        let a = try #require(quotes[2].attribution)
        #expect(a.method == "cue-after-quote" && a.cue == "said" && a.chain == ["Marrow", "Ilse Marrow"])
        let m = try #require(a.mention)
        #expect(m.text == "Marrow" && m.field == "body" && m.paragraph == 1)
        let p = Harbour.story1().paragraphs[1]
        #expect(String(decoding: Array(p.utf8)[m.range[0]..<m.range[1]], as: UTF8.self) == "Marrow")
        // The same fields `extract --json` gives for that quote.
        let original = items[0].annotated
        #expect(a == ArticleJSON.AttributionJSON(original.quotes[0].attribution!, in: original.story))
        // The whole story comes back with it.
        let back = try #require(try archive.story(id: quotes[2].story))
        #expect(back.annotated == original)
    }

    @Test(arguments: Backend.available) func minConfidenceFiltersInSQLSoPagesStayFull(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in try Self.minConfidenceFilters(archive) }
    }

    static func minConfidenceFilters(_ archive: any ArchiveStore) throws {
        _ = try archive.store(Self.items([0.9, 0.6, 0.75]))
        let sure = try archive.quotes(QuoteFilter(minConfidence: 0.7))
        #expect(sure.map { $0.attribution?.confidence } == [0.75, 0.9])
        #expect(try archive.quoteCount(QuoteFilter(minConfidence: 0.7)) == 2)
        // Paging counts only the quotes that pass.
        #expect(try archive.quotes(QuoteFilter(minConfidence: 0.7, limit: 1, offset: 1)).map { $0.attribution?.confidence } == [0.9])
        #expect(try archive.quotes(QuoteFilter(minConfidence: 0.7, limit: 1, offset: 0)).count == 1)
        #expect(try archive.quotes(QuoteFilter(minConfidence: 0.95)).isEmpty)
        #expect(try archive.quotes(QuoteFilter(minConfidence: 0)).count == 3)
        // With the other filters.
        #expect(try archive.quotes(QuoteFilter(text: "cranes")).count == 2)
        #expect(try archive.quotes(QuoteFilter(text: "cranes", minConfidence: 0.8)).map { $0.attribution?.confidence } == [0.9])
    }

    /// What `fetch` keeps of each URL, on either backend: absent until saved,
    /// replaced whole by the next save, one row per URL.
    @Test(arguments: Backend.available) func fetchValidatorsAreKeptPerURL(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            let url = "https://wire.example/rss.xml"
            #expect(try archive.fetchState(url: url) == nil)
            let first = FetchState(url: url, etag: "W/\"a1\"", lastModified: "Sat, 05 Dec 2026 10:00:00 GMT",
                                   status: 200, fetchedAt: "2026-12-05T10:00:01Z")
            try archive.saveFetchState(first)
            #expect(try archive.fetchState(url: url) == first)
            let second = FetchState(url: url, etag: nil, lastModified: nil, status: 304, fetchedAt: "2026-12-05T11:00:00Z")
            try archive.saveFetchState(second)
            #expect(try archive.fetchState(url: url) == second)
            #expect(try archive.fetchState(url: url + "?page=2") == nil)
        }
    }

    @Test func anArchiveWithoutTheConfidenceColumnUpgradesInPlace() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("v2.sqlite")
        // An archive as schema v2 wrote it: its quote rows have no confidence.
        try OlderArchive.make(at: path, upTo: "v2: mentions packed into story_entity; full text indexed per batch") { db in
            try OlderArchive.insertStory(db, id: 7, headline: "Cranes stay off",
                                         paragraphs: ["“The cranes stay off,” Ana Lind said."], quoteCount: 1)
            try db.execute(sql: """
                INSERT INTO quote (storyId, dateKey, ordinal, text, kind, speaker, speakerId, speakerOrdinal,
                                   paragraph, start, "end", detail)
                VALUES (7, 0, 0, 'The cranes stay off,', 'direct', 'Ana Lind', NULL, NULL, 0, 3, 23, '{"c":"said"}')
                """)
        }
        #expect(throws: ArchiveError.self) { try SQLiteArchive(path: path, mode: .readOnly) }
        let archive = try SQLiteArchive(path: path)
        let old = try archive.quotes(QuoteFilter())
        #expect(old.map(\.text) == ["The cranes stay off,"])
        #expect(old[0].attribution == nil)
        // Unknown confidence never passes a floor.
        #expect(try archive.quotes(QuoteFilter(minConfidence: 0)).isEmpty)
        // New stories are written with their attribution beside the old ones.
        _ = try archive.store(Array(Self.items([0.9]).prefix(1)))
        #expect(try archive.quotes(QuoteFilter(minConfidence: 0.5)).map(\.text) == ["We will not go back until the cranes are safe,"])
        let columns = try DatabaseQueue(path: path).read { db in try db.columns(in: "quote").map(\.name) }
        #expect(columns.contains("confidence"))
    }
}
