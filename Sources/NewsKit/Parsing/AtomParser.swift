/// Atom 1.0 feeds: every `<entry>` is a story. Title, id, the alternate
/// link, published (else updated), authors' names; the body is `<content>`
/// (text, html or xhtml), else `<summary>`: without content (or with only
/// a `src` link to it) the story is only the feed's summary (`isSummary`).
public struct AtomParser: StoryParser {
    public init() {}

    public func accepts(_ format: InputFormat) -> Bool { format == .atom }

    public func stories(text: String, source: String) throws -> [Story] {
        let tree = try XMLTree(text: text, source: source, format: "Atom")
        let feedLink = Self.alternateLink(tree.root) ?? tree.root.first("id")?.plainText
        var out: [Story] = []
        for (index, entry) in tree.root.all("entry").enumerated() {
            let content = entry.first("content").flatMap { $0.attribute("src") == nil ? $0 : nil }
            let body = content ?? entry.first("summary")
            let blocks = body.map(Self.blocks) ?? []
            let authors = entry.all("author").compactMap { $0.first("name")?.plainText }
            let link = Self.alternateLink(entry)
            guard let story = StoryBody.story(
                source: StoryIdentity.source(guid: entry.first("id")?.plainText, link: link, feedLink: feedLink,
                                             documentSource: source, index: index),
                headline: entry.first("title").map { Self.blocks($0).map(\.text).joined(separator: " ") },
                author: authors.isEmpty ? nil : Self.joinNames(authors), blocks: blocks,
                url: StoryIdentity.webURL(link),
                published: entry.first("published")?.plainText ?? entry.first("updated")?.plainText,
                isSummary: content == nil)
            else { continue }
            out.append(story)
        }
        return out
    }

    /// An Atom text construct's paragraphs, by its `type`.
    static func blocks(_ e: XMLTree.Element) -> [HTMLText.Block] {
        switch e.attribute("type")?.lowercased() {
        case "xhtml": return HTMLText.blocks(xhtml: e)
        case "html", "text/html": return HTMLText.blocks(html: e.text)
        default:
            return HTMLText.plainParagraphs(e.text).map {
                HTMLText.Block(text: $0, isHeading: false, container: 0, article: nil, isParagraph: true)
            }
        }
    }

    static func alternateLink(_ e: XMLTree.Element) -> String? {
        let links = e.all("link")
        let alternate = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first
        return alternate?.attribute("href")
    }

    /// "A", "A and B", "A, B and C": as a byline writes them.
    static func joinNames(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
