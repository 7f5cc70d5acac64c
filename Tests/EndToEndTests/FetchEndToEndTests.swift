import Foundation
import NewsArchive
import NewsKit
import Testing
import TestSupport

/// Fictional wire stories the tests serve over HTTP.
enum WireFixtures {
    static let ferry = """
        Ferry crews vote to return to work at Port Ellis

        By Wren Talbot

        PORT ELLIS (Coastal Wire) - Ferry crews at Port Ellis voted on Monday to end a week-long stoppage, union steward Halvard Okafor said.

        “We have the rota we asked for,” Okafor told reporters at the terminal.

        Harbour master Ilse Marrow said the first sailing would leave at dawn.
        """

    static let ferryRevised = ferry + "\n\n“Nobody wanted another week of this,” Marrow said."

    static let orchard = """
        Orchard growers count frost losses in Vell Valley

        By Priya Castellan

        VELL VALLEY (Coastal Wire) - Apple growers in Vell Valley lost a third of their blossom to a late frost, co-operative chair Tomas Brightwater said on Friday.

        “It was the coldest April night in twenty years,” Brightwater said.
        """

    static let library = """
        Old harbour library reopens with a reading room for sailors

        GANNET HEAD (Coastal Wire) - The harbour library at Gannet Head reopened on Saturday after two years of repairs, librarian Odile Farrant said.

        “The sailors asked for long tables and good lamps,” Farrant said.
        """
}

/// `newsroom fetch` against a real HTTP server on loopback.
@Suite struct FetchEndToEndTests {
    let binary: NewsroomBinary
    let folder: TemporaryFolder
    let server: LoopbackHTTPServer

    init() throws {
        binary = try NewsroomBinary.find()
        folder = try TemporaryFolder("newsroom-fetch")
        server = try LoopbackHTTPServer()
    }

    var db: String { folder.file("archive.sqlite") }

    func archive() throws -> SQLiteArchive { try SQLiteArchive(path: db, mode: .readOnly) }

    func fetch(_ args: [String], environment: [String: String] = [:]) throws -> (NewsroomBinary.Run, [String: Any]) {
        let r = try binary.run(["fetch", "--db", db, "--json"] + args, in: folder, environment: environment)
        let object = (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
        return (r, object)
    }

    static func feeds(_ json: [String: Any]) -> [[String: Any]] { json["feeds"] as? [[String: Any]] ?? [] }
    static func failed(_ json: [String: Any]) -> [[String: Any]] { json["failed"] as? [[String: Any]] ?? [] }

    @Test func aSecondFetchOfUnchangedURLsGets304AndChangesNothing() throws {
        defer { server.stop(); folder.remove() }
        server.route("/ferry") { req in
            if req.headers["if-none-match"] == "\"ferry-1\"" { return .init(status: 304, headers: [("ETag", "\"ferry-1\"")]) }
            return .init(contentType: "text/plain; charset=utf-8", WireFixtures.ferry, headers: [("ETag", "\"ferry-1\"")])
        }
        let stamp = "Fri, 04 Dec 2026 08:00:00 GMT"
        server.route("/orchard") { req in
            if req.headers["if-modified-since"] == stamp { return .init(status: 304) }
            return .init(contentType: "text/plain", WireFixtures.orchard, headers: [("Last-Modified", stamp)])
        }
        let urls = [server.url("/ferry"), server.url("/orchard")]

        let (first, json1) = try fetch(urls)
        #expect(first.status == 0, "\(first.stderr)")
        let feeds1 = Self.feeds(json1)
        #expect(feeds1.map { $0["url"] as? String } == urls)
        #expect(feeds1.map { $0["status"] as? Int } == [200, 200])
        #expect(feeds1.map { $0["added"] as? Int } == [1, 1])
        #expect(feeds1.map { $0["notModified"] as? Bool } == [false, false])
        #expect((feeds1.first?["bytes"] as? Int) == WireFixtures.ferry.utf8.count)
        let a = try archive()
        #expect(try a.storyCount() == 2)
        let before = try a.stories(offset: 0, limit: 10)
        let ferry = try #require(before.first { $0.source == urls[0] })
        let stored = try #require(try a.story(id: ferry.id))
        #expect(stored.annotated.story.url == urls[0])
        #expect(stored.annotated.quotes.contains { $0.speaker == "Halvard Okafor" })
        #expect(try a.fetchState(url: urls[0])?.etag == "\"ferry-1\"")
        #expect(try a.fetchState(url: urls[1])?.lastModified == stamp)

        let (second, json2) = try fetch(urls)
        #expect(second.status == 0, "\(second.stderr)")
        let feeds2 = Self.feeds(json2)
        #expect(feeds2.map { $0["status"] as? Int } == [304, 304])
        #expect(feeds2.map { $0["notModified"] as? Bool } == [true, true])
        #expect(feeds2.map { $0["bytes"] as? Int } == [0, 0])
        #expect(feeds2.map { $0["added"] as? Int } == [0, 0])
        #expect(server.requests(for: "/ferry").last?.headers["if-none-match"] == "\"ferry-1\"")
        #expect(server.requests(for: "/orchard").last?.headers["if-modified-since"] == stamp)
        let after = try archive()
        #expect(try after.storyCount() == 2)
        #expect(try after.stories(offset: 0, limit: 10) == before)

        // The story changes on the server: the next fetch replaces it in place.
        server.route("/ferry", .init(contentType: "text/plain", WireFixtures.ferryRevised, headers: [("ETag", "\"ferry-2\"")]))
        let (third, json3) = try fetch(urls)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(Self.feeds(json3).map { $0["updated"] as? Int } == [1, 0])
        let changed = try archive()
        #expect(try changed.storyCount() == 2)
        let revised = try #require(try changed.stories(offset: 0, limit: 10).first { $0.source == urls[0] })
        #expect(revised.id == ferry.id)
        #expect(try changed.story(id: revised.id)?.annotated.story.paragraphs.count == 4)
        #expect(try changed.fetchState(url: urls[0])?.etag == "\"ferry-2\"")
    }

    @Test func oneLinePerFailingURLAndTheRestIsArchived() throws {
        defer { server.stop(); folder.remove() }
        server.route("/good", .init(contentType: "text/plain", WireFixtures.library))
        server.route("/broken", .init(status: 500, contentType: "text/plain", "the database is down"))
        server.route("/loop-a", .redirect(to: server.url("/loop-b")))
        server.route("/loop-b", .redirect(to: server.url("/loop-a")))
        server.route("/slow", .hang)
        server.route("/huge", .init(headers: [("Content-Type", "text/plain")],
                                    body: Data((WireFixtures.orchard + String(repeating: "\n\nMore words here.", count: 2000)).utf8)))
        let bad = ["/missing", "/broken", "/loop-a", "/slow", "/huge"].map { server.url($0) }
        let urls = [bad[0], bad[1], server.url("/good"), bad[2], bad[3], bad[4], "ftp://127.0.0.1/file"]
        let (r, json) = try fetch(["--timeout", "1", "--max-size", "20000"] + urls)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(r.stderr)")
        for url in bad + ["ftp://127.0.0.1/file"] {
            #expect(lines.filter { $0.hasPrefix("newsroom: \(url): ") }.count == 1, "\(url) in \(r.stderr)")
        }
        let reasons = Dictionary(uniqueKeysWithValues: Self.failed(json).map { ($0["url"] as? String ?? "", $0["reason"] as? String ?? "") })
        #expect(reasons[bad[0]] == "HTTP 404 Not Found")
        #expect(reasons[bad[1]]?.hasPrefix("HTTP 500") == true)
        #expect(reasons[bad[2]]?.hasPrefix("redirect loop") == true)
        #expect(reasons[bad[3]]?.contains("timed out") == true)
        #expect(reasons[bad[4]]?.hasPrefix("larger than the 20000-byte cap") == true)
        #expect(reasons["ftp://127.0.0.1/file"] == "not an http(s) URL")
        #expect(Self.feeds(json).map { $0["url"] as? String } == [server.url("/good")])
        let a = try archive()
        #expect(try a.storyCount() == 1)
        #expect(try a.stories(offset: 0, limit: 1).first?.headline == "Old harbour library reopens with a reading room for sailors")
        // Nothing is remembered for a URL that failed: the next fetch asks again in full.
        #expect(try a.fetchState(url: bad[1]) == nil)
    }

    @Test func gzipAnswersAreStored() throws {
        defer { server.stop(); folder.remove() }
        let packed = try LoopbackHTTPServer.gzip(Data(WireFixtures.orchard.utf8), scratch: folder)
        server.route("/z") { req in
            guard req.headers["accept-encoding"]?.contains("gzip") == true else {
                return .init(status: 406, contentType: "text/plain", "gzip only")
            }
            return .init(headers: [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")], body: packed)
        }
        let (r, json) = try fetch([server.url("/z")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.feeds(json).first?["added"] as? Int == 1)
        #expect(try archive().stories(offset: 0, limit: 1).first?.headline == "Orchard growers count frost losses in Vell Valley")
    }

    @Test func theFeedsFileWithCommentsAndTags() throws {
        defer { server.stop(); folder.remove() }
        server.route("/ferry", .init(contentType: "text/plain", WireFixtures.ferry))
        server.route("/library", .init(contentType: "text/plain", WireFixtures.library))
        let config = folder.file("config")
        try folder.write("config/newsroom/feeds", """
            # Desk feeds
            \(server.url("/ferry")) harbour "port ellis"

              # an indented comment
            \(server.url("/library"))\tculture   # the reading room
            not-a-url tag
            """)
        let env = ["XDG_CONFIG_HOME": config]
        let (r, json) = try fetch([], environment: env)
        #expect(r.status == 1, "a bad line in the feeds file is a failed input")
        #expect(r.stderr == "newsroom: \(config)/newsroom/feeds:6: not an http(s) URL: not-a-url\n")
        #expect(Self.feeds(json).map { $0["url"] as? String } == [server.url("/ferry"), server.url("/library")])
        #expect(try archive().storyCount() == 2)
        #expect(Self.failed(json).map { $0["url"] as? String } == ["\(config)/newsroom/feeds:6"])

        // --feeds names another file; without URLs and with no feeds file, a usage error.
        try folder.write("other-feeds", server.url("/library") + "\n")
        let (other, otherJSON) = try fetch(["--feeds", folder.file("other-feeds")], environment: env)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(Self.feeds(otherJSON).map { $0["unchanged"] as? Int } == [1])
        let none = try binary.run(["fetch", "--db", db], in: folder, environment: ["XDG_CONFIG_HOME": folder.file("nowhere")])
        #expect(none.status == 2)
        #expect(none.stderr.contains("\(folder.file("nowhere"))/newsroom/feeds"))
        let missing = try binary.run(["fetch", "--db", db, "--feeds", folder.file("no-such-file")], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr == "newsroom: \(folder.file("no-such-file")): no feeds file (one URL a line)\n")
    }

    @Test func jsonShape() throws {
        defer { server.stop(); folder.remove() }
        server.route("/ferry", .init(contentType: "text/plain", WireFixtures.ferry))
        let (r, json) = try fetch([server.url("/ferry"), server.url("/gone")])
        #expect(r.status == 1)
        #expect(Set(json.keys) == ["formatVersion", "feeds", "failed"])
        #expect(json["formatVersion"] as? Int == 1)
        let feed = try #require(Self.feeds(json).first)
        #expect(Set(feed.keys).isSuperset(of: ["url", "status", "items", "added", "updated", "unchanged", "notModified"]))
        #expect(feed["items"] as? Int == 1)
        #expect(Self.failed(json).map { Set($0.keys) } == [["url", "reason"]])

        // Without --json: one line per URL and a total on stdout.
        let text = try binary.run(["fetch", "--db", db, server.url("/ferry")], in: folder)
        #expect(text.status == 0)
        #expect(text.stdout == "\(server.url("/ferry")): 1 story: 0 added, 0 updated, 1 unchanged\n"
                + "1 fetched, 0 failed, \(WireFixtures.ferry.utf8.count) bytes downloaded\n")
    }
}

/// A feed whose items are summaries, and the article pages they link to.
enum FeedFixtures {
    static func rss(base: String, tideTitle: String = "Tide gauge at Port Ellis fails during storm") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Coastal Wire: harbour desk</title>
            <link>\(base)/</link>
            <description>Fictional copy for Newsroom's tests.</description>
            <item>
              <title>\(tideTitle)</title>
              <link>\(base)/news/tide-gauge</link>
              <guid isPermaLink="false">coastal:2031-05-02:tide-gauge</guid>
              <pubDate>Fri, 02 May 2031 09:00:00 GMT</pubDate>
              <description>The harbour's tide gauge stopped during the storm.</description>
            </item>
            <item>
              <title>Ferry timetable changes for the summer</title>
              <link>\(base)/news/timetable</link>
              <guid isPermaLink="false">coastal:2031-05-03:timetable</guid>
              <pubDate>Sat, 03 May 2031 09:00:00 GMT</pubDate>
              <description>Summer sailings start a week early.</description>
            </item>
            <item>
              <title>Net menders win a bigger shed on the quay</title>
              <link>\(base)/news/net-shed</link>
              <guid isPermaLink="false">coastal:2031-05-04:net-shed</guid>
              <pubDate>Sun, 04 May 2031 09:00:00 GMT</pubDate>
              \(netShedContent)
            </item>
          </channel>
        </rss>
        """
    }

    /// The whole article, in the feed (no page to read).
    static let netShedContent = """
        <content:encoded><![CDATA[<p>PORT ELLIS (Coastal Wire) - The net menders of Port Ellis will move into the old ice store on the quay, the harbour board said on Sunday.</p>
        <p>&ldquo;We can finally hang a whole trawl net indoors,&rdquo; said mender Agnes Koval.</p>]]></content:encoded>
        """

    static func page(headline: String, paragraphs: [String]) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(headline) | Coastal Wire</title>
        <script>var tracker = "not story text";</script></head>
        <body><nav><a href="/">Home</a> <a href="/harbour">Harbour</a></nav>
        <article><h1>\(headline)</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article>
        <footer>Copyright Coastal Wire</footer></body></html>
        """
    }

    static let tidePage = page(headline: "Tide gauge at Port Ellis fails during storm", paragraphs: [
        "PORT ELLIS (Coastal Wire) - The tide gauge at the mouth of Port Ellis harbour stopped recording at the height of Thursday's storm, harbour master Ilse Marrow said.",
        "&ldquo;For six hours we were guessing the water,&rdquo; Marrow said. &ldquo;That cannot happen again.&rdquo;",
        "Engineer Bastian Oyelaran said salt had flooded the gauge's housing.",
    ])

    static let timetablePage = page(headline: "Ferry timetable changes for the summer", paragraphs: [
        "PORT ELLIS (Coastal Wire) - Summer ferry sailings to Gannet Head will start a week early this year, the ferry company said on Saturday.",
        "&ldquo;The islands asked for it and the crews agreed,&rdquo; said operations chief Marit Sandoval.",
    ])
}

extension FetchEndToEndTests {
    func serveFeed(etag: String = "\"feed-1\"", tideTitle: String? = nil) {
        let base = server.url("")
        let feed = tideTitle.map { FeedFixtures.rss(base: base, tideTitle: $0) } ?? FeedFixtures.rss(base: base)
        server.route("/feed.xml") { req in
            if req.headers["if-none-match"] == etag { return .init(status: 304, headers: [("ETag", etag)]) }
            return .init(contentType: "application/rss+xml; charset=utf-8", feed, headers: [("ETag", etag)])
        }
        for (path, html) in [("/news/tide-gauge", FeedFixtures.tidePage), ("/news/timetable", FeedFixtures.timetablePage)] {
            server.route(path) { req in
                if req.headers["if-none-match"] == "\"page\"" { return .init(status: 304) }
                return .init(contentType: "text/html; charset=utf-8", html, headers: [("ETag", "\"page\"")])
            }
        }
    }

    func storyWith(source: String) throws -> Story? {
        let a = try archive()
        guard let s = try a.stories(offset: 0, limit: 50).first(where: { $0.source == source }) else { return nil }
        return try a.story(id: s.id)?.annotated.story
    }

    @Test func summariesAreReplacedByTheirPages() throws {
        defer { server.stop(); folder.remove() }
        serveFeed()
        let feedURL = server.url("/feed.xml")
        let (r, json) = try fetch([feedURL])
        #expect(r.status == 0, "\(r.stderr)")
        let feed = try #require(Self.feeds(json).first)
        #expect(feed["items"] as? Int == 3)
        #expect(feed["added"] as? Int == 3)
        #expect(server.requests(for: "/news/tide-gauge").count == 1)
        #expect(server.requests(for: "/news/timetable").count == 1)
        #expect(server.requests(for: "/news/net-shed").isEmpty, "an item with its content needs no page")
        // The item's identity is its guid; its page's address is its web address.
        let sources = try archive().stories(offset: 0, limit: 10).map(\.source)
        #expect(Set(sources) == ["coastal:2031-05-02:tide-gauge", "coastal:2031-05-03:timetable", "coastal:2031-05-04:net-shed"])
        let tide = try #require(try storyWith(source: "coastal:2031-05-02:tide-gauge"))
        #expect(tide.url == server.url("/news/tide-gauge"))
        #expect(!tide.isSummary)
        #expect(tide.paragraphs.count == 3)
        #expect(tide.paragraphs.contains { $0.text.contains("For six hours we were guessing the water") })
        #expect(!tide.paragraphs.contains { $0.text.contains("tracker") || $0.text.contains("Copyright") })
        let a = try archive()
        #expect(try a.quotes(QuoteFilter(limit: 50)).contains { $0.speaker == "Ilse Marrow" })

        // Unchanged feed: a 304 and no page asked for again.
        let (again, againJSON) = try fetch([feedURL])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.feeds(againJSON).first?["notModified"] as? Bool == true)
        #expect(server.requests(for: "/news/tide-gauge").count == 1)

        // The feed changes (a new ETag): the pages are asked for conditionally and stay.
        serveFeed(etag: "\"feed-2\"", tideTitle: "Tide gauge at Port Ellis fails in the storm")
        let (changed, changedJSON) = try fetch([feedURL])
        #expect(changed.status == 0, "\(changed.stderr)")
        let f = try #require(Self.feeds(changedJSON).first)
        #expect(f["status"] as? Int == 200)
        #expect(f["added"] as? Int == 0)
        #expect(f["unchanged"] as? Int == 3)
        #expect(server.requests(for: "/news/tide-gauge").last?.headers["if-none-match"] == "\"page\"")
        #expect(try archive().storyCount() == 3)
    }

    @Test func noFollowKeepsTheSummaries() throws {
        defer { server.stop(); folder.remove() }
        serveFeed()
        let (r, json) = try fetch(["--no-follow", server.url("/feed.xml")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.feeds(json).first?["added"] as? Int == 3)
        #expect(server.requests(for: "/news/tide-gauge").isEmpty)
        #expect(server.requests(for: "/news/timetable").isEmpty)
        let a = try archive()
        let stories = try a.stories(offset: 0, limit: 10).compactMap { try a.story(id: $0.id)?.annotated.story }
        #expect(stories.filter(\.isSummary).count == 2)
        #expect(stories.contains { $0.paragraphs.first?.text == "The harbour's tide gauge stopped during the storm." })
    }

    @Test func aPageThatFailsKeepsItsSummaryAndIsNamed() throws {
        defer { server.stop(); folder.remove() }
        serveFeed()
        server.route("/news/timetable", .init(status: 404, contentType: "text/plain", "gone"))
        let (r, json) = try fetch([server.url("/feed.xml")])
        #expect(r.status == 1)
        #expect(r.stderr == "newsroom: \(server.url("/news/timetable")): HTTP 404 Not Found\n")
        #expect(Self.feeds(json).first?["added"] as? Int == 3)
        #expect(Self.failed(json).map { $0["url"] as? String } == [server.url("/news/timetable")])
        let a = try archive()
        let stories = try a.stories(offset: 0, limit: 10).compactMap { try a.story(id: $0.id)?.annotated.story }
        #expect(stories.filter(\.isSummary).map(\.headline) == ["Ferry timetable changes for the summer"])
    }
}

extension FetchEndToEndTests {
    /// The project's one story in every format (Resources/formats), served
    /// with each format's content type: every one is archived with its
    /// quotes, and a second fetch gets 304s and downloads nothing.
    @Test func everyFormatOverHTTP() throws {
        defer { server.stop(); folder.remove() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/formats")
        let files: [(String, String)] = [
            ("bergen_pilots.rss.xml", "application/rss+xml"), ("bergen_pilots.atom", "application/atom+xml"),
            ("bergen_pilots.newsml.xml", "application/vnd.iptc.g2.newsitem+xml"), ("bergen_pilots.nitf.xml", "application/xml"),
            ("bergen_pilots.ninjs1.json", "application/json"), ("bergen_pilots.ninjs2.json", "application/ninjs+json"),
            ("bergen_pilots.jsonld.html", "text/html"), ("bergen_pilots.page.html", "text/html; charset=utf-8"),
        ]
        for (name, type) in files {
            let body = try Data(contentsOf: root.appendingPathComponent(name))
            server.route("/" + name) { req in
                if req.headers["if-none-match"] == "\"\(name)\"" { return .init(status: 304) }
                return .init(headers: [("Content-Type", type), ("ETag", "\"\(name)\"")], body: body)
            }
        }
        let urls = files.map { server.url("/" + $0.0) }
        let (r, json) = try fetch(urls)
        #expect(r.status == 0, "\(r.stderr)")
        let feeds = Self.feeds(json)
        #expect(feeds.map { $0["url"] as? String } == urls)
        for f in feeds {
            #expect(f["status"] as? Int == 200)
            #expect(f["items"] as? Int == 1, "\(f)")
            #expect((f["added"] as? Int ?? 0) + (f["unchanged"] as? Int ?? 0) == 1, "\(f)")
        }
        let a = try archive()
        let count = try a.storyCount()
        #expect(count >= 1)
        for s in try a.stories(offset: 0, limit: 20) {
            let story = try #require(try a.story(id: s.id))
            #expect(story.annotated.quotes.contains { $0.speaker == "Kari Vollan" }, "\(s.source)")
        }
        let (again, againJSON) = try fetch(urls)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.feeds(againJSON).allSatisfy { $0["notModified"] as? Bool == true && $0["bytes"] as? Int == 0 })
        #expect(try archive().storyCount() == count)
    }
}

extension FetchEndToEndTests {
    static func oneItemFeed(base: String, content: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel><title>Coastal Wire</title><link>\(base)/</link>
            <item>
              <title>Net menders win a bigger shed on the quay</title>
              <link>\(base)/news/net-shed</link>
              <guid isPermaLink="false">coastal:2031-05-04:net-shed</guid>
              \(content)
            </item>
          </channel>
        </rss>
        """
    }

    @Test func aChangedFeedItemUpdatesItsStoryInPlace() throws {
        defer { server.stop(); folder.remove() }
        let base = server.url("")
        server.route("/feed.xml", .init(contentType: "application/rss+xml",
                                        Self.oneItemFeed(base: base, content: FeedFixtures.netShedContent)))
        let (first, json1) = try fetch([server.url("/feed.xml")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(Self.feeds(json1).first?["added"] as? Int == 1)
        let id = try #require(try archive().stories(offset: 0, limit: 1).first?.id)

        // No validators from this server: the feed downloads again, the item is unchanged.
        let (same, json2) = try fetch([server.url("/feed.xml")])
        #expect(same.status == 0)
        #expect(Self.feeds(json2).first?["unchanged"] as? Int == 1)

        let corrected = FeedFixtures.netShedContent.replacingOccurrences(of: "on Sunday", with: "on Sunday evening")
        server.route("/feed.xml", .init(contentType: "application/rss+xml", Self.oneItemFeed(base: base, content: corrected)))
        let (changed, json3) = try fetch([server.url("/feed.xml")])
        #expect(changed.status == 0)
        #expect(Self.feeds(json3).first?["updated"] as? Int == 1)
        let a = try archive()
        #expect(try a.storyCount() == 1)
        let story = try #require(try a.story(id: id))
        #expect(story.annotated.story.paragraphs.first?.text.contains("on Sunday evening") == true)
        #expect(story.annotated.quotes.contains { $0.text.contains("hang a whole trawl net indoors") })
    }
}
