import Foundation
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

/// Schema v7: a quote's detail leaves out what its row holds (the method as
/// a code, the chain's last name when it is the row's speaker, the row's
/// confidence) and a body paragraph's layout entry is its length alone;
/// an archive written by v6 upgrades and reads its rows as before.
@Suite struct CompactQuoteDetailTests {
    static func details(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT detail FROM quote ORDER BY storyId, ordinal")
        }
    }

    @Test func aVersion6ArchiveUpgradesAndReadsItsQuotesAsBefore() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("v6.sqlite")
        // As v6 wrote it: the method by name, the whole chain, the confidence
        // in the detail as well as in its column; layout entries `[length, 0]`.
        let v6Detail = #"{"c":"said","s":[2,1,32,36],"b":{"m":"cue-after-quote","h":["Lind","Ana Lind"],"f":0.8}}"#
        try OlderArchive.make(at: path, upTo: "v6: story count kept by triggers") { db in
            try OlderArchive.insertStory(db, id: 7, headline: "Cranes stay off",
                                         paragraphs: ["Harbour pilots met on Friday.", "“The cranes stay off,” said Lind."],
                                         quoteCount: 1)
            try db.execute(sql: """
                INSERT INTO quote (storyId, dateKey, ordinal, text, kind, speaker, speakerId, speakerOrdinal,
                                   paragraph, start, "end", detail, confidence, bodyStart)
                VALUES (7, 0, 0, '', 'direct', 'Ana Lind', NULL, NULL, 1, 3, 23, ?, 0.8, ?)
                """, arguments: [v6Detail, "Harbour pilots met on Friday.".utf8.count + 2 + 3])
        }
        // An archive not yet upgraded is not read as if it were.
        #expect(throws: ArchiveError.self) { try SQLiteArchive(path: path, mode: .readOnly) }
        let archive = try SQLiteArchive(path: path)
        let migrations = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations.last == "v7: compact quote detail")
        #expect(try Self.details(path) == [v6Detail])

        let old = try #require(try archive.quotes(QuoteFilter()).first)
        #expect(old.text == "The cranes stay off,")
        let a = try #require(old.attribution)
        #expect(a.method == "cue-after-quote" && a.cue == "said" && a.chain == ["Lind", "Ana Lind"] && a.confidence == 0.8)
        #expect(a.mention?.text == "Lind" && a.mention?.range == [32, 36])
        let story = try #require(try archive.story(id: 7))
        #expect(story.annotated.quotes.map(\.attribution) == [QuoteAttribution(
            method: "cue-after-quote", cue: "said", mention: Span(paragraph: 1, start: 32, end: 36),
            chain: ["Lind", "Ana Lind"], confidence: 0.8)])
        #expect(story.annotated.story.paragraphs.map(\.text) == ["Harbour pilots met on Friday.", "“The cranes stay off,” said Lind."])

        // A story stored now is written the compact way and reads back whole.
        let items = QuoteAttributionArchiveTests.items([0.9])
        _ = try archive.store(items)
        let written = try Self.details(path)
        #expect(written.count == 2)
        #expect(written[1].contains(#""m":0"#) && written[1].contains(#""g":["Marrow"]"#) && !written[1].contains(#""f":"#), "\(written[1])")
        let layouts = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT layout FROM story ORDER BY id") }
        #expect(layouts[0].contains("[29,0]") && !layouts[1].contains(",0]"), "\(layouts)")
        let quotes = try archive.quotes(QuoteFilter())
        // Newest first: the dated harbour story, then the undated old one.
        #expect(quotes.compactMap(\.attribution).map(\.chain) == [["Marrow", "Ilse Marrow"], ["Lind", "Ana Lind"]])
        #expect(quotes.compactMap(\.attribution).map(\.confidence) == [0.9, 0.8])
        #expect(try archive.story(id: quotes[0].story)?.annotated == items[0].annotated)
    }
}
