/// IPTC ninjs JSON, 1.x and 2.0: one item object (or a list of them). 1.x:
/// `headline`, `byline`, `located`, `body_html` / `body_text`; 2.0:
/// `headlines`, `bylines`, `bodies` (by content type); both: `uri` (the
/// story's identity), `versioncreated`, `copyrightholder`.
public struct NinjsParser: StoryParser {
    public init() {}

    public func accepts(_ format: InputFormat) -> Bool { format == .ninjs }

    public func stories(text: String, source: String) throws -> [Story] {
        let json = try JSONInput.parse(text, source: source, format: "ninjs JSON")
        let items: [[String: Any]]
        if let one = json as? [String: Any] {
            items = [one]
        } else if let list = json as? [Any] {
            items = list.compactMap { $0 as? [String: Any] }
        } else {
            items = []
        }
        let stories = items.enumerated().compactMap { index, item in
            story(item, index: index, alone: items.count == 1, source: source)
        }
        if stories.isEmpty && !(json is [Any] && items.isEmpty) {
            throw StoryInputError.malformed(path: source, reason: "not a ninjs item: no headline or body")
        }
        return stories
    }

    private func story(_ item: [String: Any], index: Int, alone: Bool, source: String) -> Story? {
        let uri = JSONInput.string(item["uri"])
        var blocks: [HTMLText.Block] = []
        if let html = item["body_html"] as? String {
            blocks = HTMLText.blocks(html: html)
        } else if let text = item["body_text"] as? String {
            blocks = HTMLText.paragraphs(htmlOrText: text)
        } else if let bodies = item["bodies"] as? [[String: Any]] {
            // 2.0: the HTML body first, else the text one.
            let html = bodies.first { ($0["contenttype"] as? String)?.contains("html") == true }
            if let value = html?["value"] as? String {
                blocks = HTMLText.blocks(html: value)
            } else if let value = bodies.first?["value"] as? String {
                blocks = HTMLText.paragraphs(htmlOrText: value)
            }
        }
        let headline = JSONInput.string(item["headline"])
            ?? (item["headlines"] as? [[String: Any]]).flatMap { list in
                JSONInput.string((list.first { ($0["role"] as? String ?? "main") == "main" } ?? list.first)?["value"])
            }
        let byline = JSONInput.string(item["byline"])
            ?? (item["bylines"] as? [[String: Any]]).flatMap { list in
                let names = list.compactMap { JSONInput.string($0["byline"]) ?? JSONInput.string($0["name"]) }
                return names.isEmpty ? nil : AtomParser.joinNames(names)
            }
        let rights = item["rightsinfo"] as? [String: Any]
        let agency = JSONInput.string(item["copyrightholder"]) ?? JSONInput.string(rights?["copyrightholder"])
        let located = JSONInput.strings(item["located"])
        guard headline != nil || !blocks.isEmpty else { return nil }
        return StoryBody.story(
            source: StoryIdentity.source(guid: uri, link: nil, feedLink: nil, documentSource: source, index: alone ? nil : index),
            headline: headline, author: byline, blocks: blocks, url: StoryIdentity.webURL(uri),
            published: JSONInput.string(item["versioncreated"]) ?? JSONInput.string(item["firstcreated"]),
            dateline: StoryBody.dateline(text: located.joined(separator: ", "), places: [], agency: agency))
    }
}
