/// A story as parsed from its source, before extraction.
///
/// Text positions everywhere in NewsKit are UTF-8 byte offsets into one
/// field of the story: the headline, the byline line, or one paragraph.
public struct Story: Sendable, Hashable, Codable {
    /// Where the story came from (a file path, or an identifier).
    public var source: String
    public var headline: String
    /// The byline as written ("By A, B and C"), or nil.
    public var bylineText: String?
    /// People named in the byline, in order.
    public var byline: [String]
    public var dateline: Dateline?
    /// The body, in order: paragraphs, subheads and the closing credit line.
    /// Quote and mention locations index into this array (0-based).
    public var paragraphs: [Paragraph]
    /// Roles from the closing credit paragraph ("Reporting by …; Editing by …").
    public var credits: [Credit]
    /// Trailing image or tag lines, kept out of the text.
    public var media: [String]
    /// The story's web address (a feed item's link, a page's URL, a NewsML
    /// or ninjs `uri` when it is one), when known.
    public var url: String?
    /// When it was published or last versioned, as the source gives it
    /// (RSS pubDate, Atom updated, NewsML versionCreated); the dateline's
    /// date is used when this is nil.
    public var published: String?
    /// The body is only a feed's summary of the article at `url` (an RSS item
    /// with a description and no content): a fetcher may read the page instead.
    public var isSummary: Bool = false

    public init(
        source: String, headline: String, bylineText: String? = nil, byline: [String] = [],
        dateline: Dateline? = nil, paragraphs: [Paragraph] = [], credits: [Credit] = [],
        media: [String] = [], url: String? = nil, published: String? = nil
    ) {
        self.url = url
        self.published = published
        self.source = source
        self.headline = headline
        self.bylineText = bylineText
        self.byline = byline
        self.dateline = dateline
        self.paragraphs = paragraphs
        self.credits = credits
        self.media = media
    }

    /// The text of a field, for resolving a `Span`.
    public func text(of field: Span.Field, paragraph: Int) -> String {
        switch field {
        case .headline: return headline
        case .byline: return bylineText ?? ""
        case .body: return paragraphs.indices.contains(paragraph) ? paragraphs[paragraph].text : ""
        }
    }

    /// The words at a span (its byte range clamped to its text).
    public func words(at span: Span) -> String {
        let utf8 = text(of: span.field, paragraph: span.paragraph).utf8
        let lo = max(0, min(span.start, utf8.count)), hi = max(lo, min(span.end, utf8.count))
        let a = utf8.index(utf8.startIndex, offsetBy: lo), b = utf8.index(a, offsetBy: hi - lo)
        return String(decoding: utf8[a..<b], as: UTF8.self)
    }
}

public struct Paragraph: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Ordinary body text.
        case body
        /// An ALL-CAPS section break.
        case subhead
        /// The closing credit paragraph ("(Reporting by …)").
        case credit
    }
    public var text: String
    public var kind: Kind
    public init(_ text: String, kind: Kind = .body) {
        self.text = text
        self.kind = kind
    }
}

/// `PARIS/WASHINGTON (Reuters) -`: places, an optional date, the agency.
public struct Dateline: Sendable, Hashable, Codable {
    /// The dateline as it stood at the start of the first paragraph.
    public var raw: String
    public var places: [String]
    public var date: String?
    public var agency: String?
    public init(raw: String, places: [String], date: String? = nil, agency: String? = nil) {
        self.raw = raw
        self.places = places
        self.date = date
        self.agency = agency
    }
}

public struct Credit: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable {
        case reporting, additionalReporting, writing, editing, other
    }
    public var role: Role
    public var people: [String]
    public init(role: Role, people: [String]) {
        self.role = role
        self.people = people
    }
}

/// Where some words stand: a field of the story and a UTF-8 byte range in it.
public struct Span: Sendable, Hashable, Codable {
    public enum Field: String, Sendable, Codable { case headline, byline, body }
    public var field: Field
    /// Index into `Story.paragraphs` when `field == .body`, else 0.
    public var paragraph: Int
    /// UTF-8 byte offsets, `start..<end`.
    public var start: Int
    public var end: Int
    public init(field: Field = .body, paragraph: Int, start: Int, end: Int) {
        self.field = field
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }
    public var range: Range<Int> { start..<end }
}
