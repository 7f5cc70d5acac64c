import Foundation

/// The hand-written truth for one story (`NAME.expected.json` next to `NAME.txt`).
///
/// `speaker` is the fullest name in the story (no title or role), an unnamed
/// source's descriptor without the article, or null for scare quotes and titles
/// of works, which are nobody's speech.
public struct ExpectedAnnotations: Codable, Sendable, Hashable {
    public struct ExpectedQuote: Codable, Sendable, Hashable {
        public var text: String
        /// `direct` or `partial`; absent for reported speech.
        public var kind: String?
        /// Acceptable speakers (one in our files; real gold files may list several).
        /// Empty when nobody said it.
        public var speakers: [String]
        /// A quote the text leaves open to doubt (an unbalanced mark): finding it
        /// or not, with any speaker, neither helps nor hurts.
        public var optional: Bool

        public init(text: String, kind: String? = nil, speakers: [String], optional: Bool = false) {
            self.text = text
            self.kind = kind
            self.speakers = speakers
            self.optional = optional
        }

        enum CodingKeys: String, CodingKey { case text, kind, speaker, optional }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            kind = try c.decodeIfPresent(String.self, forKey: .kind)
            if let one = try? c.decodeIfPresent(String.self, forKey: .speaker) {
                speakers = [one]
            } else if let many = try? c.decodeIfPresent([String].self, forKey: .speaker) {
                speakers = many
            } else {
                speakers = []
            }
            optional = try c.decodeIfPresent(Bool.self, forKey: .optional) ?? false
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encodeIfPresent(kind, forKey: .kind)
            switch speakers.count {
            case 0: try c.encodeNil(forKey: .speaker)
            case 1: try c.encode(speakers[0], forKey: .speaker)
            default: try c.encode(speakers, forKey: .speaker)
            }
            if optional { try c.encode(true, forKey: .optional) }
        }
    }

    public var quotes: [ExpectedQuote]
    public var headlineQuotes: [ExpectedQuote]
    public var indirect: [ExpectedQuote]
    public var people: [String]
    public var organizations: [String]
    public var places: [String]

    public init(
        quotes: [ExpectedQuote] = [], headlineQuotes: [ExpectedQuote] = [], indirect: [ExpectedQuote] = [],
        people: [String] = [], organizations: [String] = [], places: [String] = []
    ) {
        self.quotes = quotes
        self.headlineQuotes = headlineQuotes
        self.indirect = indirect
        self.people = people
        self.organizations = organizations
        self.places = places
    }

    enum CodingKeys: String, CodingKey {
        case quotes, headlineQuotes = "headline_quotes", indirect, people, organizations, places
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        quotes = try c.decodeIfPresent([ExpectedQuote].self, forKey: .quotes) ?? []
        headlineQuotes = try c.decodeIfPresent([ExpectedQuote].self, forKey: .headlineQuotes) ?? []
        indirect = try c.decodeIfPresent([ExpectedQuote].self, forKey: .indirect) ?? []
        people = try c.decodeIfPresent([String].self, forKey: .people) ?? []
        organizations = try c.decodeIfPresent([String].self, forKey: .organizations) ?? []
        places = try c.decodeIfPresent([String].self, forKey: .places) ?? []
    }

    /// Reads an expected-annotation file; the error names the file.
    public static func load(from url: URL) throws -> ExpectedAnnotations {
        do {
            return try JSONDecoder().decode(ExpectedAnnotations.self, from: Data(contentsOf: url))
        } catch {
            throw StoryInputError.unreadable(path: url.path, reason: "bad expected annotations: \(error)")
        }
    }
}
