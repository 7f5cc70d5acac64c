import Foundation
import NewsResources
import Testing
@testable import NewsKit

/// The input formats (issue 14): every format's copy of the fixture story
/// reads as the wire text does; detection by content; charsets; XML safety.
@Suite struct FormatTests {
    static let loader = StoryLoader()

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: NewsResources.formatsURL.appendingPathComponent(name))
    }

    static func only(_ data: Data, _ source: String, contentType: String? = nil) throws -> Story {
        let stories = try loader.stories(data: data, source: source, contentType: contentType)
        #expect(stories.count == 1)
        return try #require(stories.first)
    }

    /// What extraction makes of a story, without where it came from.
    struct Reading: Equatable {
        var headline: String
        var byline: [String]
        var places: [String]
        var agency: String?
        var paragraphs: [String]
        var quotes: [String]
        var entities: [String]
    }

    static func reading(_ story: Story) -> Reading {
        let a = Extractor().annotate(story)
        return Reading(
            headline: story.headline, byline: story.byline, places: story.dateline?.places ?? [],
            agency: story.dateline?.agency, paragraphs: story.paragraphs.map { "\($0.kind): \($0.text)" },
            quotes: a.quotes.map { "\($0.kind.rawValue) \($0.speaker ?? "-"): \($0.text)" },
            entities: a.entities.map { "\($0.type.rawValue) \($0.name) ×\($0.mentions.count)" }.sorted())
    }

    static let formatFiles: [(String, InputFormat)] = [
        ("bergen_pilots.rss.xml", .rss), ("bergen_pilots.atom", .atom), ("bergen_pilots.newsml.xml", .newsML),
        ("bergen_pilots.nitf.xml", .nitf), ("bergen_pilots.ninjs1.json", .ninjs), ("bergen_pilots.ninjs2.json", .ninjs),
        ("bergen_pilots.jsonld.html", .html), ("bergen_pilots.page.html", .html),
    ]

    @Test(arguments: formatFiles)
    func everyFormatReadsAsTheWireText(file: String, format: InputFormat) throws {
        let wire = Self.reading(try Self.only(Self.fixture("bergen_pilots.txt"), "bergen_pilots.txt"))
        #expect(wire.quotes.count == 6 && wire.entities.count >= 6, "\(wire)")
        let data = try Self.fixture(file)
        #expect(InputFormat.detect(try TextDecoding.decode(data, source: file, contentType: nil)) == format)
        let story = try Self.only(data, file)
        let got = Self.reading(story)
        #expect(got.headline == wire.headline)
        #expect(got.byline == wire.byline)
        #expect(got.places == wire.places)
        #expect(got.agency == wire.agency)
        #expect(got.paragraphs == wire.paragraphs)
        #expect(got.quotes == wire.quotes)
        #expect(got.entities == wire.entities)
        #expect(story.published?.hasPrefix("2026-06-09") == true || story.published == "Tue, 09 Jun 2026 14:30:00 GMT",
                "\(story.published ?? "nil")")
        #expect(!story.isSummary)
    }

    @Test func urlsAndIdentities() throws {
        let rss = try Self.only(Self.fixture("bergen_pilots.rss.xml"), "saved.xml")
        #expect(rss.source == "urn:nordwire:2026-06-09:bergen-pilots")
        #expect(rss.url == "https://news.example.org/2026/06/09/bergen-pilots-strike")
        // extract --json carries them, and the fast writer agrees with JSONDecoder.
        let article = ArticleJSON(Extractor().annotate(rss))
        let decoded = try JSONDecoder().decode(ArticleJSON.self, from: Data(article.jsonBytes()))
        #expect(decoded == article)
        #expect(decoded.url == rss.url && decoded.published == "Tue, 09 Jun 2026 14:30:00 GMT")
        let newsml = try Self.only(Self.fixture("bergen_pilots.newsml.xml"), "item.xml")
        #expect(newsml.source == "urn:newsml:nordwire.example:20260609:bergen-pilots")
        #expect(newsml.published == "2026-06-09T14:30:00Z")
        let page = try Self.only(Self.fixture("bergen_pilots.page.html"), "page.html")
        #expect(page.source == "page.html")
        #expect(page.url == "https://news.example.org/2026/06/09/bergen-pilots-strike")
    }

    static let feed = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Harbour desk</title><link>https://desk.example.org/</link>
        <item><title>Pilots to strike</title><link>https://desk.example.org/a</link><guid>https://desk.example.org/a</guid>
          <description>Pilots in Bergen will strike next week.</description><author>desk@example.org (Ingrid Solberg)</author></item>
        <item><title>Ferry fares frozen</title><link>https://desk.example.org/b</link><guid isPermaLink="false">4471</guid>
          <description>&lt;p&gt;The ferry board froze fares.&lt;/p&gt;</description></item>
        <item><title>Tunnel reopens</title><link>https://desk.example.org/c</link><description>The tunnel reopened.</description></item>
        <item><title>Bridge repaired</title><description>The bridge is open again.</description></item>
        </channel></rss>
        """

    @Test func summaryFeedItemsAreMarkedAndIdentified() throws {
        let stories = try Self.loader.stories(data: Data(Self.feed.utf8), source: "desk.txt")
        #expect(stories.map(\.headline) == ["Pilots to strike", "Ferry fares frozen", "Tunnel reopens", "Bridge repaired"])
        #expect(stories.allSatisfy { $0.isSummary })
        // guid with a scheme; feed-local guid under the feed's link; the link; the file and the item's place.
        #expect(stories.map(\.source) == ["https://desk.example.org/a", "https://desk.example.org/#4471",
                                          "https://desk.example.org/c", "desk.txt#4"])
        #expect(stories.map(\.url) == ["https://desk.example.org/a", "https://desk.example.org/b", "https://desk.example.org/c", nil])
        #expect(stories[0].byline == ["Ingrid Solberg"])
        #expect(stories[1].paragraphs.map(\.text) == ["The ferry board froze fares."])
        // content:encoded is the whole story: no summary.
        let full = try Self.only(Self.fixture("bergen_pilots.rss.xml"), "f.xml")
        #expect(!full.isSummary)
        // Atom: a summary without content.
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id>
            <entry><title>Pilots to strike</title><id>urn:e:1</id><link href="https://desk.example.org/a"/>
            <updated>2026-06-09T10:00:00Z</updated><summary>Pilots will strike.</summary></entry></feed>
            """
        let entry = try Self.only(Data(atom.utf8), "a.atom")
        #expect(entry.isSummary && entry.url == "https://desk.example.org/a" && entry.source == "urn:e:1")
        // Only a title and a link: the page is the story.
        let bare = atom.replacingOccurrences(of: "<summary>Pilots will strike.</summary>", with: "")
        let link = try Self.only(Data(bare.utf8), "b.atom")
        #expect(link.isSummary && link.paragraphs.isEmpty)
    }

    @Test func formatIsDetectedByContentNotName() throws {
        // A feed saved as .txt, a page saved as .json, wire text saved as .xml.
        let rss = try Self.loader.stories(data: Self.fixture("bergen_pilots.rss.xml"), source: "notes.txt")
        #expect(rss.first?.paragraphs.count == 6)
        let page = try Self.only(Self.fixture("bergen_pilots.page.html"), "data.json")
        #expect(page.byline == ["Ingrid Solberg"])
        let wire = try Self.only(Self.fixture("bergen_pilots.txt"), "feed.xml")
        #expect(wire.dateline?.agency == "Nordwire")
        #expect(InputFormat.detect("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE nitf SYSTEM \"x.dtd\">\n<nitf>") == .nitf)
        #expect(InputFormat.detect("<rdf:RDF xmlns:rdf=\"x\">") == .rss)
        #expect(InputFormat.detect("<newsMessage>") == .newsML)
        #expect(InputFormat.detect("{\"quotes\": []}") == .unknownJSON)
        #expect(InputFormat.detect("<config><a/></config>") == .unknownXML)
        #expect(InputFormat.detect("Headline <b>bold</b>\n\nBody.") == .wireText)
        #expect(throws: StoryInputError.self) { try Self.loader.stories(data: Data("<config/>".utf8), source: "c.xml") }
    }

    @Test func malformedXMLAndJSONAreOneLineErrorsNamingTheSource() throws {
        let cases: [(String, String, String)] = [
            ("<rss><channel><item><title>Cut</title></channel></rss>", "/feeds/broken.xml", "malformed RSS"),
            ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</entry>", "/feeds/cut.atom", "malformed Atom"),
            ("{\"uri\": \"urn:x\", \"headline\": \"Pilots\",", "/feeds/cut.json", "malformed ninjs JSON"),
            ("{\"uri\": \"urn:x\", \"type\": \"text\"}", "/feeds/nothing.json", "not a ninjs item"),
        ]
        for (text, source, reason) in cases {
            do {
                _ = try Self.loader.stories(data: Data(text.utf8), source: source)
                Issue.record("\(source) parsed")
            } catch {
                #expect(error.path == source)
                #expect(error.description.hasPrefix(source + ": " + reason), "\(error.description)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>Leak &x;</title><description>&x;</description></item></channel></rss>
            """
        do {
            let stories = try Self.loader.stories(data: Data(xxe.utf8), source: "xxe.xml")
            Issue.record("XXE document was read: \(stories)")
        } catch {
            #expect(error.description.contains("declares XML entities"), "\(error.description)")
            #expect(!error.description.contains("root:"))
        }
        // A parameter entity pulling in a remote DTD: refused the same way.
        let remote = "<!DOCTYPE feed [<!ENTITY % dtd SYSTEM \"http://127.0.0.1:9/x.dtd\"> %dtd;]><feed/>"
        #expect(throws: StoryInputError.self) { try Self.loader.stories(data: Data(remote.utf8), source: "p.atom") }
        // A doctype without entity declarations is fine; its DTD is never loaded.
        let doctype = String(decoding: try Self.fixture("bergen_pilots.nitf.xml"), as: UTF8.self)
        #expect(try Self.only(Data(doctype.utf8), "n.xml").headline.hasPrefix("Bergen"))
    }

    @Test func entityExpansionFailsWithAClearError() throws {
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
        var previous = "lol"
        for level in 1...9 {
            lol += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
            previous = "lol\(level)"
        }
        lol += "]>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>"
        #expect {
            try Self.loader.stories(data: Data(lol.utf8), source: "lol.xml")
        } throws: { error in
            (error as? StoryInputError)?.description == "lol.xml: refused RSS: the document declares XML entities (possible XXE or entity expansion attack)"
        }
    }

    static func item(_ body: String) -> String {
        "<rss version=\"2.0\"><channel><item><title>Caf\u{E9} talks</title><guid>urn:c:1</guid><description>\(body)</description></item></channel></rss>"
    }

    @Test func windows1252AndLatin1AsDeclared() throws {
        // “Merci,” said the café owner — in Windows-1252 bytes.
        let text = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>" + Self.item("\u{201C}Merci,\u{201D} said the caf\u{E9} owner \u{2014} twice.")
        let cp1252 = try #require(text.data(using: .windowsCP1252))
        #expect(String(data: cp1252, encoding: .utf8) == nil)  // really not UTF-8
        let story = try Self.only(cp1252, "cp.xml")
        #expect(story.headline == "Café talks")
        #expect(story.paragraphs.first?.text == "“Merci,” said the café owner — twice.")
        // Declared ISO-8859-1 is read as browsers do (its C1 bytes as Windows-1252).
        let latin1Text = text.replacingOccurrences(of: "windows-1252", with: "ISO-8859-1")
        let latin1 = try Self.only(try #require(latin1Text.data(using: .windowsCP1252)), "l1.xml")
        #expect(latin1.paragraphs.first?.text == story.paragraphs.first?.text)
        // HTML's meta charset.
        let page = "<html><head><meta charset=\"iso-8859-1\"><title>x</title></head><body><article><p>Le caf\u{E9} ferme.</p></article></body></html>"
        let html = try Self.only(try #require(page.data(using: .isoLatin1)), "p.html")
        #expect(html.paragraphs.first?.text == "Le café ferme.")
    }

    /// The byte scan that lets plain text skip the declaration search finds
    /// every head the search would read a charset from, in any case.
    @Test func charsetDeclarationsAreFoundByTheByteScan() {
        let declaring = ["<?xml version=\"1.0\" encoding=\"latin1\"?><a/>", "<?XML encoding='cp1252'?>",
                         "<html><HEAD><META charset=\"iso-8859-1\">", "x\n<Meta http-equiv=\"Content-Type\" content=\"text/html; charset=cp1252\">",
                         String(repeating: "é", count: 400) + "<meta charset=latin1>"]
        for text in declaring {
            let data = Data(text.utf8)
            #expect(TextDecoding.mayDeclareCharset(data.prefix(1024)), "\(text.prefix(40))")
            #expect(TextDecoding.declaredCharset(in: data) != nil, "\(text.prefix(40))")
        }
        let plain = ["Harbour talks end\n\nBy Ona Vell\n\nBRENN (Newswire) - “Not yet,” she said.", "<me", "a <met",
                     "<b>meta</b> < meta", "  <?xml encoding=\"latin1\"?>", String(repeating: "x", count: 1020) + "<meta charset=latin1>"]
        for text in plain {
            let data = Data(text.utf8)
            #expect(!TextDecoding.mayDeclareCharset(data.prefix(1024)), "\(text.prefix(40))")
            #expect(TextDecoding.declaredCharset(in: data) == nil, "\(text.prefix(40))")
        }
    }

    @Test func utf16WithAndWithoutBOM() throws {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + Self.item("\u{201C}Ja,\u{201D} sa Kari Vollan. \u{1F6A2}")
        var le = Data([0xFF, 0xFE]), be = Data()
        for unit in text.utf16 {
            le.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            be.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        for data in [le, be] {
            let story = try Self.only(data, "u16.xml")
            #expect(story.paragraphs.first?.text == "“Ja,” sa Kari Vollan. 🚢")
        }
    }

    @Test func theHTTPCharsetWinsAndAWrongOneIsAClearError() throws {
        let body = "<html><body><article><p>\u{201C}Nei,\u{201D} sa hun.</p></article></body></html>"
        let cp1252 = try #require(body.data(using: .windowsCP1252))
        let story = try Self.only(cp1252, "https://x.example/p", contentType: "text/html; charset=Windows-1252")
        #expect(story.paragraphs.first?.text == "“Nei,” sa hun.")
        // The header says UTF-8, the bytes are not: one line naming the URL.
        #expect(throws: StoryInputError.undecodable(path: "https://x.example/p", reason: "not valid UTF-8 text (declared UTF-8 by Content-Type)")) {
            try Self.loader.stories(data: cp1252, source: "https://x.example/p", contentType: "text/html; charset=utf-8")
        }
        // …unless the page itself says what it is.
        let declared = try #require(("<meta charset=\"windows-1252\">" + body).data(using: .windowsCP1252))
        let rescued = try Self.only(declared, "https://x.example/q", contentType: "text/html; charset=UTF-8")
        #expect(rescued.paragraphs.first?.text == "“Nei,” sa hun.")
        // A label that says Latin-1 on UTF-8 bytes: the UTF-8 is kept.
        let utf8 = try Self.only(Data(body.utf8), "https://x.example/r", contentType: "text/html; charset=iso-8859-1")
        #expect(utf8.paragraphs.first?.text == "“Nei,” sa hun.")
        #expect(throws: StoryInputError.undecodable(path: "k.xml", reason: "unsupported character encoding 'koi8-r' (declared by the document)")) {
            try Self.loader.stories(data: Data("<?xml version=\"1.0\" encoding=\"koi8-r\"?><rss/>".utf8), source: "k.xml")
        }
    }

    @Test func pageWithoutArticleKeepsTheDensestParagraphs() throws {
        let page = """
            <html><head><title>Tunnel reopens | Example</title></head><body>
            <div id="menu"><p>Home</p><p>World</p></div>
            <div class="story"><h1>Tunnel reopens after repairs</h1>
            <p>OSLO (Nordwire) - The Fjell tunnel reopened on Monday after six weeks of repairs.</p>
            <p>&ldquo;Drivers can use it from tonight,&rdquo; said road chief Hege Lunde.</p></div>
            <div class="sidebar"><p>Weather: rain.</p></div>
            <script>document.write("<p>“Injected,” said Nobody.</p>")</script>
            <div class="comments"><p>“Finally,” said a reader.</p></div>
            </body></html>
            """
        let story = try Self.only(Data(page.utf8), "t.html")
        #expect(story.headline == "Tunnel reopens after repairs")
        #expect(story.dateline?.places == ["OSLO"])
        #expect(story.paragraphs.map(\.text) == [
            "The Fjell tunnel reopened on Monday after six weeks of repairs.",
            "“Drivers can use it from tonight,” said road chief Hege Lunde.",
        ])
    }

    @Test func htmlConverterSplitsBlocksAndCollapsesSpace() {
        let blocks = HTMLText.blocks(html: "<div>One <b>two</b>\n  three<br>four<p>five &amp; six&nbsp;seven</div><ul><li>eight</li></ul><h2>NINE</h2><!-- ten --><style>p{}</style>")
        #expect(blocks.map(\.text) == ["One two three", "four", "five & six seven", "eight", "NINE"])
        #expect(blocks.map(\.isHeading) == [false, false, false, false, true])
    }
}

/// Every fixture cut short at many places and with bytes flipped: each
/// parser returns stories or a one-line error naming the file, never traps.
@Suite struct FormatRobustnessTests {
    @Test(arguments: FormatTests.formatFiles.map(\.0))
    func cutAndDamagedDocumentsNeverTrap(file: String) throws {
        let bytes = Array(try FormatTests.fixture(file))
        var rng = ParsingRobustnessTests.SplitMix(state: UInt64(bytes.count))
        var inputs: [[UInt8]] = stride(from: 0, to: bytes.count, by: max(1, bytes.count / 150)).map { Array(bytes[..<$0]) }
        for _ in 0..<150 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                damaged[Int.random(in: 0..<damaged.count, using: &rng)] = [0x3C, 0x3E, 0x26, 0x22, 0x2F, 0x5B, 0x7B, 0xE2, 0x0A].randomElement(using: &rng)!
            }
            inputs.append(damaged)
        }
        for (n, input) in inputs.enumerated() {
            let source = "cut\(n)-" + file
            do {
                for story in try FormatTests.loader.stories(data: Data(input), source: source) {
                    #expect(!story.headline.isEmpty)
                    #expect(StoryInvariants.firstViolation(in: Extractor().annotate(story)) == nil)
                }
            } catch {
                #expect(error.description.hasPrefix(source + ": ") && !error.description.contains("\n"), "\(error.description)")
            }
        }
    }

    @Test func wireTextThatLooksLikeMarkupIsStillWireText() {
        #expect(InputFormat.detect("[UPDATE 1] Pilots strike\n\nBERGEN (Nordwire) - Pilots struck.") == .wireText)
        #expect(InputFormat.detect("<UPDATE 2> Pilots strike\n\nBERGEN (Nordwire) - Pilots struck.") == .wireText)
        #expect(InputFormat.detect("[{\"uri\": \"urn:x\"}]") == .ninjs)
        #expect(InputFormat.detect("<catalog><item/></catalog>\n") == .unknownXML)
        #expect(InputFormat.detect("<script>var a = 1;</script>\n<div><p>Pilots struck.</p></div>") == .html)
    }

    @Test func relativeCanonicalLinksResolveAgainstThePage() throws {
        let page = "<html><head><link rel=\"canonical\" href=\"/2026/06/pilots\"></head><body><article><p>Pilots struck.</p></article></body></html>"
        let story = try #require(try FormatTests.loader.stories(data: Data(page.utf8), source: "https://news.example.org/x?y=1").first)
        #expect(story.url == "https://news.example.org/2026/06/pilots")
        let saved = try #require(try FormatTests.loader.stories(data: Data(page.utf8), source: "saved.html").first)
        #expect(saved.url == nil)
    }
}
