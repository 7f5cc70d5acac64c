/// RSS 2.0 (and RSS 1.0/RDF) feeds: every `<item>` is a story. Title, link,
/// guid, pubDate (or `dc:date`), author or `dc:creator`; the body is
/// `content:encoded` (HTML), else the description (HTML or text), in which
/// case the story is only the feed's summary (`isSummary`) unless the
/// description runs to three paragraphs or more.
public struct RSSParser: StoryParser {
    public init() {}

    public func accepts(_ format: InputFormat) -> Bool { format == .rss }

    public func stories(text: String, source: String) throws -> [Story] {
        let tree = try XMLTree(text: text, source: source, format: "RSS")
        let channel = tree.root.first("channel")
        // RSS 2.0 puts items in the channel, RSS 1.0 beside it.
        let items = (channel?.all("item") ?? []) + tree.root.all("item")
        let feedLink = channel?.first("link")?.plainText
        var out: [Story] = []
        for (index, item) in items.enumerated() {
            let link = item.first("link")?.plainText
            // RSS 1.0 names an item by its rdf:about.
            let guid = item.first("guid")?.plainText ?? item.attribute("about")
            let content = item.first("encoded")?.text
            let description = item.first("description")?.text
            let blocks = HTMLText.paragraphs(htmlOrText: content ?? description ?? "")
            let summary = content == nil && blocks.count < 3
            let author = item.first("creator")?.plainText ?? item.first("author")?.plainText.map(Self.personOfEmail)
            guard let story = StoryBody.story(
                source: StoryIdentity.source(guid: guid, link: link, feedLink: feedLink, documentSource: source, index: index),
                headline: item.first("title").map { Self.plain($0.text) }, author: author, blocks: blocks,
                url: StoryIdentity.webURL(link) ?? StoryIdentity.webURL(guid),
                published: item.first("pubDate")?.plainText ?? item.first("date")?.plainText, isSummary: summary)
            else { continue }
            out.append(story)
        }
        return out
    }

    /// `jane@example.com (Jane Doe)` -> `Jane Doe`, as RSS's author element has it.
    static func personOfEmail(_ s: String) -> String {
        if let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")"), open < close, s[..<open].contains("@") {
            return String(s[s.index(after: open)..<close])
        }
        return s
    }

    /// A title that may hold escaped markup (`Fares &lt;b&gt;frozen&lt;/b&gt;`), as plain text.
    static func plain(_ s: String) -> String {
        HTMLText.looksLikeHTML(s) ? HTMLText.blocks(html: s).map(\.text).joined(separator: " ") : s
    }
}
