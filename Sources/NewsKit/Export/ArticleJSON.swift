import Foundation

/// The `newsroom extract --json` contract (see README "JSON output").
/// Field names and meanings here may grow but never change.
public struct ExtractOutput: Codable, Sendable {
    public static let currentFormatVersion = 1
    public var formatVersion: Int
    public var articles: [ArticleJSON]
    public init(articles: [ArticleJSON]) {
        self.formatVersion = Self.currentFormatVersion
        self.articles = articles
    }
}

public struct ArticleJSON: Codable, Sendable, Equatable {
    public struct DatelineJSON: Codable, Sendable, Equatable {
        public var places: [String]
        public var date: String?
        public var agency: String?
    }
    public struct CreditJSON: Codable, Sendable, Equatable {
        public var role: String
        public var people: [String]
    }
    public struct ParagraphJSON: Codable, Sendable, Equatable {
        public var text: String
        public var kind: String
    }
    public struct QuoteJSON: Codable, Sendable, Equatable {
        public var text: String
        public var kind: String
        public var speaker: String?
        /// 0-based index into `paragraphs` of the first part.
        public var paragraph: Int
        /// UTF-8 byte range `[start, end)` of the first part in its paragraph.
        public var range: [Int]
        /// Every part, for quotes running over several paragraphs.
        public var parts: [PartJSON]
        public var cue: String?
        /// Why the quote has its speaker; absent when no rule gave it one.
        public var attribution: AttributionJSON?
    }
    /// `Quote.attribution` for scripts: the rule (`method`), its cue, the
    /// words naming the speaker for this quote and where they stand, the chain
    /// from those words to the speaker, and how often the rule is right.
    public struct AttributionJSON: Codable, Sendable, Hashable {
        public var method: String
        public var cue: String?
        public var mention: MentionJSON?
        public var chain: [String]
        public var confidence: Double
        public init(method: String, cue: String?, mention: MentionJSON?, chain: [String], confidence: Double) {
            self.method = method
            self.cue = cue
            self.mention = mention
            self.chain = chain
            self.confidence = confidence
        }
        public init(_ a: QuoteAttribution, in story: Story) {
            self.init(method: a.method, cue: a.cue, mention: a.mention.map { MentionJSON($0, in: story) },
                      chain: a.chain, confidence: a.confidence)
        }
    }
    public struct PartJSON: Codable, Sendable, Equatable {
        public var paragraph: Int
        public var range: [Int]
    }
    public struct MentionJSON: Codable, Sendable, Hashable {
        public var text: String
        /// "body", "headline" or "byline"; `paragraph` counts only for "body".
        public var field: String
        public var paragraph: Int
        public var range: [Int]
        public init(text: String, field: String, paragraph: Int, range: [Int]) {
            self.text = text
            self.field = field
            self.paragraph = paragraph
            self.range = range
        }
        /// The words at `span` in `story`.
        public init(_ span: Span, in story: Story) {
            self.init(text: story.words(at: span), field: span.field.rawValue, paragraph: span.paragraph,
                      range: [span.start, span.end])
        }
        /// The span these fields describe.
        public var span: Span {
            Span(field: Span.Field(rawValue: field) ?? .body, paragraph: paragraph,
                 start: range.first ?? 0, end: range.count > 1 ? range[1] : range.first ?? 0)
        }
    }
    public struct EntityJSON: Codable, Sendable, Equatable {
        public var name: String
        public var type: String
        public var mentions: [MentionJSON]
    }

    public var source: String
    public var headline: String
    public var byline: [String]
    public var dateline: DatelineJSON?
    public var credits: [CreditJSON]
    public var media: [String]
    public var paragraphs: [ParagraphJSON]
    public var quotes: [QuoteJSON]
    public var headlineQuotes: [QuoteJSON]
    public var entities: [EntityJSON]
    /// The story's web address and publication date, when its format gives them.
    public var url: String?
    public var published: String?

    public init(_ a: AnnotatedStory) {
        let s = a.story
        source = s.source
        url = s.url
        published = s.published
        headline = s.headline
        byline = s.byline
        dateline = s.dateline.map { DatelineJSON(places: $0.places, date: $0.date, agency: $0.agency) }
        credits = s.credits.map { CreditJSON(role: $0.role.rawValue, people: $0.people) }
        media = s.media
        paragraphs = s.paragraphs.map { ParagraphJSON(text: $0.text, kind: $0.kind.rawValue) }
        quotes = a.quotes.map { Self.quote($0, in: s) }
        headlineQuotes = a.headlineQuotes.map { Self.quote($0, in: s) }
        entities = a.entities.map { e in
            EntityJSON(name: e.name, type: e.type.rawValue, mentions: e.mentions.map {
                MentionJSON(text: $0.text, field: $0.span.field.rawValue, paragraph: $0.span.paragraph,
                            range: [$0.span.start, $0.span.end])
            })
        }
    }

    static func quote(_ q: Quote, in story: Story) -> QuoteJSON {
        let first = q.parts.first ?? Span(paragraph: 0, start: 0, end: 0)
        return QuoteJSON(
            text: q.text, kind: q.kind.rawValue, speaker: q.speaker, paragraph: first.paragraph,
            range: [first.start, first.end],
            parts: q.parts.map { PartJSON(paragraph: $0.paragraph, range: [$0.start, $0.end]) },
            cue: q.cue, attribution: q.attribution.map { AttributionJSON($0, in: story) })
    }
}

/// One JSON encoder for every `--json` output: stable key order, no escaped slashes.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
