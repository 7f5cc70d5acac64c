import Foundation
import GRDB
import NewsKit
import Testing
import TestSupport
@testable import NewsArchive

/// Feeds and agency files in the archive (issue 14): a feed item is one story
/// whatever file or fetch it comes from; a changed item updates it; url and
/// publication date are kept; bad XML or JSON fails alone, through the binary.
@Suite(.serialized) struct FeedIngestTests {
    static func feed(_ items: [(guid: String, title: String, body: String)]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>Harbour desk</title><link>https://desk.example.org/</link>
            """
        for item in items {
            xml += """
                <item><title>\(item.title)</title><link>https://desk.example.org/\(item.guid)</link>
                <guid>https://desk.example.org/\(item.guid)</guid><pubDate>Tue, 09 Jun 2026 14:30:00 GMT</pubDate>
                <content:encoded><![CDATA[<p>\(item.body)</p><p>“We are asking for enough pilots on the water at night,” said Marit Hovde, who leads the pilots.</p>]]></content:encoded></item>
                """
        }
        return xml + "</channel></rss>\n"
    }

    static let items = [
        (guid: "a", title: "Pilots to strike", body: "BERGEN (Nordwire) - Pilots in Bergen will strike next week."),
        (guid: "b", title: "Ferry fares frozen", body: "The ferry board froze fares on Monday."),
    ]

    @Test func reingestingAFeedDedupesAndAChangedItemUpdates() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try folder.write("saved/feed.xml", Self.feed(Self.items))
        let archive = try SQLiteArchive(path: folder.file("a.sqlite"))
        let first = try archive.ingest(paths: [folder.file("saved")], progress: nil)
        #expect(first.added == 2 && first.filesSeen == 1, "\(first)")
        // The same feed fetched again and saved elsewhere: nothing new.
        try folder.write("elsewhere/feed-copy.rss", Self.feed(Self.items))
        let again = try archive.ingest(paths: [folder.file("elsewhere"), folder.file("saved/feed.xml")], progress: nil)
        #expect(again.added == 0 && again.updated == 0 && again.unchanged == 4, "\(again)")
        // The next fetch: item b corrected, item c new, item a gone from the feed (kept).
        try folder.write("saved/feed.xml", Self.feed([
            (guid: "b", title: "Ferry fares frozen until June", body: "The ferry board froze fares on Monday."),
            (guid: "c", title: "Tunnel reopens", body: "The Fjell tunnel reopened."),
        ]))
        let next = try archive.ingest(paths: [folder.file("saved/feed.xml")], progress: nil)
        #expect(next.added == 1 && next.updated == 1 && next.unchanged == 0, "\(next)")
        let stories = try archive.stories(offset: 0, limit: 10)
        #expect(Set(stories.map(\.source)) == ["https://desk.example.org/a", "https://desk.example.org/b", "https://desk.example.org/c"])
        #expect(stories.first { $0.source.hasSuffix("/b") }?.headline == "Ferry fares frozen until June")
        // The date comes from pubDate (no date in the dateline); url and published come back.
        #expect(stories.allSatisfy { $0.date == "2026-06-09" }, "\(stories.map(\.date))")
        let aID = try #require(stories.first { $0.source.hasSuffix("/a") }).id
        let a = try #require(try archive.story(id: aID))
        #expect(a.annotated.story.url == "https://desk.example.org/a")
        #expect(a.annotated.story.published == "Tue, 09 Jun 2026 14:30:00 GMT")
        #expect(a.annotated.story.dateline?.agency == "Nordwire")
        #expect(a.annotated.quotes.contains { $0.speaker == "Marit Hovde" && $0.text.hasPrefix("We are asking") }, "\(a.annotated.quotes)")
    }

    @Test func storiesParsedElsewhereAreStoredByTheirSource() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let archive = try SQLiteArchive(path: folder.file("a.sqlite"))
        var stories = try StoryLoader().stories(data: Data(Self.feed(Self.items).utf8), source: "https://desk.example.org/feed")
        stories[0].isSummary = true
        #expect(try archive.ingest(stories: stories).added == 2)
        #expect(try archive.ingest(stories: stories).unchanged == 2)
        let id = try #require(try archive.stories(offset: 0, limit: 10).first { $0.source.hasSuffix("/a") }?.id)
        #expect(try archive.story(id: id)?.annotated.story.isSummary == true)
    }

    @Test func publishedDatesParse() {
        #expect(StoryDate.parse("Tue, 09 Jun 2026 14:30:00 GMT")?.iso == "2026-06-09")
        #expect(StoryDate.parse("2026-06-09T14:30:00Z")?.iso == "2026-06-09")
        #expect(StoryDate.parse("2026-06-09T14:30:00+02:00")?.key == 20260609)
        #expect(StoryDate.parse("June 9") == nil)
    }

    @Test func badXMLAndJSONFailAloneThroughTheBinary() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try folder.write("in/good-feed.xml", Self.feed(Self.items))
        try folder.write("in/item.ninjs", #"{"uri": "urn:x:1", "headline": "Dock reopens", "body_text": "The dock reopened.\n\n“At last,” said harbour master Olav Brekke."}"#)
        try folder.write("in/broken.xml", "<rss version=\"2.0\"><channel><item><title>Cut off</title></channel>")
        try folder.write("in/broken.json", #"{"uri": "urn:x:2", "headline": "Half"#)
        try folder.write("in/xxe.rss", "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>")
        // Not news: skipped by the folder walk, not failed.
        try folder.write("in/story.expected.json", #"{"quotes": [], "people": []}"#)
        try folder.write("in/config.xml", "<config><option/></config>")
        let db = folder.file("a.sqlite")
        let (r, counts) = try bin.json(["ingest", "--db", db, folder.file("in")], in: folder)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(counts["added"] as? Int == 3, "\(counts)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.stderr)")
        #expect(BadInputCLITests.names(r.stderr) == ["broken.json", "broken.xml", "xxe.rss"], "\(r.stderr)")
        #expect(lines.contains { $0.contains("broken.xml: malformed RSS") }, "\(r.stderr)")
        #expect(lines.contains { $0.contains("broken.json: malformed ninjs JSON") }, "\(r.stderr)")
        #expect(!r.stderr.contains("root:"))
        let (x, out) = try bin.json(["extract", folder.file("in")], in: folder)
        #expect(x.status == 1)
        let articles = try #require(out["articles"] as? [[String: Any]])
        #expect(articles.map { $0["source"] as? String } .contains("urn:x:1"))
        #expect(articles.count == 3)
    }
}
