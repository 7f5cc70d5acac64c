/// IPTC NewsML-G2: a `newsItem`, or a `newsMessage` whose `itemSet` holds
/// several. From each item: `contentMeta` headline, `by`, `dateline`,
/// `located`, `creditline`; `itemMeta` provider and `versionCreated`; the
/// body from the first inline XHTML (`inlineXML`), else plain `inlineData`.
/// The item's `guid` is its identity, so a later version of an item updates
/// the story. A package (`packageItem`) only points at items and gives none.
public struct NewsMLParser: StoryParser {
    public init() {}

    public func accepts(_ format: InputFormat) -> Bool { format == .newsML }

    public func stories(text: String, source: String) throws -> [Story] {
        let tree = try XMLTree(text: text, source: source, format: "NewsML-G2")
        let items: [XMLTree.Element]
        switch tree.root.name {
        case "newsItem": items = [tree.root]
        case "newsMessage": items = tree.root.first("itemSet")?.all("newsItem") ?? tree.root.all("newsItem")
        default: items = []
        }
        return items.enumerated().compactMap { index, item in
            story(item, index: items.count == 1 ? nil : index, source: source)
        }
    }

    private func story(_ item: XMLTree.Element, index: Int?, source: String) -> Story? {
        let meta = item.first("contentMeta")
        let itemMeta = item.first("itemMeta")
        let headlines = meta?.all("headline") ?? []
        // The main headline has no role, or the role "main".
        let headline = (headlines.first { ($0.attribute("role") ?? "main").hasSuffix("main") } ?? headlines.first)?.plainText
        let located = meta?.all("located").compactMap { $0.first("name")?.plainText ?? $0.attribute("literal") } ?? []
        let provider = itemMeta?.first("provider").flatMap { $0.first("name")?.plainText ?? $0.attribute("literal") }
        let agency = meta?.first("creditline")?.plainText ?? provider
        var blocks: [HTMLText.Block] = []
        let content = item.first("contentSet")
        if let xhtml = content?.all("inlineXML").first {
            let body = xhtml.descendant("body") ?? xhtml
            blocks = HTMLText.blocks(xhtml: body)
        } else if let data = content?.all("inlineData").first {
            blocks = HTMLText.paragraphs(htmlOrText: data.text)
        }
        let guid = item.attribute("guid")
        return StoryBody.story(
            source: StoryIdentity.source(guid: guid, link: nil, feedLink: nil, documentSource: source, index: index),
            headline: headline ?? content?.descendant("title")?.plainText,
            author: meta?.all("by").compactMap(\.plainText).first, blocks: blocks,
            url: StoryIdentity.webURL(guid),
            published: itemMeta?.first("versionCreated")?.plainText ?? itemMeta?.first("firstCreated")?.plainText,
            dateline: StoryBody.dateline(text: meta?.first("dateline")?.plainText, places: located, agency: agency))
    }
}
