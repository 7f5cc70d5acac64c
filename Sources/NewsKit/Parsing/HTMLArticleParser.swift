import Foundation

/// A web page holding one news article. schema.org `NewsArticle` (or any
/// `…Article`) JSON-LD first: headline, author, datePublished, articleBody;
/// else the page's own markup: `og:title` / `<h1>` / `<title>`, `author`
/// and `article:published_time` meta tags, and the main text (the
/// `<article>` with most text, else the block with most `<p>` text), never
/// scripts, styles, navigation, footers or comments. The URL is the
/// JSON-LD `url`, the canonical link or `og:url`, else a web source.
public struct HTMLArticleParser: StoryParser {
    public init() {}

    public func accepts(_ format: InputFormat) -> Bool { format == .html }

    public func stories(text: String, source: String) throws -> [Story] {
        let tokens = HTMLTokenizer.tokens(text)
        var meta: [String: String] = [:]
        var canonical: String?
        var title = "", h1 = ""
        var inTitle = false, inH1 = false, h1Done = false
        var articles: [[String: Any]] = []
        var converter = HTMLText()
        for token in tokens {
            switch token {
            case .start(let name, let a, _):
                if name == "meta", let key = a["property"] ?? a["name"] ?? a["itemprop"], let content = a["content"] {
                    if meta[key.lowercased()] == nil { meta[key.lowercased()] = content }
                }
                if name == "link", a["rel"]?.lowercased().split(separator: " ").contains("canonical") == true {
                    canonical = a["href"]
                }
                if name == "title" { inTitle = true }
                if name == "h1" && !h1Done { inH1 = true }
            case .end(let name):
                if name == "title" { inTitle = false }
                if name == "h1" && inH1 { inH1 = false; h1Done = true }
            case .text(let t):
                if inTitle { title += t }
                if inH1 { h1 += t }
            case .raw(let name, let a, let content):
                if name == "script", a["type"]?.lowercased().contains("ld+json") == true {
                    articles += Self.newsArticles(in: content)
                }
            }
            converter.feed(token)
        }
        let page = HTMLText.mainText(converter.finish())
        let ld = articles.first ?? [:]

        var blocks = page
        if let body = ld["articleBody"] as? String {
            let paragraphs = HTMLText.paragraphs(htmlOrText: body)
            // A one-string articleBody loses the page's paragraphs: keep those when the page has them.
            if paragraphs.count > 1 || page.filter(\.isParagraph).isEmpty { blocks = paragraphs }
        }
        guard !blocks.isEmpty else {
            throw StoryInputError.malformed(path: source, reason: "no article text in the HTML page")
        }
        let authors = JSONInput.strings(ld["author"]).filter { StoryIdentity.webURL($0) == nil }
        let metaAuthor = meta["author"].flatMap { StoryIdentity.webURL($0) == nil ? $0 : nil }
            ?? meta["article:author"].flatMap { StoryIdentity.webURL($0) == nil ? $0 : nil }
        let url = StoryIdentity.webURL(JSONInput.string(ld["url"]))
            ?? StoryIdentity.webURL(JSONInput.string((ld["mainEntityOfPage"] as? [String: Any])?["@id"]))
            ?? Self.absolute(canonical, base: source) ?? Self.absolute(meta["og:url"], base: source)
            ?? StoryIdentity.webURL(source)
        let headline = JSONInput.string(ld["headline"]) ?? meta["og:title"].flatMap(XMLTree.collapse)
            ?? XMLTree.collapse(h1) ?? XMLTree.collapse(title)
        let published = JSONInput.string(ld["datePublished"]) ?? meta["article:published_time"]
            ?? JSONInput.string(ld["dateModified"])
        guard let story = StoryBody.story(
            source: source, headline: headline, author: authors.isEmpty ? metaAuthor : AtomParser.joinNames(authors),
            blocks: blocks, url: url, published: published)
        else { throw StoryInputError.empty(path: source) }
        return [story]
    }

    /// A link as a web address: as it is, or resolved against the page's own
    /// web address (`/2026/06/story` on `https://example.org/x`).
    static func absolute(_ link: String?, base: String) -> String? {
        guard let link = link.flatMap(XMLTree.collapse) else { return nil }
        if let url = StoryIdentity.webURL(link) { return url }
        guard StoryIdentity.webURL(base) != nil, let resolved = URL(string: link, relativeTo: URL(string: base)) else { return nil }
        return StoryIdentity.webURL(resolved.absoluteString)
    }

    /// The `…Article` objects of a JSON-LD script: at its top, in a list, or in an `@graph`.
    static func newsArticles(in json: String) -> [[String: Any]] {
        guard let value = try? JSONInput.parse(json, source: "", format: "JSON-LD") else { return [] }
        var out: [[String: Any]] = []
        func visit(_ v: Any) {
            if let list = v as? [Any] { list.forEach(visit); return }
            guard let object = v as? [String: Any] else { return }
            let types = JSONInput.strings(object["@type"])
            if types.contains(where: { $0.hasSuffix("Article") || $0 == "Report" }) { out.append(object) }
            if let graph = object["@graph"] { visit(graph) }
        }
        visit(value)
        return out
    }
}
