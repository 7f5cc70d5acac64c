import Foundation
import NewsKit

public typealias StoryID = Int64
public typealias EntityID = Int64

/// A story in the archive's lists: no body.
public struct StorySummary: Codable, Sendable, Hashable {
    public var id: StoryID
    public var headline: String
    /// ISO date (yyyy-MM-dd) from the dateline or the file, if known.
    public var date: String?
    public var agency: String?
    public var source: String
    public var quoteCount: Int
    public init(id: StoryID, headline: String, date: String?, agency: String?, source: String, quoteCount: Int) {
        self.id = id
        self.headline = headline
        self.date = date
        self.agency = agency
        self.source = source
        self.quoteCount = quoteCount
    }
}

/// A whole story as stored, with archive ids for its entities.
public struct ArchivedStory: Sendable, Hashable {
    public var id: StoryID
    public var annotated: AnnotatedStory
    /// Archive entity id of each of `annotated.entities`, same order.
    public var entityIDs: [EntityID]
    public init(id: StoryID, annotated: AnnotatedStory, entityIDs: [EntityID]) {
        self.id = id
        self.annotated = annotated
        self.entityIDs = entityIDs
    }
}

public struct QuoteRecord: Codable, Sendable, Hashable {
    public var text: String
    public var kind: String
    public var speaker: String?
    public var speakerId: EntityID?
    public var story: StoryID
    public var headline: String
    /// 0-based paragraph of the first part, and its UTF-8 byte range.
    public var paragraph: Int
    public var range: [Int]
    public init(text: String, kind: String, speaker: String?, speakerId: EntityID?, story: StoryID,
                headline: String, paragraph: Int, range: [Int]) {
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerId = speakerId
        self.story = story
        self.headline = headline
        self.paragraph = paragraph
        self.range = range
    }
}

public struct EntityRecord: Codable, Sendable, Hashable {
    public var id: EntityID
    public var name: String
    public var type: String
    public var mentionCount: Int
    public var storyCount: Int
    public init(id: EntityID, name: String, type: String, mentionCount: Int, storyCount: Int) {
        self.id = id
        self.name = name
        self.type = type
        self.mentionCount = mentionCount
        self.storyCount = storyCount
    }
}

public struct MentionRecord: Codable, Sendable, Hashable {
    public var text: String
    public var entity: EntityID
    public var story: StoryID
    public var headline: String
    /// "body", "headline" or "byline"; `paragraph` counts for "body".
    public var field: String
    public var paragraph: Int
    public var range: [Int]
    /// A short piece of the paragraph around the mention.
    public var context: String
    public init(text: String, entity: EntityID, story: StoryID, headline: String, field: String,
                paragraph: Int, range: [Int], context: String) {
        self.text = text
        self.entity = entity
        self.story = story
        self.headline = headline
        self.field = field
        self.paragraph = paragraph
        self.range = range
        self.context = context
    }
}

public struct SearchHit: Codable, Sendable, Hashable {
    public var story: StoryID
    public var headline: String
    public var snippet: String
    /// bm25 score: lower is better.
    public var rank: Double
    public init(story: StoryID, headline: String, snippet: String, rank: Double) {
        self.story = story
        self.headline = headline
        self.snippet = snippet
        self.rank = rank
    }
}

public struct RelatedStory: Codable, Sendable, Hashable {
    public var story: StorySummary
    /// How many entities the two stories share.
    public var sharedEntities: Int
    public init(story: StorySummary, sharedEntities: Int) {
        self.story = story
        self.sharedEntities = sharedEntities
    }
}

public struct IngestReport: Codable, Sendable, Hashable {
    public struct Failure: Codable, Sendable, Hashable {
        public var path: String
        public var reason: String
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }
    public var filesSeen = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var failed: [Failure] = []
    public init() {}
}

public struct QuoteFilter: Sendable, Hashable {
    public var speakerID: EntityID?
    public var story: StoryID?
    /// Words that must occur in the quote text (full-text).
    public var text: String?
    public var kind: QuoteKind?
    public var limit: Int
    public var offset: Int
    public init(speakerID: EntityID? = nil, story: StoryID? = nil, text: String? = nil, kind: QuoteKind? = nil,
                limit: Int = 500, offset: Int = 0) {
        self.speakerID = speakerID
        self.story = story
        self.text = text
        self.kind = kind
        self.limit = limit
        self.offset = offset
    }
}

/// Why an archive operation failed; one line for the user.
public struct ArchiveError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The archive as the reader and the CLI see it. SQLite is the embedded
/// implementation; a server database can implement the same protocol.
///
/// "Archive order" is the order of `stories(offset:limit:)`: newest first.
public protocol ArchiveStore: Sendable {
    func ingest(paths: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> IngestReport
    func storyCount() throws -> Int
    func stories(offset: Int, limit: Int) throws -> [StorySummary]
    func story(id: StoryID) throws -> ArchivedStory?
    func quotes(_ filter: QuoteFilter) throws -> [QuoteRecord]
    /// Entities whose name or alias contains `name`, case-insensitively, best first.
    func findEntities(named name: String, type: EntityType?) throws -> [EntityRecord]
    func entities(type: EntityType?, story: StoryID?, limit: Int) throws -> [EntityRecord]
    func entity(id: EntityID) throws -> EntityRecord?
    /// Every mention of the entity, in archive order, then paragraph and offset.
    func mentions(entity: EntityID) throws -> [MentionRecord]
    func search(_ query: String, limit: Int) throws -> [SearchHit]
    func related(story: StoryID, limit: Int) throws -> [RelatedStory]
}
