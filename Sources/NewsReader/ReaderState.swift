import NewsArchive
import NewsKit

/// The story list: only its pages in view are loaded, so a 100,000-story
/// archive costs a few pages of summaries, not the whole list.
public struct StoryListState: Sendable {
    public static let pageSize = 100
    /// Pages kept in memory at most; the rest are dropped and loaded again.
    public static let maxLoadedPages = 12
    public var count = 0
    public var pages: [Int: [StorySummary]] = [:]
    public var selection = 0
    public var scroll = 0
    /// A list position to open as soon as its page is loaded.
    public var pendingOpen: Int?

    public init() {}

    /// The summary at a list position, if its page is loaded.
    public func summary(at index: Int) -> StorySummary? {
        guard let page = pages[index / Self.pageSize] else { return nil }
        let i = index % Self.pageSize
        return page.indices.contains(i) ? page[i] : nil
    }

    /// The list position of a story among the loaded pages.
    public func index(of id: StoryID) -> Int? {
        for (p, rows) in pages {
            if let i = rows.firstIndex(where: { $0.id == id }) { return p * Self.pageSize + i }
        }
        return nil
    }
}

/// The story in the centre pane.
public struct OpenStory: Sendable {
    public var archived: ArchivedStory
    public var layout: StoryLayout
    /// First line shown.
    public var scroll = 0
    /// The words the user jumped to (a mention or a quote), drawn reversed.
    public var focus: Span?

    public var id: StoryID { archived.id }
    public var story: Story { archived.annotated.story }
}

/// Whether the entity sidebar lists the open story's entities or the archive's.
public enum EntityScope: Sendable, Hashable { case story, archive }

/// A row of the entity sidebar: a section header or an entity.
public struct EntityRow: Sendable, Hashable {
    public var id: EntityID?
    public var name: String
    public var type: EntityType
    public var count: Int
    public var isHeader: Bool { id == nil }
}

/// A row of the quotes pane: a speaker header or one of their quotes.
public enum QuoteRow: Sendable, Hashable {
    case speaker(name: String, count: Int, stories: Int)
    case quote(QuoteRecord)

    public var quote: QuoteRecord? {
        if case .quote(let q) = self { return q }
        return nil
    }
}

/// Quotes filtered to one person across the archive.
public struct QuoteFilterState: Sendable, Hashable {
    public var speaker: EntityRecord
}

/// A walk through every mention of one entity, across stories. It goes a
/// mention at a time (each step asks the archive for the next one), so a
/// step costs the same for a person with 5 mentions or 50,000.
public struct MentionWalk: Sendable, Hashable {
    public var entity: EntityRecord
    /// The mention shown, or nil before the first step.
    public var current: MentionRecord?
    /// Where `current` stands among all the entity's mentions and stories.
    public var ordinal: MentionOrdinal?

    public init(entity: EntityRecord, current: MentionRecord? = nil, ordinal: MentionOrdinal? = nil) {
        self.entity = entity
        self.current = current
        self.ordinal = ordinal
    }
}

/// The result list of a full-text search, and where its words stand in
/// the result being read.
public struct SearchState: Sendable, Hashable {
    /// Results are loaded a page at a time.
    public static let pageSize = 50
    public var query: String
    public var hits: [SearchHit]
    /// The result being read.
    public var index: Int
    /// The search words in the body of the result's story, in reading order
    /// (`n`/`N` step through them); empty until that story is open.
    public var matches: [Span] = []
    /// Every matching word of the story, headline included, to highlight.
    public var marks: [Span] = []
    /// The match shown, nil until the result's story is open.
    public var match: Int?
    /// Entering a story going back (`N`) lands on its last match.
    public var fromEnd = false
    /// How many results the archive has given (a search among quotes gives
    /// a story once per quote; `hits` keeps each story once).
    public var loaded = 0
    /// Whether every result is loaded (a short page was the last).
    public var complete = false

    public init(query: String, hits: [SearchHit], index: Int) {
        self.query = query
        self.index = index
        self.hits = []
        add(hits)
    }

    /// Adds a page of results, each story once; returns how many were new.
    @discardableResult
    public mutating func add(_ page: [SearchHit]) -> Int {
        var known = Set(hits.map(\.story))
        let new = page.filter { known.insert($0.story).inserted }
        hits += new
        loaded += page.count
        complete = page.count < Self.pageSize
        return new.count
    }

    /// The story of the result being read.
    public var story: StoryID? { hits.indices.contains(index) ? hits[index].story : nil }
}

/// What a prompt on the status line is asking for.
public enum PromptKind: Sendable, Hashable { case filter, search, command }

/// A one-line text input on the status line.
public struct Prompt: Sendable, Hashable {
    public var kind: PromptKind
    public var text = ""
    /// Speaker names that complete `text` (filter prompt only).
    public var completions: [EntityRecord] = []
    /// The completion `Tab` last put into `text`.
    public var completion: Int?

    public var label: String {
        switch kind {
        case .filter: return "Filter quotes by person: "
        case .search: return "Search: "
        case .command: return ":"
        }
    }
}

/// A window over the panes.
public enum Overlay: Sendable, Hashable {
    case help(scroll: Int)
    case related(story: StoryID, items: [RelatedStory], selection: Int)
    /// The results of the search in `ReaderState.search`, to choose one from.
    /// Keys it does not use close it and act as usual (`n` reads on).
    case results(selection: Int)
    /// Why a quote has its speaker: its attribution's rule, cue, mention,
    /// chain and confidence. Enter jumps to the mention.
    case why(QuoteRecord)
}

/// The reader's whole state: a value, changed only by `Reducer.reduce`.
public struct ReaderState: Sendable {
    public var width: Int
    public var height: Int
    public var focus: PaneID = .stories
    public var stories = StoryListState()
    public var open: OpenStory?
    public var entityScope: EntityScope = .story
    public var archiveEntities: [EntityRecord] = []
    public var entityRows: [EntityRow] = []
    public var entitySelection = 0
    public var entityScroll = 0
    public var quoteFilter: QuoteFilterState?
    public var quoteRows: [QuoteRow] = []
    public var quoteSelection = 0
    public var quoteScroll = 0
    public var walk: MentionWalk?
    public var search: SearchState?
    public var prompt: Prompt?
    public var overlay: Overlay?
    /// One line for the status bar until the next key (errors, "no more mentions").
    public var message: String?
    /// Work going on in the background (a fetch), shown when there is no message.
    public var activity: String?
    /// Effects asked for and not yet carried out (`ReaderSession.takeEffects()`).
    public var effects: [ReaderEffect] = []
    /// Stories other processes committed since the list was last loaded.
    public var newStories = 0
    public var shouldQuit = false

    public init(width: Int = 160, height: Int = 48) {
        self.width = width
        self.height = height
    }

    public var layout: Layout { Layout(width: width, height: height, focus: focus) }

    /// The story pane's text width (it does not depend on focus except in the
    /// one-pane layout, where every pane takes the full width).
    public var storyTextWidth: Int {
        let w = Layout(width: width, height: height, focus: .story).content(of: .story).width
        return max(10, w - 1)
    }

    /// The entity the sidebar has selected.
    public var selectedEntity: EntityRow? {
        guard entityRows.indices.contains(entitySelection), !entityRows[entitySelection].isHeader else { return nil }
        return entityRows[entitySelection]
    }

    /// The quote the quotes pane has selected.
    public var selectedQuote: QuoteRecord? {
        quoteRows.indices.contains(quoteSelection) ? quoteRows[quoteSelection].quote : nil
    }
}
