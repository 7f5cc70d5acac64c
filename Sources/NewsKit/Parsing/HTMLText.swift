/// HTML to paragraphs, the one converter for web pages, RSS and Atom
/// content, NewsML's inline XHTML and ninjs `body_html`.
///
/// Block elements (`p`, `div`, `li`, headings, `br` …) end a paragraph; text
/// inside inline elements runs on; white space collapses to one space;
/// entities arrive decoded. What is never story text is dropped with all it
/// holds: scripts, styles, navigation, headers and footers, asides, forms,
/// figures, and anything whose class or id says comments, sharing or
/// related links. Each paragraph remembers the block that holds it and the
/// `<article>` around it, so a page reader can keep the main text only.
struct HTMLText {
    struct Block: Equatable {
        var text: String
        var isHeading: Bool
        /// The element that holds this paragraph (the parent of its `<p>`).
        var container: Int
        /// The `<article>` it stands in, if any.
        var article: Int?
        /// It came from a `<p>` (what a page's main text is made of).
        var isParagraph: Bool
    }

    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
        "main", "table", "tr", "td", "th", "tbody", "thead", "pre", "dl", "dt", "dd", "hr", "address", "center",
        "body", "html", "figcaption", "caption", "hgroup", "details", "summary",
        "block", "hl1", "hl2",  // NITF's body.content
    ]
    static let headingElements: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2"]
    /// Elements whose content is never story text.
    static let skippedElements: Set<String> = [
        "script", "style", "nav", "footer", "header", "aside", "noscript", "template", "svg", "math", "form",
        "button", "select", "textarea", "iframe", "object", "embed", "figure", "menu", "dialog", "head", "title",
        "media",  // NITF's pictures
    ]
    static let voidElements: Set<String> = [
        "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "track", "wbr", "param", "embed",
    ]
    /// Class and id words of page furniture.
    private static let furnitureWords = ["comment", "share", "sharing", "social", "related", "newsletter", "promo", "advert", "cookie", "subscribe"]

    private(set) var blocks: [Block] = []
    private var buffer = ""
    /// Open block elements: name, id.
    private var stack: [(name: String, id: Int)] = [("#document", 0)]
    private var nextID = 1
    private var articles: [Int] = []
    private var skipping: (name: String, depth: Int)?
    private var headingDepth = 0

    /// The paragraphs of an HTML fragment or page.
    static func blocks(html: String) -> [Block] {
        var converter = HTMLText()
        for token in HTMLTokenizer.tokens(html) { converter.feed(token) }
        return converter.finish()
    }

    /// The paragraphs of an XHTML element's content (NewsML's inline body).
    static func blocks(xhtml element: XMLTree.Element) -> [Block] {
        var converter = HTMLText()
        converter.walk(element.children)
        return converter.finish()
    }

    /// Paragraph texts of a fragment that may be HTML or plain text: with no
    /// tag in it, blank lines (or single lines) separate paragraphs.
    static func paragraphs(htmlOrText s: String) -> [Block] {
        if looksLikeHTML(s) { return blocks(html: s) }
        return plainParagraphs(s).map { Block(text: $0, isHeading: false, container: 0, article: nil, isParagraph: true) }
    }

    /// Plain text cut into paragraphs the way wire text is.
    static func plainParagraphs(_ s: String) -> [String] {
        // ParagraphSplitter takes the first line for a headline: give it one.
        ParagraphSplitter.split("-\n\n" + s).paragraphs.compactMap(XMLTree.collapse)
    }

    static func looksLikeHTML(_ s: String) -> Bool {
        let b = Array(s.utf8.prefix(65536))
        var i = 0
        while i + 1 < b.count {
            if b[i] == UInt8(ascii: "<") {
                let c = b[i + 1] == UInt8(ascii: "/") && i + 2 < b.count ? b[i + 2] : b[i + 1]
                if (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) { return true }
            }
            i += 1
        }
        return false
    }

    private mutating func walk(_ nodes: [XMLTree.Node]) {
        for node in nodes {
            switch node {
            case .text(let t): feed(.text(t))
            case .element(let e):
                let name = e.name.lowercased()
                feed(.start(name: name, attributes: e.attributes, selfClosing: false))
                walk(e.children)
                feed(.end(name: name))
            }
        }
    }

    mutating func feed(_ token: HTMLTokenizer.Token) {
        if var skip = skipping {
            switch token {
            case .start(let name, _, let selfClosing) where name == skip.name && !selfClosing && !Self.voidElements.contains(name):
                skip.depth += 1
            case .end(let name) where name == skip.name:
                skip.depth -= 1
            default: break
            }
            skipping = skip.depth > 0 ? skip : nil
            return
        }
        switch token {
        case .text(let t):
            buffer += t
        case .raw:
            break
        case .start(let name, let attributes, let selfClosing):
            if Self.skippedElements.contains(name) || Self.isFurniture(attributes) {
                if !selfClosing && !Self.voidElements.contains(name) { skipping = (name, 1) }
                return
            }
            guard Self.blockElements.contains(name) else { return }
            flush()
            if Self.voidElements.contains(name) || selfClosing { return }
            // An open <p> ends where another block starts (HTML's implied </p>).
            if let top = stack.last, top.name == "p" { stack.removeLast() }
            stack.append((name, nextID))
            if name == "article" { articles.append(nextID) }
            if Self.headingElements.contains(name) { headingDepth += 1 }
            nextID += 1
        case .end(let name):
            guard Self.blockElements.contains(name) else { return }
            flush()
            guard let at = stack.lastIndex(where: { $0.name == name }), at > 0 else { return }
            for closed in stack[at...] {
                if closed.name == "article" { articles.removeAll { $0 == closed.id } }
                if Self.headingElements.contains(closed.name) { headingDepth = max(0, headingDepth - 1) }
            }
            stack.removeSubrange(at...)
        }
    }

    private static func isFurniture(_ attributes: [String: String]) -> Bool {
        if attributes["hidden"] != nil || attributes["aria-hidden"] == "true" { return true }
        let words = ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "") + " " + (attributes["role"] ?? "")).lowercased()
        guard words.count > 2 else { return false }
        if words.contains("navigation") || words.contains("contentinfo") { return true }
        return furnitureWords.contains { words.contains($0) }
    }

    private mutating func flush() {
        defer { buffer = "" }
        guard let text = XMLTree.collapse(buffer) else { return }
        let top = stack[stack.count - 1]
        let inParagraph = top.name == "p"
        let container = inParagraph && stack.count > 1 ? stack[stack.count - 2].id : top.id
        blocks.append(Block(text: text, isHeading: headingDepth > 0, container: container, article: articles.last,
                            isParagraph: inParagraph))
    }

    mutating func finish() -> [Block] {
        flush()
        return blocks
    }

    /// A page's main text: the `<article>` with the most paragraph text, else
    /// the block holding the most `<p>` text (its headings with it).
    static func mainText(_ blocks: [Block]) -> [Block] {
        func weight(_ bs: [Block]) -> Int { bs.filter(\.isParagraph).reduce(0) { $0 + $1.text.utf8.count } }
        let byArticle = Dictionary(grouping: blocks.filter { $0.article != nil }, by: { $0.article! })
        if let best = byArticle.max(by: { (weight($0.value), -$0.key) < (weight($1.value), -$1.key) }), weight(best.value) > 0 {
            return blocks.filter { $0.article == best.key }
        }
        let byContainer = Dictionary(grouping: blocks, by: \.container)
        guard let best = byContainer.max(by: { (weight($0.value), -$0.key) < (weight($1.value), -$1.key) }), weight(best.value) > 0 else {
            return blocks
        }
        return blocks.filter { $0.container == best.key }
    }
}
