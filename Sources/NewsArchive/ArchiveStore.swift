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
    /// How many distinct entities the story mentions.
    public var entityCount: Int
    public init(id: StoryID, headline: String, date: String?, agency: String?, source: String, quoteCount: Int,
                entityCount: Int = 0) {
        self.id = id
        self.headline = headline
        self.date = date
        self.agency = agency
        self.source = source
        self.quoteCount = quoteCount
        self.entityCount = entityCount
    }
}

/// A whole story as stored, with archive ids for its entities.
public struct ArchivedStory: Sendable, Hashable {
    public var id: StoryID
    public var annotated: AnnotatedStory
    /// Archive entity id of each of `annotated.entities`, same order.
    public var entityIDs: [EntityID]
    /// The hash of the bytes the story came from (its identity; `IngestItem`).
    public var contentHash: String
    public init(id: StoryID, annotated: AnnotatedStory, entityIDs: [EntityID], contentHash: String = "") {
        self.id = id
        self.annotated = annotated
        self.entityIDs = entityIDs
        self.contentHash = contentHash
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
    /// "body", or "headline" for a quote in the headline (`paragraph` is then 0).
    public var field: String
    /// Why the quote has its speaker (as in `extract --json`); nil when no
    /// rule gave it one, or the archive was written before attributions were kept.
    public var attribution: ArticleJSON.AttributionJSON?
    public init(text: String, kind: String, speaker: String?, speakerId: EntityID?, story: StoryID,
                headline: String, paragraph: Int, range: [Int], field: String = "body",
                attribution: ArticleJSON.AttributionJSON? = nil) {
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerId = speakerId
        self.story = story
        self.headline = headline
        self.paragraph = paragraph
        self.range = range
        self.field = field
        self.attribution = attribution
    }
}

public struct EntityRecord: Codable, Sendable, Hashable {
    public var id: EntityID
    public var name: String
    public var type: String
    public var mentionCount: Int
    public var storyCount: Int
    /// Quotes attributed to this entity across the archive.
    public var quoteCount: Int
    public init(id: EntityID, name: String, type: String, mentionCount: Int, storyCount: Int, quoteCount: Int = 0) {
        self.id = id
        self.name = name
        self.type = type
        self.mentionCount = mentionCount
        self.storyCount = storyCount
        self.quoteCount = quoteCount
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

    /// Where this mention stands, for `mention(of:from:direction:)`.
    public var position: ArchivePosition {
        ArchivePosition(story: story, field: Span.Field(rawValue: field) ?? .body, paragraph: paragraph,
                        offset: range.first ?? 0)
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
    /// Only quotes whose attribution is at least this sure (0...1); quotes
    /// without an attribution never pass.
    public var minConfidence: Double?
    public var limit: Int
    public var offset: Int
    public init(speakerID: EntityID? = nil, story: StoryID? = nil, text: String? = nil, kind: QuoteKind? = nil,
                minConfidence: Double? = nil, limit: Int = 500, offset: Int = 0) {
        self.speakerID = speakerID
        self.story = story
        self.text = text
        self.kind = kind
        self.minConfidence = minConfidence
        self.limit = limit
        self.offset = offset
    }
}

/// A place in the archive, in archive order: a story, then a field of it
/// (headline, byline, body), then a paragraph, then a UTF-8 byte offset.
public struct ArchivePosition: Sendable, Hashable, Codable {
    public var story: StoryID
    public var field: Span.Field
    public var paragraph: Int
    public var offset: Int
    public init(story: StoryID, field: Span.Field = .body, paragraph: Int, offset: Int) {
        self.story = story
        self.field = field
        self.paragraph = paragraph
        self.offset = offset
    }
}

/// Which way to move through mentions in archive order.
public enum ArchiveDirection: Sendable, Hashable {
    case forward, backward
}

/// One story ready to store: the extraction result and the hash of the bytes
/// it came from (a story's identity in the archive).
public struct IngestItem: Sendable, Hashable {
    public var annotated: AnnotatedStory
    public var contentHash: String
    public init(annotated: AnnotatedStory, contentHash: String) {
        self.annotated = annotated
        self.contentHash = contentHash
    }
}

/// What the archive remembers of the last download of a URL, so the next
/// one can be conditional (If-None-Match / If-Modified-Since) and an
/// unchanged feed downloads nothing.
public struct FetchState: Codable, Sendable, Hashable {
    public var url: String
    /// The `ETag` the server gave, as given (quotes and `W/` included).
    public var etag: String?
    /// The `Last-Modified` the server gave, as given.
    public var lastModified: String?
    /// The HTTP status of the last download (200, 304 …).
    public var status: Int
    /// When it was last downloaded, ISO 8601 (UTC).
    public var fetchedAt: String
    public init(url: String, etag: String?, lastModified: String?, status: Int, fetchedAt: String) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.status = status
        self.fetchedAt = fetchedAt
    }
}

/// Why an archive operation failed; one line for the user.
public struct ArchiveError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not an archive: not SQLite, corrupt, truncated, or unreadable.
        case unusable
        /// Written by a newer Newsroom than this one.
        case newerSchema
        /// Written by an older Newsroom; opening it for writing upgrades it.
        case olderSchema
        /// The archive or its folder cannot be written.
        case readOnly
        /// A write failed (disk full, I/O error); the archive keeps its last committed state.
        case writeFailed
        /// A name or query the user gave matched nothing usable, or too much.
        case query
        case other
    }
    public var kind: Kind
    public var description: String
    public init(_ description: String, kind: Kind = .other) {
        self.kind = kind
        self.description = description
    }
}

/// The archive as the reader and the CLI see it. SQLite is the embedded
/// implementation; a server database can implement the same protocol.
///
/// "Archive order" is the order of `stories(offset:limit:)`: newest first
/// (dateline date, then most recently added), and within a story headline,
/// byline, then body paragraphs by offset.
///
/// Every list is paged (`offset`/`limit`) and every method answers from
/// indexes, so its cost does not grow with the archive.
public protocol ArchiveStore: Sendable {
    // MARK: Ingest

    /// Parse, extract and store files and folders (walked for `.txt`).
    /// Writes go in batches, one transaction each.
    func ingest(paths: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> IngestReport
    /// Store already extracted stories in one transaction. A story whose hash is
    /// stored is unchanged; one whose source is stored with another hash replaces it.
    func store(_ items: [IngestItem]) throws -> IngestReport
    /// Extract and store stories parsed elsewhere (fetched feed items and
    /// pages) in one transaction, each known by its `source` and hashed by its
    /// fields (`StoryHash`); unchanged ones are counted, not extracted again.
    func ingest(stories: [Story]) throws -> IngestReport

    // MARK: Stories

    func storyCount() throws -> Int
    /// A page of stories in archive order (newest first).
    func stories(offset: Int, limit: Int) throws -> [StorySummary]
    func storySummary(id: StoryID) throws -> StorySummary?
    /// The whole stored story with its quotes and entities; nil when no such id.
    func story(id: StoryID) throws -> ArchivedStory?
    /// Stories ranked by how many entities they share with `story`.
    func related(story: StoryID, limit: Int) throws -> [RelatedStory]

    // MARK: Quotes

    /// Quotes in archive order, then paragraph, filtered and paged.
    func quotes(_ filter: QuoteFilter) throws -> [QuoteRecord]
    func quoteCount(_ filter: QuoteFilter) throws -> Int

    // MARK: Entities

    /// Entities whose name or alias has words starting with the words of `name`,
    /// case- and accent-insensitively; an exact name first, then most mentioned.
    func findEntities(named name: String, type: EntityType?, limit: Int) throws -> [EntityRecord]
    /// People and sources with quotes whose name starts like `prefix` (completion).
    func speakers(matching prefix: String, limit: Int) throws -> [EntityRecord]
    /// Most mentioned first.
    func entities(type: EntityType?, story: StoryID?, offset: Int, limit: Int) throws -> [EntityRecord]
    func entity(id: EntityID) throws -> EntityRecord?

    // MARK: Mentions

    /// A page of the entity's mentions in archive order, then field, paragraph, offset.
    func mentions(entity: EntityID, offset: Int, limit: Int) throws -> [MentionRecord]
    /// The entity's next (or previous) mention strictly after (before) `position`,
    /// on into other stories; from the start (end) of the archive when `position` is nil.
    func mention(of entity: EntityID, from position: ArchivePosition?, direction: ArchiveDirection) throws
        -> MentionRecord?
    /// Where the mention at `position` stands among all of the entity's
    /// mentions and stories (exact, counted on indexes); nil when the entity
    /// or the story is not in the archive.
    func mentionOrdinal(of entity: EntityID, at position: ArchivePosition) throws -> MentionOrdinal?

    // MARK: Search

    /// Full text over stories and quotes. Field prefixes `speaker:NAME`,
    /// `entity:NAME`, `kind:direct|partial|indirect` narrow it; any text is accepted.
    func search(_ query: String, offset: Int, limit: Int) throws -> [SearchHit]

    // MARK: Fetch state

    /// What the last download of `url` left (validators for a conditional
    /// GET), or nil when it was never downloaded.
    func fetchState(url: String) throws -> FetchState?
    /// Keeps `state` for its URL, replacing what was kept.
    func saveFetchState(_ state: FetchState) throws
}
