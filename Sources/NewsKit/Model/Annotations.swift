public enum QuoteKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A sentence or more inside quote marks.
    case direct
    /// A phrase inside the reporter's own sentence: called the talks “excellent”.
    case partial
    /// Reported speech without quote marks: `X said (that) …`.
    case indirect
}

/// A quote and who said it.
public struct Quote: Sendable, Hashable, Codable {
    /// The words inside the marks; parts of a multi-paragraph quote joined by one space.
    public var text: String
    public var kind: QuoteKind
    /// The speaker's canonical name (fullest form in the story), or an unnamed
    /// source's descriptor without the article ("senior Macron adviser"); nil when
    /// nobody said it (scare quotes, titles of works). Never a pronoun.
    public var speaker: String?
    /// Index into `AnnotatedStory.entities` of the speaker, when it is one.
    public var speakerEntity: Int?
    /// The quoted words, one span per paragraph, in order (inside the marks).
    public var parts: [Span]
    /// The speech verb or cue that attributed it ("said", "according to"), if any.
    public var cue: String?
    /// Where the speaker is named for this quote (may be a pronoun), if anywhere.
    public var speakerSpan: Span?
    /// How the speaker was found, for a reader who asks why; nil when no rule
    /// gave this quote a speaker.
    public var attribution: QuoteAttribution?

    public init(
        text: String, kind: QuoteKind, speaker: String? = nil, speakerEntity: Int? = nil,
        parts: [Span], cue: String? = nil, speakerSpan: Span? = nil,
        attribution: QuoteAttribution? = nil
    ) {
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerEntity = speakerEntity
        self.parts = parts
        self.cue = cue
        self.speakerSpan = speakerSpan
        self.attribution = attribution
    }
}

/// Why a quote has its speaker: the rule (sieve pass) that decided, the cue it
/// keyed on, the words that name the speaker for this quote, the chain from
/// those words to the canonical speaker (`["he", "Marco Rubio"]`), and how
/// often that pass is right (calibrated on real copy, 0...1).
public struct QuoteAttribution: Sendable, Hashable, Codable {
    /// The pass's name, stable for scripts ("cue-after-quote", "pronoun", …).
    public var method: String
    /// The speech verb or cue ("said", "according to"), if any.
    public var cue: String?
    /// The speaker's words for this quote (a name, a descriptor or a pronoun).
    public var mention: Span?
    /// From the mention's words to the canonical speaker, in order; one element
    /// when the mention is the canonical name itself.
    public var chain: [String]
    public var confidence: Double

    public init(method: String, cue: String? = nil, mention: Span? = nil, chain: [String] = [], confidence: Double) {
        self.method = method
        self.cue = cue
        self.mention = mention
        self.chain = chain
        self.confidence = confidence
    }
}

public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case person, organization, place, other
}

public struct Mention: Sendable, Hashable, Codable {
    /// The words as they stand ("Rubio", "Marco Rubio"), without titles or possessives.
    public var text: String
    public var span: Span
    public init(text: String, span: Span) {
        self.text = text
        self.span = span
    }
}

/// A person, organisation or place, with every mention of it in one story.
public struct Entity: Sendable, Hashable, Codable {
    /// Canonical name: the fullest form in the story.
    public var name: String
    public var type: EntityType
    /// Mentions in story order (headline, byline, then body paragraphs).
    public var mentions: [Mention]
    public init(name: String, type: EntityType, mentions: [Mention] = []) {
        self.name = name
        self.type = type
        self.mentions = mentions
    }
}

/// A story with everything extraction found in it.
public struct AnnotatedStory: Sendable, Hashable, Codable {
    public var story: Story
    /// Quotes in the body, in order of their first part.
    public var quotes: [Quote]
    /// Quotes in the headline (spans with `field == .headline`).
    public var headlineQuotes: [Quote]
    public var entities: [Entity]
    public init(story: Story, quotes: [Quote] = [], headlineQuotes: [Quote] = [], entities: [Entity] = []) {
        self.story = story
        self.quotes = quotes
        self.headlineQuotes = headlineQuotes
        self.entities = entities
    }
}
