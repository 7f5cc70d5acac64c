import Foundation
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

/// Schema v5: a quote whose text is its paragraph's bytes at its range is
/// stored without a copy of the text and read back from the story's body;
/// other quotes, and every quote of an older archive, keep their text.
@Suite struct QuoteTextInBodyTests {
    static func rows(_ path: String) throws -> [(text: String, bodyStart: Int?)] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT text, bodyStart FROM quote ORDER BY storyId, ordinal").map { ($0[0], $0[1]) }
        }
    }

    @Test func aQuoteThatIsItsRangeIsReadFromTheBody() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("v5.sqlite")
        let archive = try SQLiteArchive(path: path)
        let builders = [Harbour.story1(), Harbour.story2()]
        var items = builders.map { $0.item() }
        // A text that is not the bytes at its range (as a normalised
        // multi-part quote's is) keeps its own copy.
        items[1].annotated.quotes[0].text = "This is the first step (as reported),"
        _ = try archive.store(items)

        let stored = try Self.rows(path)
        #expect(stored.count == 2)
        // Story 1's quote opens its second paragraph, after the opening mark.
        let p0 = Harbour.story1().paragraphs[0].utf8.count
        let start = items[0].annotated.quotes[0].parts[0].start
        #expect(stored[0].text == "" && stored[0].bodyStart == p0 + StoredBody.separator.utf8.count + start)
        #expect(stored[1].text == "This is the first step (as reported)," && stored[1].bodyStart == nil)

        let quotes = try archive.quotes(QuoteFilter())
        #expect(Set(quotes.map(\.text)) == ["We will not go back until the cranes are safe,",
                                             "This is the first step (as reported),"])
        // Word filters and counts see the text read from the body.
        #expect(try archive.quotes(QuoteFilter(text: "cranes")).map(\.text) == ["We will not go back until the cranes are safe,"])
        #expect(try archive.quoteCount(QuoteFilter(text: "cranes")) == 1)
        // A stored copy is checked for the words as well (the story holds them).
        #expect(try archive.quoteCount(QuoteFilter(text: "first step")) == 1)
        // The whole story comes back as it went in.
        let id = try #require(quotes.first { $0.text.hasPrefix("We will") }?.story)
        #expect(try archive.story(id: id)?.annotated == items[0].annotated)
    }

    @Test func aVersion4ArchiveUpgradesAndReadsItsQuotesAsBefore() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("v4.sqlite")
        // An archive as schema v4 wrote it: every quote row holds its text.
        try OlderArchive.make(at: path, upTo: "v4: validators of downloaded URLs (fetch)") { db in
            try OlderArchive.insertStory(db, id: 7, headline: "Cranes stay off",
                                         paragraphs: ["Harbour pilots met on Friday.", "“The cranes stay off,” Ana Lind said."],
                                         quoteCount: 1)
            try db.execute(sql: """
                INSERT INTO quote (storyId, dateKey, ordinal, text, kind, speaker, speakerId, speakerOrdinal,
                                   paragraph, start, "end", detail, confidence)
                VALUES (7, 0, 0, 'The cranes stay off,', 'direct', 'Ana Lind', NULL, NULL, 1, 3, 23, '{"c":"said"}', 0.8)
                """)
        }
        #expect(throws: ArchiveError.self) { try SQLiteArchive(path: path, mode: .readOnly) }
        let archive = try SQLiteArchive(path: path)
        #expect(try archive.quotes(QuoteFilter()).map(\.text) == ["The cranes stay off,"])
        #expect(try archive.quoteCount(QuoteFilter(text: "cranes")) == 1)
        #expect(try archive.story(id: 7)?.annotated.quotes.map(\.text) == ["The cranes stay off,"])
        let columns = try DatabaseQueue(path: path).read { db in try db.columns(in: "quote").map(\.name) }
        #expect(columns.contains("bodyStart"))
        #expect(try Self.rows(path).map(\.bodyStart) == [nil])
        // New stories beside it are written the new way.
        let b = Harbour.story1()
        _ = try archive.store([b.item()])
        #expect(try Self.rows(path).map(\.text) == ["The cranes stay off,", ""])
        #expect(try archive.quotes(QuoteFilter()).map(\.text).sorted()
                == ["The cranes stay off,", "We will not go back until the cranes are safe,"])
    }
}
