import NewsArchive
import NewsKit

/// The reader over one archive: feeds actions to the pure reducer, carries
/// out the archive requests it returns, and renders frames. The terminal
/// backend and the benchmarks drive the reader through this type.
public struct ReaderSession: Sendable {
    public private(set) var state: ReaderState
    public let archive: any ArchiveStore
    /// How many archive entities the sidebar lists per type in archive scope.
    public var archiveEntityLimit = 60
    /// Quotes of a filtered person are loaded a page at a time.
    public var quotePageSize = 200

    /// A session showing the newest stories; the first frame is ready when
    /// this returns.
    public init(archive: any ArchiveStore, width: Int, height: Int) {
        self.archive = archive
        state = ReaderState(width: width, height: height)
        perform(.storyCount)
    }

    /// Applies an action and everything it leads to.
    public mutating func send(_ action: Action) {
        var queue = [action]
        var i = 0
        // Requests answered by actions that make more requests (the first
        // page opening the first story) are bounded: stop a runaway loop.
        while i < queue.count, i < 64 {
            let requests = Reducer.reduce(&state, queue[i])
            for r in requests { queue.append(answer(r)) }
            i += 1
        }
    }

    /// Sends a key.
    public mutating func press(_ key: Key) { send(.key(key)) }

    /// The effects the last actions asked for (opening a link, a fetch), once:
    /// the caller carries them out and sends back what came of them.
    public mutating func takeEffects() -> [ReaderEffect] {
        defer { state.effects = [] }
        return state.effects
    }

    /// The current frame.
    public func render() -> CellBuffer { Renderer.render(state) }

    mutating func perform(_ request: ArchiveRequest) { send(answer(request)) }

    /// Carries out one request against the archive. Failures come back as a
    /// one-line message; the reader keeps working.
    public func answer(_ request: ArchiveRequest) -> Action {
        do {
            switch request {
            case .storyCount:
                return .storyCountLoaded(try archive.storyCount())
            case .storiesPage(let p):
                let rows = try archive.stories(offset: p * StoryListState.pageSize, limit: StoryListState.pageSize)
                return .storiesLoaded(page: p, rows)
            case .openStory(let id, let focus):
                guard let s = try archive.story(id: id) else { return .failed("story \(id) is no longer in the archive") }
                return .storyLoaded(s, focus: focus)
            case .archiveEntities:
                var all: [EntityRecord] = []
                for t in [EntityType.person, .organization, .place] {
                    all += try archive.entities(type: t, story: nil, offset: 0, limit: archiveEntityLimit)
                }
                return .archiveEntitiesLoaded(all)
            case .speakerCompletions(let text):
                // Speakers first; then other people, whose mentions `]` can still walk.
                var found = try archive.speakers(matching: text, limit: 8)
                if found.count < 8 {
                    for e in try archive.findEntities(named: text, type: .person, limit: 8)
                    where found.count < 8 && !found.contains(where: { $0.id == e.id }) {
                        found.append(e)
                    }
                }
                return .completionsLoaded(query: text, found)
            case .filter(let name, let id):
                var speaker: EntityRecord?
                if let id { speaker = try archive.entity(id: id) }
                if speaker == nil { speaker = try archive.speakers(matching: name, limit: 1).first }
                if speaker == nil { speaker = try archive.findEntities(named: name, type: .person, limit: 1).first }
                guard let speaker else { return .failed("no person named “\(name)” in the archive") }
                let quotes = try archive.quotes(QuoteFilter(speakerID: speaker.id, limit: quotePageSize))
                return .filterLoaded(speaker, quotes)
            case .mentions(let id, let step, let from):
                guard let entity = try archive.entity(id: id) else { return .failed("entity \(id) is no longer in the archive") }
                let (found, ordinal) = try mention(of: id, from: from, step: step)
                return .mentionStepped(entity, found, ordinal, step: step)
            case .mentionStep(let id, let from, let step):
                let (found, ordinal) = try mention(of: id, from: from, step: step)
                return .mentionStepped(nil, found, ordinal, step: step)
            case .moreQuotes(let speaker, let offset):
                let page = try archive.quotes(QuoteFilter(speakerID: speaker, limit: quotePageSize, offset: offset))
                return .moreQuotesLoaded(speaker: speaker, page)
            case .search(let words):
                return .searchLoaded(query: words, try archive.search(words, offset: 0, limit: SearchState.pageSize))
            case .moreResults(let words, let offset):
                return .moreResultsLoaded(query: words, try archive.search(words, offset: offset, limit: SearchState.pageSize))
            case .related(let id):
                return .relatedLoaded(story: id, try archive.related(story: id, limit: 20))
            }
        } catch {
            return .failed(oneLine("\(error)"))
        }
    }

    /// The next (previous) mention and its exact place among all of them:
    /// two index lookups and two index counts, whatever the archive's size.
    func mention(of id: EntityID, from: ArchivePosition?, step: Int) throws -> (MentionRecord?, MentionOrdinal?) {
        guard let found = try archive.mention(of: id, from: from, direction: step > 0 ? .forward : .backward) else {
            return (nil, nil)
        }
        return (found, try archive.mentionOrdinal(of: id, at: found.position))
    }

    func oneLine(_ s: String) -> String {
        String(s.split(whereSeparator: \.isNewline).first ?? "archive error")
    }
}
