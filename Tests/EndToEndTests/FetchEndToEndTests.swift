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
