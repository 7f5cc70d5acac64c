import Foundation
import Testing
import TestSupport

/// The reader's `R` (fetch the feeds in the background) and `o` (open the
/// story's web address) in the real binary under tmux, against a real HTTP
/// server on loopback.
@Suite(.serialized) struct FetchReaderEndToEndTests {
    @Test func rFetchesNewStoriesAndOOpensTheirAddressWithoutAShell() throws {
        let reader = try ReaderOnFixture("reader-fetch-e2e")
        defer { reader.close() }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let tmux = reader.tmux
        let folder = reader.folder

        // A feed with one full item whose link carries shell syntax: it must
        // reach the browser as one argument, byte for byte.
        let pwned = folder.file("pwned")
        let link = server.url("/news/net-shed?a=1&b=$(touch \(pwned));echo")
        let escapedLink = link.replacingOccurrences(of: "&", with: "&amp;")
        server.route("/feed.xml", .init(contentType: "application/rss+xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel><title>Coastal Wire</title><link>\(server.url("/"))</link>
                <item>
                  <title>Net menders win a bigger shed on the quay</title>
                  <link>\(escapedLink)</link>
                  <guid isPermaLink="false">coastal:2031-05-04:net-shed</guid>
                  <pubDate>Sun, 04 May 2031 09:00:00 GMT</pubDate>
                  \(FeedFixtures.netShedContent)
                </item>
              </channel>
            </rss>
            """))
        try folder.write("config/newsroom/feeds", "# the desk\n\(server.url("/feed.xml")) harbour\n")
        let opened = folder.file("opened.txt")
        try folder.write("browser.sh", "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(opened)'\n")
        chmod(folder.file("browser.sh"), 0o755)

        reader.startReader("XDG_CONFIG_HOME=\(folder.file("config")) BROWSER=\(folder.file("browser.sh")) ")
        var s = tmux.waitFor("Stories 1/3")
        // A story from a file has no web address: o says so.
        tmux.keys("o")
        s = tmux.waitFor("this story has no web address")
        #expect(!s.contains("↗"))

        tmux.keys("R")
        s = tmux.waitFor("fetched 1 of 1 feeds: 1 new, 0 updated")
        s = tmux.waitFor("Stories 1/4")
        #expect(s.contains("Net menders win"), "the new story is in the list without a restart")
        #expect(server.requests(for: "/feed.xml").count == 1)
        #expect(server.requests(for: "/feed.xml").first?.headers["user-agent"]?.hasPrefix("newsroom/") == true)

        // It is the newest: at the top of the list. Open it; its address is under the dateline.
        tmux.keys("g")
        tmux.keys("Enter")
        // The address is cut to the pane's width.
        s = tmux.waitFor("↗ " + server.url("/news/net-shed?a=1&b=$(touch"))
        #expect(s.contains("We can finally hang a whole trawl net indoors"))
        tmux.keys("o")
        s = tmux.waitFor("opened " + link.prefix(40))
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: opened), Date() < deadline { usleep(50_000) }
        #expect((try? String(contentsOfFile: opened, encoding: .utf8)) == link + "\n")
        #expect(!FileManager.default.fileExists(atPath: pwned), "the address went through a shell")

        // R again: the feed is unchanged on the server; nothing new.
        tmux.keys("R")
        s = tmux.waitFor("fetched 1 of 1 feeds: 0 new, 0 updated")
        #expect(s.contains("Stories 1/4") || s.contains("Story 1/4"))
    }

    @Test func withoutABrowserTheStatusLineSaysSo() throws {
        let reader = try ReaderOnFixture("reader-nobrowser-e2e")
        defer { reader.close() }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/story", .init(contentType: "text/plain", WireFixtures.library))
        let fetched = try reader.binary.run(["fetch", "--db", reader.db, server.url("/story")], in: reader.folder)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        // No $BROWSER and no xdg-open on this PATH.
        reader.startReader("BROWSER= PATH=\(reader.folder.path) ")
        // A wire story has no date: it is the last in the list.
        reader.tmux.keys("G")
        reader.tmux.keys("Enter")
        reader.tmux.waitFor("↗ " + server.url("/story"))
        reader.tmux.keys("o")
        let s = reader.tmux.waitFor("no browser to open")
        #expect(s.contains("set $BROWSER (or install xdg-open)"))
    }
}

extension FetchReaderEndToEndTests {
    /// On a terminal, fetch shows its progress on stderr (elsewhere it stays
    /// quiet: the other fetch tests check stderr holds only failures).
    @Test func aProgressLineOnATerminal() throws {
        let reader = try ReaderOnFixture("fetch-progress-e2e")
        defer { reader.close() }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", .init(contentType: "text/plain", WireFixtures.library))
        server.route("/b", .init(contentType: "text/plain", WireFixtures.orchard))
        reader.tmux.run(reader.command("fetch --db \(reader.db) \(server.url("/a")) \(server.url("/b"))"))
        let s = reader.tmux.waitFor("2 fetched, 0 failed")
        #expect(s.contains("fetching 2/2 URLs"))
    }
}
