import Foundation
import NewsArchive
import NewsKit
import Testing
@testable import NewsReader

/// The reader driven key by key over a real SQLite archive in a temporary
/// folder, built through the archive's API from the hand-annotated stories.
@Suite struct SessionTests {
    /// A fresh archive holding the fixture stories; removed by the caller.
    static func archive() throws -> (SQLiteArchive, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteArchive(path: folder.appendingPathComponent("archive.sqlite").path, mode: .readWrite)
        let items = [Fixtures.quay, Fixtures.fleet].map {
            IngestItem(annotated: $0.annotated, contentHash: "hash-\($0.id)")
        }
        let report = try store.store(items)
        #expect(report.added == 2)
        return (store, folder)
    }

    @Test func opensOnTheNewestStoryWithAllPanes() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = ReaderSession(archive: store, width: 160, height: 48)
        #expect(session.state.stories.count == 2)
        // Archive order is newest first: the fleet story (2031-04-03).
        #expect(session.state.open?.story.headline == "Fleet returns early as storm nears Port Ellis")
        let text = session.render().text
        #expect(text.contains("Stories 1/2"))
        #expect(text.contains("Entities · this story"))
        #expect(text.contains("Tamsin Achebe — 1 quote"))
        #expect(text.contains("“The sea turned in an hour,” Achebe said."))
    }

    @Test func filterShowsOnePersonsQuotesFromSeveralStories() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        session.press(.character("f"))
        session.send(.type("Ilse"))
        #expect(session.state.prompt?.completions.map(\.name) == ["Ilse Marrow"])
        session.press(.tab)
        session.press(.enter)
        #expect(session.state.quoteFilter?.speaker.name == "Ilse Marrow")
        let quotes = session.state.quoteRows.compactMap(\.quote)
        #expect(Set(quotes.map(\.text)) == ["We need another month to read the survey,", "Nobody was left outside,"])
        #expect(Set(quotes.map(\.story)).count == 2)
        let text = session.render().text
        #expect(text.contains("Quotes by Ilse Marrow · 2 in 2 stories"))
        // Enter on a quote from the other story opens it at the quote.
        session.press(.escape)
        #expect(session.state.quoteFilter == nil)
    }

    @Test func enterOnAFilteredQuoteOpensItsStory() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        session.press(.character(":"))
        session.send(.type("filter marrow"))
        session.press(.enter)
        #expect(session.state.quoteFilter?.speaker.name == "Ilse Marrow")
        // Focus the quotes pane and pick the quote from the other story.
        while session.state.focus != .quotes { session.press(.tab) }
        let target = session.state.quoteRows.compactMap(\.quote).first { $0.story != session.state.open?.id }!
        while session.state.selectedQuote != target { session.press(.down) }
        session.press(.enter)
        #expect(session.state.open?.id == target.story)
        #expect(session.state.open?.focus?.paragraph == target.paragraph)
    }

    @Test func bracketsWalkMentionsAcrossStoriesAndBack() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        while session.state.focus != .entities { session.press(.tab) }
        while session.state.selectedEntity?.name != "Ilse Marrow" { session.press(.down) }
        var visited: [StoryID] = []
        var messages: [String] = []
        for _ in 0..<5 {
            session.press(.character("]"))
            visited.append(session.state.open!.id)
            messages.append(session.state.message ?? "")
        }
        // Every mention in order, from the open story on into the next one.
        #expect(messages.first == "Ilse Marrow: mention 1 of 5 · story 1 of 2")
        #expect(messages.last == "Ilse Marrow: mention 5 of 5 · story 2 of 2")
        #expect(messages == (1...5).map { "Ilse Marrow: mention \($0) of 5 · story \($0 <= 2 ? 1 : 2) of 2" })
        #expect(Set(visited).count == 2)
        #expect(visited.first != visited.last)
        session.press(.character("]"))
        #expect(session.state.message?.hasPrefix("no more mentions") == true)
        for _ in 0..<4 { session.press(.character("[")) }
        #expect(session.state.message == "Ilse Marrow: mention 1 of 5 · story 1 of 2")
        #expect(session.state.open?.id == visited.first)
    }

    @Test func searchFindsAWordAndStepsThroughResults() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        session.press(.character("/"))
        session.send(.type("quay"))
        session.press(.enter)
        #expect(session.state.open?.story.headline == "Harbour board delays vote on new quay")
        // The story opens at the first paragraph holding the word, which is
        // marked as the current match; the headline's "quay" is marked too.
        #expect(session.state.message == "“quay”: match 1 of 1 · result 1 of 1")
        #expect(session.state.open?.focus == Span(paragraph: 0, start: 57, end: 61))
        let frame = session.render()
        let story = session.state.layout.content(of: .story)
        var current = false, other = false
        for y in story.y..<story.maxY {
            let line = frame.line(y)
            if let r = line.range(of: "quay on Tuesday") {
                let x = line.distance(from: line.startIndex, to: r.lowerBound)
                current = frame[x, y].style.reverse && !frame[x + 5, y].style.reverse
            }
            if let r = line.range(of: "new quay"), !line.contains("Tuesday") {
                let x = line.distance(from: line.startIndex, to: r.lowerBound) + 4
                other = frame[x, y].style.underline && !frame[x, y].style.reverse && !frame[x - 1, y].style.underline
            }
        }
        #expect(current)
        #expect(other)
        session.press(.character("n"))
        #expect(session.state.message == "last match for “quay” · N goes back")
        session.press(.character("/"))
        session.send(.type("NEAR( \"unclosed OR *"))
        session.press(.enter)
        // Search syntax from the user is answered, never a raw SQLite error.
        #expect(session.state.message?.contains("SQLITE") != true)
    }

    @Test func archiveScopeListsEntitiesOfEveryStory() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        session.press(.character("a"))
        let text = session.render().text
        #expect(text.contains("Entities · archive"))
        #expect(text.contains("Oskar Brandt"))
        #expect(text.contains("Tamsin Achebe"))
        let marrow = session.state.entityRows.first { $0.name == "Ilse Marrow" }
        #expect(marrow?.count == 5)
    }

    @Test func relatedStoriesOpenFromTheOverlay() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        let first = session.state.open!.id
        session.press(.character("r"))
        guard case .related(_, let items, _)? = session.state.overlay else {
            Issue.record("no related overlay: \(session.state.message ?? "")")
            return
        }
        #expect(items.map(\.story.id) == [first == 1 ? 2 : 1])
        #expect(session.render().text.contains("Related stories"))
        session.press(.enter)
        #expect(session.state.overlay == nil)
        #expect(session.state.open?.id != first)
    }

    @Test func ctrlLPicksUpStoriesIngestedWhileBrowsing() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        let openBefore = session.state.open?.id
        #expect(session.state.stories.count == 2)
        // Another writer adds a story to the same archive file.
        let writer = try SQLiteArchive(path: folder.appendingPathComponent("archive.sqlite").path, mode: .readWrite)
        let late = Fixtures.story(id: 9, headline: "Ferry timetable changes for winter", paragraphs: ["The ferry will sail twice a day, Oskar Brandt said."],
                                  quotes: [], entities: [("Oskar Brandt", .person)], ids: Fixtures.ids)
        _ = try writer.store([IngestItem(annotated: late.annotated, contentHash: "hash-late")])
        #expect(session.state.stories.count == 2)
        session.press(.control("l"))
        #expect(session.state.stories.count == 3)
        #expect(session.render().text.contains("Ferry timetable changes"))
        #expect(session.state.open?.id == openBefore)
    }

    @Test func aLongWalkCountsExactlyWhereItIs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteArchive(path: folder.appendingPathComponent("archive.sqlite").path, mode: .readWrite)
        // 130 stories, each naming Ilse Marrow twice: 260 mentions, more than
        // a reader can list whole.
        let items = (1...130).map { i -> IngestItem in
            let st = Fixtures.story(id: StoryID(i), headline: "Quay works, day \(i)",
                                    paragraphs: ["Ilse Marrow inspected section \(i) of the quay.", "Marrow said the work was on time."],
                                    quotes: [], entities: [("Ilse Marrow", .person)], ids: Fixtures.ids)
            return IngestItem(annotated: st.annotated, contentHash: "walk-\(i)")
        }
        _ = try store.store(items)
        var session = ReaderSession(archive: store, width: 160, height: 48)
        while session.state.focus != .entities { session.press(.tab) }
        #expect(session.state.selectedEntity?.name == "Ilse Marrow")
        for _ in 0..<205 { session.press(.character("]")) }
        #expect(session.state.message == "Ilse Marrow: mention 205 of 260 · story 103 of 130")
        #expect(session.render().text.contains("mention 205 of 260 · story 103 of 130"))
        session.press(.character("["))
        session.press(.character("["))
        #expect(session.state.message == "Ilse Marrow: mention 203 of 260 · story 102 of 130")
        #expect(session.state.open?.id == session.state.walk?.current?.story)
    }

    @Test func filteredQuotesLoadPageByPage() throws {
        let (store, folder) = try Self.archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        session.quotePageSize = 1
        session.press(.character(":"))
        session.send(.type("filter Ilse Marrow"))
        session.press(.enter)
        #expect(session.state.quoteRows.compactMap(\.quote).count == 1)
        #expect(session.render().text.contains("Quotes by Ilse Marrow · 1 of 2 loaded"))
        while session.state.focus != .quotes { session.press(.tab) }
        session.press(.down)
        #expect(session.state.quoteRows.compactMap(\.quote).count == 2)
        #expect(session.render().text.contains("Quotes by Ilse Marrow · 2 in 2 stories"))
    }

    @Test func anEmptyArchiveSaysSoAndEveryKeyIsSafe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reader-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteArchive(path: folder.appendingPathComponent("a.sqlite").path, mode: .readWrite)
        var session = ReaderSession(archive: store, width: 100, height: 30)
        #expect(session.render().text.contains("No stories in this archive."))
        for b in ActionTable.bindings where b.command != .quit {
            for k in b.keys { session.press(k); session.press(.escape) }
        }
        for pane in PaneID.allCases {
            while session.state.focus != pane { session.press(.tab) }
            for k in [Key.down, .up, .pageDown, .enter, .character("]"), .character("["), .character("f")] { session.press(k) }
            session.press(.escape)
        }
        #expect(!session.state.shouldQuit)
        #expect(session.render().text.contains("No stories in this archive."))
    }
}
