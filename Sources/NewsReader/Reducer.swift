import NewsArchive
import NewsKit

/// The reader's logic: a pure function of state and action. It never touches
/// the archive; it returns requests that `ReaderSession` carries out.
public enum Reducer {
    /// Applies `action` to `state`; returns what must be fetched from the archive.
    public static func reduce(_ state: inout ReaderState, _ action: Action) -> [ArchiveRequest] {
        switch action {
        case .key(let key):
            state.message = nil
            return handle(key: key, &state)
        case .type(let text):
            guard state.prompt != nil else { return [] }
            state.prompt!.text += text
            state.prompt!.completion = nil
            return completionRequest(state)
        case .mouse(let event):
            return handle(mouse: event, &state)
        case .resize(let w, let h):
            state.width = max(1, w)
            state.height = max(1, h)
            relayoutStory(&state)
            keepSelectionsVisible(&state)
            return []
        case .storyCountLoaded(let n):
            state.stories.count = n
            state.stories.selection = min(state.stories.selection, max(0, n - 1))
            keepSelectionsVisible(&state)
            guard n > 0 else { return [] }
            let pages = missingStoryPages(state)
            return pages.contains(.storiesPage(0)) ? pages : [.storiesPage(0)] + pages
        case .storiesLoaded(let page, let rows):
            state.stories.pages[page] = rows
            // Keep memory flat on a big archive: drop the pages farthest
            // from the selection (they load again when scrolled back to).
            let keep = StoryListState.maxLoadedPages
            if state.stories.pages.count > keep {
                let here = state.stories.selection / StoryListState.pageSize
                let far = state.stories.pages.keys.sorted { abs($0 - here) > abs($1 - here) }
                for p in far.prefix(state.stories.pages.count - keep) where p != page { state.stories.pages[p] = nil }
            }
            // A story asked for before its page was here.
            if let i = state.stories.pendingOpen, i / StoryListState.pageSize == page {
                state.stories.pendingOpen = nil
                if let s = state.stories.summary(at: i) { return [.openStory(s.id, focus: nil)] }
            }
            // The first page of a fresh session opens the newest story.
            if state.open == nil, page == 0, let first = rows.first { return [.openStory(first.id, focus: nil)] }
            return []
        case .storyLoaded(let archived, let focus):
            let keep = state.open?.id == archived.id ? state.open?.scroll : nil
            var open = OpenStory(archived: archived, layout: StoryLayout(story: archived.annotated.story, width: state.storyTextWidth))
            open.focus = focus
            open.scroll = keep ?? 0
            state.open = open
            if let i = state.stories.index(of: archived.id) {
                state.stories.selection = i
            }
            if let focus { scrollStory(to: focus, &state) }
            // The result of a search opening: to its first (or last) match.
            if let search = state.search, search.match == nil, search.story == archived.id { enterSearchHit(&state) }
            if state.entityScope == .story { rebuildEntityRows(&state, keepSelection: true) }
            if state.quoteFilter == nil { rebuildStoryQuotes(&state) }
            keepSelectionsVisible(&state)
            return []
        case .archiveEntitiesLoaded(let list):
            state.archiveEntities = list
            if state.entityScope == .archive { rebuildEntityRows(&state, keepSelection: true) }
            return []
        case .completionsLoaded(let query, let list):
            guard state.prompt?.kind == .filter, state.prompt?.text == query else { return [] }
            state.prompt!.completions = list
            return []
        case .filterLoaded(let speaker, let quotes):
            state.quoteFilter = QuoteFilterState(speaker: speaker)
            // One person: one group under their archive name, however each
            // story spelled it. Story count only when every quote is loaded.
            let complete = quotes.count >= speaker.quoteCount
            state.quoteRows = quotes.isEmpty ? [] : [.speaker(name: speaker.name, count: max(quotes.count, speaker.quoteCount),
                                                               stories: complete ? Set(quotes.map(\.story)).count : 0)]
                + quotes.map { .quote($0) }
            state.quoteSelection = state.quoteRows.firstIndex(where: { $0.quote != nil }) ?? 0
            state.quoteScroll = 0
            if quotes.isEmpty { state.message = "no quotes by \(speaker.name)" }
            return []
        case .mentionStepped(let entity, let record, let ordinal, let step):
            if let entity, state.walk?.entity.id != entity.id {
                state.walk = MentionWalk(entity: entity)
            }
            guard var walk = state.walk else { return [] }
            guard let m = record else {
                state.message = step > 0 ? "no more mentions of \(walk.entity.name) · [ goes back"
                    : "no earlier mention of \(walk.entity.name) · ] goes on"
                return []
            }
            walk.current = m
            walk.ordinal = ordinal
            state.walk = walk
            state.message = walkMessage(walk)
            return show(story: m.story, focus: span(of: m), &state)
        case .moreQuotesLoaded(let speaker, let page):
            guard state.quoteFilter?.speaker.id == speaker, !page.isEmpty else { return [] }
            let known = Set(state.quoteRows.compactMap(\.quote))
            state.quoteRows.append(contentsOf: page.filter { !known.contains($0) }.map { .quote($0) })
            return []
        case .searchLoaded(let query, let hits):
            guard !hits.isEmpty else {
                state.search = nil
                state.message = "no stories match “\(query)”"
                return []
            }
            state.search = SearchState(query: query, hits: hits, index: 0)
            // The first result opens behind the list of them: Enter picks
            // another, Esc (or n) reads this one.
            if hits.count > 1 { state.overlay = .results(selection: 0) }
            return openSearchHit(&state, fromEnd: false)
        case .moreResultsLoaded(let query, let page):
            guard var search = state.search, search.query == query else { return [] }
            let new = search.add(page)
            state.search = search
            // Asked for by the results list going past its end: show them there.
            if case .results(let selection)? = state.overlay {
                if new == 0, !search.complete { return [.moreResults(query, offset: search.loaded)] }
                state.overlay = .results(selection: min(selection + 1, search.hits.count - 1))
                return []
            }
            guard new > 0 else {
                // A page of stories already listed: read on, or stop at the end.
                if !search.complete { return [.moreResults(query, offset: search.loaded)] }
                state.message = "last match for “\(query)” · N goes back"
                return []
            }
            search.index += 1
            state.search = search
            return openSearchHit(&state, fromEnd: false)
        case .relatedLoaded(let story, let items):
            if items.isEmpty {
                state.message = "no related stories"
                return []
            }
            state.overlay = .related(story: story, items: items, selection: 0)
            return []
        case .newStories(let n):
            guard n > 0 else { return [] }
            state.newStories += n
            state.message = "\(state.newStories) new \(state.newStories == 1 ? "story" : "stories") — Ctrl-L"
            return []
        case .failed(let line), .note(let line):
            state.message = line
            return []
        case .fetchProgress(let done, let total):
            state.activity = "fetching feeds \(done)/\(total)…"
            return []
        case .fetchFinished(let summary):
            state.activity = nil
            state.message = summary
            return run(.refresh, &state)
        }
    }

    // MARK: keys

    static func handle(key: Key, _ state: inout ReaderState) -> [ArchiveRequest] {
        if state.prompt != nil { return handlePrompt(key: key, &state) }
        if let overlay = state.overlay { return handleOverlay(overlay, key: key, &state) }
        // Esc clears the filter (as `F` does) outside prompts and overlays.
        if key == .escape {
            return clearFilter(&state)
        }
        guard let command = ActionTable.command(for: key) else { return [] }
        return run(command, &state)
    }

    /// Carries out one command of the action table.
    public static func run(_ command: Command, _ state: inout ReaderState) -> [ArchiveRequest] {
        switch command {
        case .quit:
            state.shouldQuit = true
            return []
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        case .openLink:
            guard let open = state.open else { return [] }
            guard let url = open.story.url, !url.isEmpty else {
                state.message = "this story has no web address"
                return []
            }
            let lower = url.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                state.message = "not opening \(url): not an http(s) address"
                return []
            }
            state.effects.append(.openURL(url))
            return []
        case .fetchFeeds:
            if state.activity != nil {
                state.message = "a fetch is already running"
                return []
            }
            state.activity = "fetching feeds…"
            state.effects.append(.fetchFeeds)
            return []
        case .refresh:
            // Another process may have ingested stories: count and page again.
            state.newStories = 0
            state.stories.pages = [:]
            state.archiveEntities = []
            var requests: [ArchiveRequest] = [.storyCount]
            if state.entityScope == .archive { requests.append(.archiveEntities) }
            if let open = state.open { requests.append(.openStory(open.id, focus: open.focus)) }
            return requests
        case .focusNext, .focusPrevious:
            let all = PaneID.allCases
            let i = all.firstIndex(of: state.focus)!
            let d = command == .focusNext ? 1 : all.count - 1
            state.focus = all[(i + d) % all.count]
            keepSelectionsVisible(&state)
            return []
        case .moveDown: return move(by: 1, &state)
        case .moveUp: return move(by: -1, &state)
        case .pageDown: return move(by: max(1, paneHeight(state.focus, state) - 1), &state)
        case .pageUp: return move(by: -max(1, paneHeight(state.focus, state) - 1), &state)
        case .top: return move(by: Int.min / 2, &state)
        case .bottom: return move(by: Int.max / 2, &state)
        case .open: return openSelection(&state)
        case .filterByPerson:
            if state.focus == .entities, let e = state.selectedEntity, e.type == .person {
                return [.filter(name: e.name, id: e.id)]
            }
            state.prompt = Prompt(kind: .filter)
            return []
        case .clearFilter:
            return clearFilter(&state)
        case .nextMention, .previousMention:
            let step = command == .nextMention ? 1 : -1
            guard let (id, _) = mentionTarget(state) else {
                state.message = "select an entity in the sidebar, or filter by a person (f), then ] / ["
                return []
            }
            return walk(id, step: step, &state)
        case .search:
            state.prompt = Prompt(kind: .search)
            return []
        case .nextResult, .previousResult:
            guard var search = state.search else {
                state.message = "no search yet: / searches"
                return []
            }
            let step = command == .nextResult ? 1 : -1
            // The next match in the story being read, like less; past its
            // last (first) match, on into the next (previous) result.
            if let m = search.match, state.open?.id == search.story, search.matches.indices.contains(m + step) {
                search.match = m + step
                state.search = search
                showSearchMatch(&state)
                return []
            }
            let n = search.index + step
            if step > 0, n == search.hits.count, !search.complete {
                return [.moreResults(search.query, offset: search.loaded)]
            }
            guard search.hits.indices.contains(n) else {
                state.message = step > 0 ? "last match for “\(search.query)” · N goes back" : "first match for “\(search.query)” · n goes on"
                return []
            }
            search.index = n
            state.search = search
            return openSearchHit(&state, fromEnd: step < 0)
        case .searchResults:
            guard let search = state.search else {
                state.message = "no search yet: / searches"
                return []
            }
            state.overlay = .results(selection: search.index)
            return []
        case .commandLine:
            state.prompt = Prompt(kind: .command)
            return []
        case .related:
            guard let open = state.open else { return [] }
            return [.related(open.id)]
        case .why:
            guard let q = state.selectedQuote else {
                state.message = "select a quote in the quotes pane, then w says how it got its speaker"
                return []
            }
            state.overlay = .why(q)
            return []
        case .toggleEntityScope:
            state.entityScope = state.entityScope == .story ? .archive : .story
            state.entitySelection = 0
            state.entityScroll = 0
            rebuildEntityRows(&state, keepSelection: false)
            return state.entityScope == .archive && state.archiveEntities.isEmpty ? [.archiveEntities] : []
        }
    }

    static func clearFilter(_ state: inout ReaderState) -> [ArchiveRequest] {
        guard state.quoteFilter != nil else { return [] }
        state.quoteFilter = nil
        if state.walk != nil, state.selectedEntity?.id != state.walk?.entity.id { state.walk = nil }
        rebuildStoryQuotes(&state)
        return []
    }

    /// The entity `]` and `[` walk: the filtered person while a filter is
    /// active, else the sidebar's selection.
    static func mentionTarget(_ state: ReaderState) -> (EntityID, String)? {
        if let f = state.quoteFilter { return (f.speaker.id, f.speaker.name) }
        if let e = state.selectedEntity, let id = e.id { return (id, e.name) }
        return nil
    }

    // MARK: moving

    static func paneHeight(_ pane: PaneID, _ state: ReaderState) -> Int {
        let h = state.layout.content(of: pane).height
        return h > 0 ? h : Layout(width: state.width, height: state.height, focus: pane).content(of: pane).height
    }

    static func move(by delta: Int, _ state: inout ReaderState) -> [ArchiveRequest] {
        func clamp(_ v: Int, _ count: Int) -> Int { max(0, min(count - 1, v)) }
        switch state.focus {
        case .stories:
            guard state.stories.count > 0 else { return [] }
            let sel = clamp(addClamped(state.stories.selection, delta), state.stories.count)
            state.stories.selection = sel
            keepSelectionsVisible(&state)
            return missingStoryPages(state)
        case .story:
            guard var open = state.open else { return [] }
            let h = paneHeight(.story, state)
            let maxScroll = max(0, open.layout.lines.count - h)
            open.scroll = max(0, min(maxScroll, addClamped(open.scroll, delta)))
            state.open = open
            return []
        case .entities:
            guard !state.entityRows.isEmpty else { return [] }
            var sel = clamp(addClamped(state.entitySelection, delta), state.entityRows.count)
            // Headers are not selectable: step past them in the direction of travel.
            if state.entityRows[sel].isHeader {
                let dir = delta >= 0 ? 1 : -1
                var s = sel
                while state.entityRows.indices.contains(s), state.entityRows[s].isHeader { s += dir }
                if !state.entityRows.indices.contains(s) {
                    s = sel
                    while state.entityRows.indices.contains(s), state.entityRows[s].isHeader { s -= dir }
                }
                if state.entityRows.indices.contains(s) { sel = s }
            }
            state.entitySelection = sel
            keepSelectionsVisible(&state)
            return []
        case .quotes:
            guard !state.quoteRows.isEmpty else { return [] }
            var sel = clamp(addClamped(state.quoteSelection, delta), state.quoteRows.count)
            if state.quoteRows[sel].quote == nil {
                let dir = delta >= 0 ? 1 : -1
                var s = sel
                while state.quoteRows.indices.contains(s), state.quoteRows[s].quote == nil { s += dir }
                if !state.quoteRows.indices.contains(s) {
                    s = sel
                    while state.quoteRows.indices.contains(s), state.quoteRows[s].quote == nil { s -= dir }
                }
                if state.quoteRows.indices.contains(s) { sel = s }
            }
            state.quoteSelection = sel
            keepSelectionsVisible(&state)
            // The selected quote's paragraph comes into view when it is in the open story.
            if let q = state.selectedQuote, q.story == state.open?.id {
                let span = Span(field: .body, paragraph: q.paragraph, start: q.range.first ?? 0, end: q.range.count > 1 ? q.range[1] : 0)
                state.open!.focus = span
                scrollStory(to: span, &state)
            }
            // Near the end of a filtered list that has more: the next page.
            if let f = state.quoteFilter, sel >= state.quoteRows.count - 20 {
                let loaded = state.quoteRows.filter { $0.quote != nil }.count
                if loaded < f.speaker.quoteCount { return [.moreQuotes(speaker: f.speaker.id, offset: loaded)] }
            }
            return []
        }
    }

    static func addClamped(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b > 0 ? Int.max / 2 : Int.min / 2) : r
    }

    /// Pages of the story list that the visible rows need.
    static func missingStoryPages(_ state: ReaderState) -> [ArchiveRequest] {
        let h = max(1, paneHeight(.stories, state))
        let first = state.stories.scroll
        let last = min(state.stories.count - 1, first + h)
        guard last >= first else { return [] }
        var out: [ArchiveRequest] = []
        for p in Set([first / StoryListState.pageSize, last / StoryListState.pageSize, state.stories.selection / StoryListState.pageSize]).sorted()
        where state.stories.pages[p] == nil {
            out.append(.storiesPage(p))
        }
        return out
    }

    /// The scroll offset that keeps `selection` in a window of `height` rows.
    public static func scroll(_ scroll: Int, keeping selection: Int, height: Int) -> Int {
        guard height > 0 else { return scroll }
        if selection < scroll { return selection }
        if selection >= scroll + height { return selection - height + 1 }
        return max(0, scroll)
    }

    static func keepSelectionsVisible(_ state: inout ReaderState) {
        state.stories.scroll = scroll(state.stories.scroll, keeping: state.stories.selection, height: paneHeight(.stories, state))
        state.entityScroll = scroll(state.entityScroll, keeping: state.entitySelection, height: paneHeight(.entities, state))
        state.quoteScroll = scroll(state.quoteScroll, keeping: state.quoteSelection, height: paneHeight(.quotes, state))
        if var open = state.open {
            let maxScroll = max(0, open.layout.lines.count - paneHeight(.story, state))
            open.scroll = min(open.scroll, maxScroll)
            state.open = open
        }
    }

    // MARK: opening things

    static func openSelection(_ state: inout ReaderState) -> [ArchiveRequest] {
        switch state.focus {
        case .stories:
            state.focus = .story
            return openListed(at: state.stories.selection, &state)
        case .story:
            return []
        case .entities:
            guard let e = state.selectedEntity, let id = e.id else { return [] }
            // Enter on an entity jumps to its next mention, like `]`.
            return walk(id, step: 1, &state)
        case .quotes:
            guard let q = state.selectedQuote else { return [] }
            let span = Span(field: .body, paragraph: q.paragraph, start: q.range.first ?? 0, end: q.range.count > 1 ? q.range[1] : 0)
            return show(story: q.story, focus: span, &state)
        }
    }

    /// Opens the story at a list position; when its page is not loaded yet
    /// (`:open 5000`, a click far down a big archive), loads the page and
    /// opens the story when the page arrives.
    static func openListed(at index: Int, _ state: inout ReaderState) -> [ArchiveRequest] {
        if let s = state.stories.summary(at: index) {
            state.stories.pendingOpen = nil
            return [.openStory(s.id, focus: nil)]
        }
        state.stories.pendingOpen = index
        let pages = missingStoryPages(state)
        let page = StoryListState.pageSize
        return pages.contains(.storiesPage(index / page)) ? pages : pages + [.storiesPage(index / page)]
    }

    /// Brings the story pane on screen when the layout hides it (one pane
    /// at a time on a small terminal): a jump or a search result is to be read.
    static func revealStory(_ state: inout ReaderState) {
        if state.layout.mode != .tooSmall, state.layout.panes[.story] == nil { state.focus = .story }
    }

    /// Shows a place in a story, opening the story when it is not the open one.
    static func show(story id: StoryID, focus: Span, _ state: inout ReaderState) -> [ArchiveRequest] {
        revealStory(&state)
        if state.open?.id == id {
            state.open!.focus = focus
            scrollStory(to: focus, &state)
            return []
        }
        return [.openStory(id, focus: focus)]
    }

    /// Scrolls the story so `span`'s line sits a third of the way down the pane.
    static func scrollStory(to span: Span, _ state: inout ReaderState) {
        guard var open = state.open else { return }
        let line = open.layout.line(field: span.field, paragraph: span.paragraph, offset: span.start)
        let h = paneHeight(.story, state)
        let maxScroll = max(0, open.layout.lines.count - h)
        if line < open.scroll || line >= open.scroll + h {
            open.scroll = max(0, min(maxScroll, line - h / 3))
        }
        state.open = open
    }

    /// Shows the current search result: its story scrolled to its first
    /// match (its last one, going back), opening it when it is not open.
    static func openSearchHit(_ state: inout ReaderState, fromEnd: Bool) -> [ArchiveRequest] {
        guard var s = state.search, let story = s.story else { return [] }
        s.matches = []
        s.marks = []
        s.match = nil
        s.fromEnd = fromEnd
        state.search = s
        state.message = searchMessage(s)
        revealStory(&state)
        if state.open?.id == story {
            enterSearchHit(&state)
            return []
        }
        return [.openStory(story, focus: nil)]
    }

    /// Finds the search words in the open story (the current result) and
    /// shows the first match, or the last when entering going back.
    static func enterSearchHit(_ state: inout ReaderState) {
        guard var s = state.search, let open = state.open, open.id == s.story else { return }
        s.marks = SearchMatches(query: s.query).spans(in: open.story)
        s.matches = s.marks.filter { $0.field == .body }
        s.match = s.matches.isEmpty ? nil : s.fromEnd ? s.matches.count - 1 : 0
        state.search = s
        if s.match == nil {
            // The words are only in the headline (or the index matched a form the
            // reader does not find): the story from its top.
            state.open!.focus = nil
            state.open!.scroll = 0
            state.message = searchMessage(s)
            return
        }
        showSearchMatch(&state)
    }

    /// Scrolls to the current match and marks it.
    static func showSearchMatch(_ state: inout ReaderState) {
        guard let s = state.search, let m = s.match, s.matches.indices.contains(m), state.open != nil else { return }
        state.open!.focus = s.matches[m]
        scrollStory(to: s.matches[m], &state)
        state.message = searchMessage(s)
    }

    /// "“quay”: match 2 of 5 · result 1 of 3".
    static func searchMessage(_ s: SearchState) -> String {
        let result = "result \(grouped(s.index + 1)) of \(grouped(s.hits.count))" + (s.complete ? "" : "+")
        guard let m = s.match else { return "“\(s.query)”: \(result)" }
        return "“\(s.query)”: match \(m + 1) of \(s.matches.count) · \(result)"
    }

    /// Where a new walk starts: the top of the story pane (a forward walk
    /// takes the first mention from there on, a backward one the last before).
    static func viewPosition(_ state: ReaderState, step: Int) -> ArchivePosition? {
        guard let open = state.open else { return nil }
        let line = open.layout.lines.indices.contains(open.scroll) ? open.layout.lines[open.scroll] : nil
        guard let line, open.scroll > 0 else {
            return ArchivePosition(story: open.id, field: .headline, paragraph: 0, offset: step > 0 ? -1 : 0)
        }
        let offset = line.range.lowerBound
        return ArchivePosition(story: open.id, field: line.field, paragraph: line.paragraph, offset: step > 0 ? offset - 1 : offset)
    }

    /// Steps the walk over `id`'s mentions: on from the mention shown, or,
    /// for a new walk (or one that found nothing yet), from the top of the
    /// story pane.
    static func walk(_ id: EntityID, step: Int, _ state: inout ReaderState) -> [ArchiveRequest] {
        if let walk = state.walk, walk.entity.id == id, let current = walk.current {
            return [.mentionStep(id, from: current.position, step: step)]
        }
        return [.mentions(id, step: step, from: viewPosition(state, step: step))]
    }

    /// "Ilse Marrow: mention 412 of 1,380 · story 57 of 311".
    static func walkMessage(_ walk: MentionWalk) -> String {
        guard let o = walk.ordinal else {
            return "\(walk.entity.name): \(grouped(walk.entity.mentionCount)) mentions in \(grouped(walk.entity.storyCount)) stories"
        }
        return "\(walk.entity.name): mention \(grouped(o.mention)) of \(grouped(o.mentionTotal))"
            + " · story \(grouped(o.story)) of \(grouped(o.storyTotal))"
    }

    /// A count with thousands separated by commas ("1,380"), as a desk reads it.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func span(of m: MentionRecord) -> Span {
        let field = Span.Field(rawValue: m.field) ?? .body
        return Span(field: field, paragraph: m.paragraph, start: m.range.first ?? 0, end: m.range.count > 1 ? m.range[1] : 0)
    }

    // MARK: derived rows

    static func relayoutStory(_ state: inout ReaderState) {
        guard var open = state.open else { return }
        let width = state.storyTextWidth
        guard open.layout.width != width else { return }
        // Keep the same text at the top of the pane across the re-wrap.
        let top = open.layout.lines.indices.contains(open.scroll) ? open.layout.lines[open.scroll] : nil
        open.layout = StoryLayout(story: open.story, width: width)
        if let top {
            open.scroll = open.layout.line(field: top.field, paragraph: top.paragraph, offset: top.range.lowerBound)
            if top.role == .blank || top.role == .dateline { open.scroll = max(0, open.scroll - 1) }
        }
        state.open = open
    }

    static func rebuildEntityRows(_ state: inout ReaderState, keepSelection: Bool) {
        let selectedID = keepSelection ? state.selectedEntity?.id : nil
        var byType: [EntityType: [EntityRow]] = [:]
        switch state.entityScope {
        case .story:
            if let open = state.open {
                let a = open.archived
                for (i, e) in a.annotated.entities.enumerated() where a.entityIDs.indices.contains(i) {
                    byType[e.type, default: []].append(EntityRow(id: a.entityIDs[i], name: e.name, type: e.type, count: e.mentions.count))
                }
            }
        case .archive:
            for e in state.archiveEntities {
                let t = EntityType(rawValue: e.type) ?? .other
                byType[t, default: []].append(EntityRow(id: e.id, name: e.name, type: t, count: e.mentionCount))
            }
        }
        var rows: [EntityRow] = []
        for (t, title) in [(EntityType.person, "People"), (.organization, "Organizations"), (.place, "Places")] {
            let list = (byType[t] ?? []).sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
            rows.append(EntityRow(id: nil, name: "\(title) (\(list.count))", type: t, count: 0))
            rows.append(contentsOf: list)
        }
        state.entityRows = rows
        if let selectedID, let i = rows.firstIndex(where: { $0.id == selectedID }) {
            state.entitySelection = i
        } else {
            state.entitySelection = rows.firstIndex(where: { !$0.isHeader }) ?? 0
            state.entityScroll = 0
        }
    }

    /// The open story's quotes, grouped by speaker.
    static func rebuildStoryQuotes(_ state: inout ReaderState) {
        guard let open = state.open else {
            state.quoteRows = []
            return
        }
        let a = open.archived
        let records = a.annotated.quotes.map { q -> QuoteRecord in
            let first = q.parts.first
            let speakerID = q.speakerEntity.flatMap { a.entityIDs.indices.contains($0) ? a.entityIDs[$0] : nil }
            return QuoteRecord(text: q.text, kind: q.kind.rawValue, speaker: q.speaker, speakerId: speakerID,
                               story: a.id, headline: open.story.headline, paragraph: first?.paragraph ?? 0,
                               range: [first?.start ?? 0, first?.end ?? 0],
                               attribution: q.attribution.map { ArticleJSON.AttributionJSON($0, in: open.story) })
        }
        state.quoteRows = groupedRows(records)
        state.quoteSelection = state.quoteRows.firstIndex(where: { $0.quote != nil }) ?? 0
        state.quoteScroll = 0
    }

    /// Rows of quotes grouped by speaker, speakers in order of their first
    /// quote, unattributed quotes last.
    static func groupedRows(_ quotes: [QuoteRecord]) -> [QuoteRow] {
        var order: [String] = []
        var groups: [String: [QuoteRecord]] = [:]
        for q in quotes {
            let key = q.speaker ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(q)
        }
        if let i = order.firstIndex(of: ""), i != order.count - 1 { order.remove(at: i); order.append("") }
        var rows: [QuoteRow] = []
        for key in order {
            let list = groups[key]!
            rows.append(.speaker(name: key.isEmpty ? "Unattributed" : key, count: list.count, stories: Set(list.map(\.story)).count))
            rows.append(contentsOf: list.map { .quote($0) })
        }
        return rows
    }

    // MARK: prompts and overlays

    static func completionRequest(_ state: ReaderState) -> [ArchiveRequest] {
        guard let p = state.prompt, p.kind == .filter else { return [] }
        let t = p.text.trimmingSpaces
        return t.isEmpty ? [] : [.speakerCompletions(t)]
    }

    static func handlePrompt(key: Key, _ state: inout ReaderState) -> [ArchiveRequest] {
        guard var p = state.prompt else { return [] }
        switch key {
        case .escape, .control("c"), .control("g"):
            state.prompt = nil
            return []
        case .backspace, .delete:
            if p.text.isEmpty {
                state.prompt = nil
                return []
            }
            p.text.removeLast()
            p.completion = nil
            state.prompt = p
            return completionRequest(state)
        case .control("u"):
            p.text = ""
            p.completion = nil
            p.completions = []
            state.prompt = p
            return []
        case .tab, .backTab:
            guard p.kind == .filter, !p.completions.isEmpty else { return [] }
            let n = p.completions.count
            let step = key == .tab ? 1 : n - 1
            let i = p.completion.map { ($0 + step) % n } ?? (key == .tab ? 0 : n - 1)
            p.completion = i
            p.text = p.completions[i].name
            state.prompt = p
            return []
        case .enter:
            state.prompt = nil
            let text = p.text.trimmingSpaces
            switch p.kind {
            case .filter:
                guard !text.isEmpty else { return [] }
                if let i = p.completion, p.completions.indices.contains(i), p.completions[i].name == p.text {
                    return [.filter(name: text, id: p.completions[i].id)]
                }
                if let exact = p.completions.first(where: { $0.name.lowercased() == text.lowercased() }) {
                    return [.filter(name: text, id: exact.id)]
                }
                return [.filter(name: text, id: nil)]
            case .search:
                return text.isEmpty ? [] : [.search(text)]
            case .command:
                return runCommandLine(text, &state)
            }
        case .character(let c):
            p.text.append(c)
            p.completion = nil
            state.prompt = p
            return completionRequest(state)
        default:
            return []
        }
    }

    /// `:filter NAME`, `:search WORDS`, `:open N`, `:quit`.
    static func runCommandLine(_ line: String, _ state: inout ReaderState) -> [ArchiveRequest] {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = parts.first?.lowercased() else { return [] }
        let arg = parts.count > 1 ? parts[1].trimmingSpaces : ""
        switch verb {
        case "q", "quit":
            state.shouldQuit = true
            return []
        case "filter", "f":
            if arg.isEmpty { return clearFilter(&state) }
            return [.filter(name: arg, id: nil)]
        case "search", "s":
            return arg.isEmpty ? [] : [.search(arg)]
        case "open", "o":
            guard let n = Int(arg), n >= 1, n <= state.stories.count else {
                state.message = "open: give a story number from 1 to \(state.stories.count)"
                return []
            }
            state.focus = .stories
            state.stories.selection = n - 1
            keepSelectionsVisible(&state)
            revealStory(&state)
            return openListed(at: n - 1, &state)
        case "help":
            state.overlay = .help(scroll: 0)
            return []
        default:
            state.message = "unknown command “\(verb)”: filter NAME, search WORDS, open N, quit"
            return []
        }
    }

    static func handleOverlay(_ overlay: Overlay, key: Key, _ state: inout ReaderState) -> [ArchiveRequest] {
        let command = ActionTable.command(for: key)
        let isHelp: Bool = if case .help = overlay { true } else { false }
        let isWhy: Bool = if case .why = overlay { true } else { false }
        if key == .escape || command == .quit || (command == .help && isHelp) || (command == .why && isWhy) {
            state.overlay = nil
            // Closing the results leaves the one being read, and says so.
            if case .results = overlay, let search = state.search { state.message = searchMessage(search) }
            return []
        }
        switch overlay {
        case .help(let scroll):
            var s = scroll
            switch command {
            case .moveDown: s += 1
            case .moveUp: s -= 1
            case .pageDown: s += 10
            case .pageUp: s -= 10
            case .top: s = 0
            case .bottom: s = Int.max / 2
            default: break
            }
            state.overlay = .help(scroll: max(0, min(s, OverlayView.maxHelpScroll(width: state.width, height: state.height))))
            return []
        case .related(let story, let items, let selection):
            var sel = selection
            switch command {
            case .moveDown: sel += 1
            case .moveUp: sel -= 1
            case .top: sel = 0
            case .bottom: sel = items.count - 1
            case .open:
                state.overlay = nil
                let id = items[selection].story.id
                return state.open?.id == id ? [] : [.openStory(id, focus: nil)]
            default: break
            }
            state.overlay = .related(story: story, items: items, selection: max(0, min(items.count - 1, sel)))
            return []
        case .results(let selection):
            guard var search = state.search, !search.hits.isEmpty else {
                state.overlay = nil
                return []
            }
            let page = max(1, OverlayView.rect(width: state.width, height: state.height).inset(1).height / 2 - 1)
            if selection == search.hits.count - 1, !search.complete, [.moveDown, .pageDown, .bottom].contains(command) {
                // Past the last result loaded: the next page.
                return [.moreResults(search.query, offset: search.loaded)]
            }
            var sel = selection
            switch command {
            case .moveDown: sel += 1
            case .moveUp: sel -= 1
            case .pageDown: sel += page
            case .pageUp: sel -= page
            case .top: sel = 0
            case .bottom: sel = search.hits.count - 1
            case .open:
                state.overlay = nil
                search.index = selection
                state.search = search
                return openSearchHit(&state, fromEnd: false)
            default:
                // Not a key of the list: close it and do what the key does.
                state.overlay = nil
                return command.map { run($0, &state) } ?? []
            }
            state.overlay = .results(selection: max(0, min(search.hits.count - 1, sel)))
            return []
        case .why(let q):
            state.overlay = nil
            guard command == .open else {
                // Not a key of the explanation: close it and do what the key does.
                return command.map { run($0, &state) } ?? []
            }
            guard let mention = q.attribution?.mention else {
                state.message = "no words name this quote's speaker: nothing to jump to"
                return []
            }
            return show(story: q.story, focus: mention.span, &state)
        }
    }

    // MARK: mouse

    static func handle(mouse: MouseEvent, _ state: inout ReaderState) -> [ArchiveRequest] {
        guard state.prompt == nil else { return [] }
        // Over an overlay (help, results, related) the wheel moves in it, as ↓ and ↑ do.
        if let overlay = state.overlay {
            switch mouse {
            case .wheelDown: return handleOverlay(overlay, key: .down, &state)
            case .wheelUp: return handleOverlay(overlay, key: .up, &state)
            case .click: return []
            }
        }
        state.message = nil
        let layout = state.layout
        switch mouse {
        case .click(let x, let y):
            guard let pane = layout.pane(atX: x, y: y) else { return [] }
            state.focus = pane
            let content = layout.content(of: pane)
            guard content.contains(x: x, y: y) else { return [] }
            let row = y - content.y
            switch pane {
            case .stories:
                let i = state.stories.scroll + row
                guard i < state.stories.count else { return [] }
                state.stories.selection = i
                return openListed(at: i, &state)
            case .entities:
                let i = state.entityScroll + row
                if state.entityRows.indices.contains(i), !state.entityRows[i].isHeader { state.entitySelection = i }
            case .quotes:
                let i = state.quoteScroll + row
                if state.quoteRows.indices.contains(i), state.quoteRows[i].quote != nil { state.quoteSelection = i }
            case .story:
                break
            }
            return []
        case .wheelUp(let x, let y), .wheelDown(let x, let y):
            guard let pane = layout.pane(atX: x, y: y) else { return [] }
            let previous = state.focus
            state.focus = pane
            let delta = { if case .wheelUp = mouse { return -3 }; return 3 }()
            let requests = move(by: delta, &state)
            state.focus = previous
            return requests
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
