import NewsArchive
import NewsKit

/// Everything that changes the reader's state: input from the terminal, and
/// answers from the archive to the requests the reducer made.
public enum Action: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Typed into the open prompt in one go (a paste, or a test).
    case type(String)

    case storyCountLoaded(Int)
    case storiesLoaded(page: Int, [StorySummary])
    case storyLoaded(ArchivedStory, focus: Span?)
    case archiveEntitiesLoaded([EntityRecord])
    case completionsLoaded(query: String, [EntityRecord])
    case filterLoaded(EntityRecord, [QuoteRecord])
    /// One step of a mention walk: the mention found (nil at the end) and
    /// where it stands, and the entity when the walk starts.
    case mentionStepped(EntityRecord?, MentionRecord?, MentionOrdinal?, step: Int)
    case moreQuotesLoaded(speaker: EntityID, [QuoteRecord])
    case searchLoaded(query: String, [SearchHit])
    /// The next page of a search's results (empty at the end).
    case moreResultsLoaded(query: String, [SearchHit])
    case relatedLoaded(story: StoryID, [RelatedStory])
    /// Another process committed this many stories to a shared archive
    /// (PostgreSQL NOTIFY); they show after a refresh (Ctrl-L).
    case newStories(Int)
    case failed(String)
    /// One line for the status bar that is not a failure ("opened …").
    case note(String)

    /// A background fetch of the feeds (`R`) has done `done` of `total` URLs.
    case fetchProgress(done: Int, total: Int)
    /// It ended: one line saying what it did; the story list reloads.
    case fetchFinished(String)
}

/// What the reducer asks of the world outside the archive (a browser, the
/// network). The terminal backend carries these out and answers with actions.
public enum ReaderEffect: Sendable, Hashable {
    /// Open a web address in the user's browser.
    case openURL(String)
    /// Fetch the feeds in the background (`fetchProgress`, then `fetchFinished`).
    case fetchFeeds
}

/// What the reducer asks of the archive. `ArchiveRequest`s are carried out
/// by `ReaderSession` (outside the pure reducer) and come back as actions.
public enum ArchiveRequest: Sendable, Hashable {
    case storyCount
    case storiesPage(Int)
    case openStory(StoryID, focus: Span?)
    case archiveEntities
    case speakerCompletions(String)
    /// Filter by an entity id, or by the best match for a name.
    case filter(name: String, id: EntityID?)
    /// Start a walk over an entity's mentions from a place in the archive.
    case mentions(EntityID, step: Int, from: ArchivePosition?)
    /// The next (previous) mention after (before) a position.
    case mentionStep(EntityID, from: ArchivePosition, step: Int)
    /// The next page of a filtered person's quotes.
    case moreQuotes(speaker: EntityID, offset: Int)
    case search(String)
    /// The next page of a search's results, from `offset`.
    case moreResults(String, offset: Int)
    case related(StoryID)
}
