import Foundation
import Testing
@testable import NewsFetch

@Suite struct DropFolderTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aGrowingFileIsOfferedOnlyOnceItStopsChanging() {
        var drop = DropFolder(path: "/drop", settle: 1)
        func entry(_ size: UInt64, _ modified: Double) -> DropFolder.Entry {
            .init(path: "/drop/a.xml", size: size, modified: t0.addingTimeInterval(modified))
        }
        #expect(drop.observe([entry(100, 0)], now: t0) == [])
        #expect(drop.observe([entry(900, 1)], now: t0.addingTimeInterval(1.5)) == [], "still growing")
        #expect(drop.observe([entry(900, 1)], now: t0.addingTimeInterval(2.0)) == [], "not settled yet")
        #expect(drop.observe([entry(900, 1)], now: t0.addingTimeInterval(2.6)) == ["/drop/a.xml"])
        #expect(drop.observe([entry(900, 1)], now: t0.addingTimeInterval(5)) == [], "offered once")
        // Rewritten later: offered again once settled.
        #expect(drop.observe([entry(950, 9)], now: t0.addingTimeInterval(9)) == [])
        #expect(drop.observe([entry(950, 9)], now: t0.addingTimeInterval(10.1)) == ["/drop/a.xml"])
    }

    @Test func anEmptyFileIsNotReady() {
        var drop = DropFolder(path: "/drop", settle: 0)
        let e = DropFolder.Entry(path: "/drop/b.txt", size: 0, modified: t0)
        #expect(drop.observe([e], now: t0) == [])
        #expect(drop.observe([e], now: t0.addingTimeInterval(10)) == [])
    }

    @Test func partialNames() {
        for name in [".hidden.txt", "story.txt.part", "story.TMP", "x.filepart", "a.xml~", "b.crdownload"] {
            #expect(DropFolder.isPartial(name), "\(name)")
        }
        for name in ["story.txt", "feed.xml", "item.json", "partner.txt"] {
            #expect(!DropFolder.isPartial(name), "\(name)")
        }
    }
}

@Suite struct FeedListTests {
    @Test func urlsTagsCommentsAndBadLines() {
        let list = FeedList(text: """
            # my feeds
            https://example.org/rss.xml news "city hall"

               http://wire.example/feed\tagency # main wire
            #https://commented.example/out
            example.org/no-scheme
            ftp://files.example/x
            """)
        #expect(list.feeds.map(\.url) == ["https://example.org/rss.xml", "http://wire.example/feed"])
        #expect(list.feeds.map(\.tags) == [["news", "city hall"], ["agency"]])
        #expect(list.feeds.map(\.line) == [2, 4])
        #expect(list.problems.map(\.line) == [6, 7])
    }

    @Test func defaultPath() {
        #expect(FeedList.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/newsroom/feeds")
        #expect(FeedList.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/newsroom/feeds")
    }
}
