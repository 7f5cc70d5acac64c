import Foundation
import NewsArchive
import NewsKit
import Testing
@testable import NewsReader

/// The story's web address (`o`) and the background fetch (`R`), over a real archive.
@Suite struct LinkAndFetchTests {
    static func withURL(_ story: ArchivedStory, _ url: String?) -> ArchivedStory {
        var s = story
        s.annotated.story.url = url
        return s
    }

    @Test func theStoryPaneShowsTheWebAddressAndOOpensIt() throws {
        let url = "https://coastal.example/news/quay-vote?ref=rss"
        let (store, folder) = try SessionTests.archive([Self.withURL(Fixtures.quay, url)])
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        #expect(session.state.open?.story.url == url, "the archive returns the stored url")
        #expect(session.render().text.contains("↗ " + url))
        session.press(.character("o"))
        #expect(session.takeEffects() == [.openURL(url)])
        #expect(session.takeEffects().isEmpty, "an effect is handed out once")
    }

    @Test func noAddressOrANonWebAddressIsSaidAndNotOpened() throws {
        let (store, folder) = try SessionTests.archive([Fixtures.quay, Self.withURL(Fixtures.fleet, "file:///etc/passwd")])
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        // The newest story (fleet) has a file: address.
        session.press(.character("o"))
        #expect(session.takeEffects().isEmpty)
        #expect(session.state.message == "not opening file:///etc/passwd: not an http(s) address")
        session.press(.character("j"))
        session.press(.enter)
        #expect(session.state.open?.story.headline == "Harbour board delays vote on new quay")
        #expect(!session.render().text.contains("↗"))
        session.press(.character("o"))
        #expect(session.takeEffects().isEmpty)
        #expect(session.state.message == "this story has no web address")
    }

    @Test func controlCharactersInTheAddressNeverReachTheScreen() throws {
        let (store, folder) = try SessionTests.archive([Self.withURL(Fixtures.quay, "https://x.example/\u{1B}[2Jboom\u{07}")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = ReaderSession(archive: store, width: 160, height: 48)
        let text = session.render().text
        #expect(text.contains("↗ https://x.example/"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func rFetchesInTheBackgroundAndNewStoriesAppear() throws {
        let (store, folder) = try SessionTests.archive([Fixtures.quay])
        defer { try? FileManager.default.removeItem(at: folder) }
        var session = ReaderSession(archive: store, width: 160, height: 48)
        session.press(.character("R"))
        #expect(session.takeEffects() == [.fetchFeeds])
        #expect(session.render().text.contains("fetching feeds…"))
        session.press(.character("R"))
        #expect(session.takeEffects().isEmpty, "one fetch at a time")
        #expect(session.state.message == "a fetch is already running")
        session.send(.fetchProgress(done: 1, total: 3))
        session.press(.character("j"))
        #expect(session.render().text.contains("fetching feeds 1/3…"))
        // The fetch (another writer) stores a story, then says it is done.
        let writer = try SQLiteArchive(path: folder.appendingPathComponent("archive.sqlite").path, mode: .readWrite)
        _ = try writer.store([IngestItem(annotated: Fixtures.fleet.annotated, contentHash: "hash-fetched")])
        #expect(session.state.stories.count == 1)
        session.send(.fetchFinished("fetched 3 of 3 feeds: 1 new, 0 updated"))
        #expect(session.state.stories.count == 2)
        let text = session.render().text
        #expect(text.contains("fetched 3 of 3 feeds: 1 new, 0 updated"))
        #expect(text.contains("Fleet returns early"))
        #expect(session.state.activity == nil)
        session.press(.character("R"))
        #expect(session.takeEffects() == [.fetchFeeds], "a new fetch once the last one ended")
    }
}
