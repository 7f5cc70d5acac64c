import NewsArchive
import NewsKit
import Testing
@testable import NewsReader

/// The reducer and renderer on hand-built stories: what is on screen, where.
@Suite struct ReducerRenderTests {
    /// A shared archive's notifications add up on the status line until
    /// Ctrl-L reloads the list.
    @Test func newStoriesFromOtherWritersAreAnnouncedUntilRefresh() {
        var state = Fixtures.state()
        _ = Reducer.reduce(&state, .newStories(1))
        #expect(state.message == "1 new story — Ctrl-L")
        #expect(Renderer.render(state).text.contains("1 new story — Ctrl-L"))
        _ = Reducer.reduce(&state, .newStories(0))
        _ = Reducer.reduce(&state, .newStories(2))
        #expect(state.message == "3 new stories — Ctrl-L")
        let requests = Reducer.reduce(&state, .key(.control("l")))
        #expect(requests.contains(.storyCount))
        #expect(state.newStories == 0)
        _ = Reducer.reduce(&state, .newStories(1))
        #expect(state.message == "1 new story — Ctrl-L")
    }

    @Test func firstFrameShowsAllFourPanes() {
        let screen = Renderer.render(Fixtures.state())
        let text = screen.text
        #expect(screen.line(0).contains("Stories 1/2"))
        #expect(screen.line(0).contains("Story 1/2"))
        #expect(screen.line(0).contains("Entities · this story"))
        #expect(text.contains("Quotes · this story (2)"))
        #expect(text.contains("▶ Apr 02 Gull Wire Harbour board"))
        #expect(text.contains("Fleet returns"))
        #expect(text.contains("Ilse Marrow"))
        #expect(text.contains("Port Ellis Harbour Board"))
        #expect(text.contains("Ilse Marrow — 1 quote"))
        #expect(text.contains("We need another month to read the survey,"))
    }

    @Test func storyLinesAreWrappedInsideTheStoryPane() {
        let state = Fixtures.state()
        let screen = Renderer.render(state)
        let rect = state.layout.content(of: .story)
        for y in rect.y..<rect.maxY {
            // Nothing drawn past the pane's right border.
            #expect(screen[rect.maxX, y].text == "│")
        }
        #expect(screen.text.contains("PORT ELLIS (Gull Wire) · 2031-04-02"))
    }

    @Test func quotesAreHighlightedByKind() {
        let state = Fixtures.state()
        let screen = Renderer.render(state)
        let rect = state.layout.content(of: .story)
        // Find "We need" on screen: its cells carry the direct-quote style.
        var found = false
        for y in rect.y..<rect.maxY {
            let line = screen.line(y)
            if let r = line.range(of: "We need") {
                let x = line.distance(from: line.startIndex, to: r.lowerBound)
                #expect(screen[x, y].style == Theme.quote("direct"))
                found = true
            }
        }
        #expect(found)
    }

    @Test func tabCyclesFocusAndEnterOpensTheSelectedStory() {
        var s = Fixtures.state()
        #expect(s.focus == .stories)
        _ = Reducer.reduce(&s, .key(.character("j")))
        #expect(s.stories.selection == 1)
        let requests = Reducer.reduce(&s, .key(.enter))
        #expect(requests == [.openStory(2, focus: nil)])
        _ = Reducer.reduce(&s, .storyLoaded(Fixtures.fleet, focus: nil))
        #expect(s.open?.id == 2)
        #expect(s.focus == .story)
        let text = Renderer.render(s).text
        #expect(text.contains("▶ Apr 03 Gull Wire Fleet returns"))
        #expect(text.contains("Tamsin Achebe — 1 quote"))
        _ = Reducer.reduce(&s, .key(.tab))
        #expect(s.focus == .entities)
        _ = Reducer.reduce(&s, .key(.backTab))
        _ = Reducer.reduce(&s, .key(.backTab))
        #expect(s.focus == .stories)
    }

    @Test func filterByPersonShowsTheirQuotesAcrossStories() {
        var s = Fixtures.state()
        _ = Reducer.reduce(&s, .key(.character("f")))
        #expect(s.prompt?.kind == .filter)
        let r = Reducer.reduce(&s, .type("Mar"))
        #expect(r == [.speakerCompletions("Mar")])
        let marrow = EntityRecord(id: 1, name: "Ilse Marrow", type: "person", mentionCount: 5, storyCount: 2)
        _ = Reducer.reduce(&s, .completionsLoaded(query: "Mar", [marrow]))
        #expect(Renderer.render(s).line(47).contains("Filter quotes by person: Mar"))
        #expect(Renderer.render(s).line(47).contains("Ilse Marrow"))
        _ = Reducer.reduce(&s, .key(.tab))
        #expect(s.prompt?.text == "Ilse Marrow")
        let req = Reducer.reduce(&s, .key(.enter))
        #expect(req == [.filter(name: "Ilse Marrow", id: 1)])
        let quotes = [
            QuoteRecord(text: "We need another month to read the survey,", kind: "direct", speaker: "Ilse Marrow", speakerId: 1,
                        story: 1, headline: "Harbour board delays vote on new quay", paragraph: 1, range: [3, 47]),
            QuoteRecord(text: "Nobody was left outside,", kind: "direct", speaker: "Ilse Marrow", speakerId: 1,
                        story: 2, headline: "Fleet returns early as storm nears Port Ellis", paragraph: 2, range: [3, 27]),
        ]
        _ = Reducer.reduce(&s, .filterLoaded(marrow, quotes))
        let text = Renderer.render(s).text
        #expect(text.contains("Quotes by Ilse Marrow · 2 in 2 stories · F clears"))
        #expect(text.contains("Ilse Marrow — 2 quotes in 2 stories"))
        #expect(text.contains("Nobody was left outside,"))
        #expect(!s.quoteRows.contains { $0.quote?.text == "a slow drowning" })
        #expect(Renderer.render(s).line(47).contains("filter: Ilse Marrow"))
        _ = Reducer.reduce(&s, .key(.character("F")))
        #expect(s.quoteFilter == nil)
        #expect(Renderer.render(s).text.contains("Quotes · this story (2)"))
    }

    @Test func mentionWalkCrossesIntoTheNextStoryAndBack() {
        var s = Fixtures.state()
        // Select Ilse Marrow in the sidebar.
        _ = Reducer.reduce(&s, .key(.tab))
        _ = Reducer.reduce(&s, .key(.tab))
        #expect(s.focus == .entities)
        #expect(s.selectedEntity?.name == "Ilse Marrow")
        let r = Reducer.reduce(&s, .key(.character("]")))
        #expect(r == [.mentions(1, step: 1, from: ArchivePosition(story: 1, field: .headline, paragraph: 0, offset: -1))])
        let marrow = EntityRecord(id: 1, name: "Ilse Marrow", type: "person", mentionCount: 5, storyCount: 2)
        func record(_ st: ArchivedStory) -> [MentionRecord] {
            let i = st.entityIDs.firstIndex(of: 1)!
            return st.annotated.entities[i].mentions.map {
                MentionRecord(text: $0.text, entity: 1, story: st.id, headline: st.annotated.story.headline, field: "body",
                              paragraph: $0.span.paragraph, range: [$0.span.start, $0.span.end], context: "")
            }
        }
        let all = record(Fixtures.quay) + record(Fixtures.fleet)
        #expect(all.count == 5)
        // The archive answers each step with the mention and its exact place.
        func answer(_ i: Int, entity: EntityRecord? = nil, step: Int = 1) -> [ArchiveRequest] {
            let o = MentionOrdinal(mention: i + 1, mentionTotal: 5, story: i < 3 ? 1 : 2, storyTotal: 2)
            return Reducer.reduce(&s, .mentionStepped(entity, all[i], o, step: step))
        }
        _ = answer(0, entity: marrow)
        #expect(s.message == "Ilse Marrow: mention 1 of 5 · story 1 of 2")
        #expect(s.open?.focus?.paragraph == 0)
        // The next step goes on from the mention shown.
        #expect(Reducer.reduce(&s, .key(.character("]"))) == [.mentionStep(1, from: all[0].position, step: 1)])
        _ = answer(1)
        _ = answer(2)
        #expect(s.message == "Ilse Marrow: mention 3 of 5 · story 1 of 2")
        let cross = answer(3)
        #expect(cross == [.openStory(2, focus: Span(paragraph: 1, start: all[3].range[0], end: all[3].range[1]))])
        #expect(s.message == "Ilse Marrow: mention 4 of 5 · story 2 of 2")
        _ = Reducer.reduce(&s, .storyLoaded(Fixtures.fleet, focus: Span(paragraph: 1, start: all[3].range[0], end: all[3].range[1])))
        // The mention is on screen, reversed.
        let screen = Renderer.render(s)
        #expect(screen.text.contains("Ilse Marrow opened the harbour gates"))
        #expect(screen.cells.contains { $0.text == "I" && $0.style.reverse })
        _ = answer(4)
        #expect(s.message == "Ilse Marrow: mention 5 of 5 · story 2 of 2")
        _ = Reducer.reduce(&s, .mentionStepped(nil, nil, nil, step: 1))
        #expect(s.message?.hasPrefix("no more mentions of Ilse Marrow") == true)
        // Going back starts from the mention still shown.
        #expect(Reducer.reduce(&s, .key(.character("["))) == [.mentionStep(1, from: all[4].position, step: -1)])
        let back = answer(2, step: -1)
        #expect(back.first.map { if case .openStory(1, _) = $0 { return true } else { return false } } == true)
        #expect(s.message == "Ilse Marrow: mention 3 of 5 · story 1 of 2")
    }

    @Test func countsAreGroupedInThousands() {
        #expect(Reducer.grouped(7) == "7")
        #expect(Reducer.grouped(200) == "200")
        #expect(Reducer.grouped(1380) == "1,380")
        #expect(Reducer.grouped(1_234_567) == "1,234,567")
        var s = Fixtures.state()
        let someone = EntityRecord(id: 1, name: "Ilse Marrow", type: "person", mentionCount: 1380, storyCount: 311)
        let m = MentionRecord(text: "Marrow", entity: 1, story: 1, headline: "", field: "body", paragraph: 0, range: [80, 86], context: "")
        _ = Reducer.reduce(&s, .mentionStepped(someone, m, MentionOrdinal(mention: 412, mentionTotal: 1380, story: 57, storyTotal: 311), step: 1))
        #expect(s.message == "Ilse Marrow: mention 412 of 1,380 · story 57 of 311")
        #expect(Renderer.render(s).text.contains("mention 412 of 1,380 · story 57 of 311"))
    }

    @Test func resizeKeepsTheSelectionAndRewrapsTheStory() {
        var s = Fixtures.state()
        _ = Reducer.reduce(&s, .key(.character("j")))
        _ = Reducer.reduce(&s, .resize(width: 80, height: 24))
        #expect(s.stories.selection == 1)
        #expect(s.open?.layout.width == s.storyTextWidth)
        let small = Renderer.render(s)
        #expect(small.width == 80 && small.height == 24)
        #expect(small.text.contains("Stories 2/2"))
        _ = Reducer.reduce(&s, .resize(width: 160, height: 48))
        #expect(s.stories.selection == 1)
        #expect(Renderer.render(s).text.contains("Entities · this story"))
    }

    @Test func everySizeDownToFortyByTwelveRendersWithoutGarbage() {
        var s = Fixtures.state()
        for (w, h) in [(160, 48), (120, 30), (100, 28), (80, 24), (60, 16), (40, 12), (39, 12), (20, 5), (1, 1)] {
            _ = Reducer.reduce(&s, .resize(width: w, height: h))
            for pane in PaneID.allCases {
                s.focus = pane
                let b = Renderer.render(s)
                #expect(b.width == w && b.height == h)
                for y in 0..<h { #expect(DisplayWidth.columns(of: b.line(y)) == w, "row \(y) at \(w)x\(h)") }
                if w < 40 || h < 12 { #expect(b.text.contains("too small") || h < 3) }
            }
            // Overlays and prompts fit too.
            let related = RelatedStory(story: Fixtures.summary(Fixtures.fleet), sharedEntities: 2)
            for overlay in [Overlay.help(scroll: 3), .related(story: 1, items: [related], selection: 0)] {
                s.overlay = overlay
                let b = Renderer.render(s)
                for y in 0..<h { #expect(DisplayWidth.columns(of: b.line(y)) == w) }
            }
            s.overlay = nil
            s.prompt = Prompt(kind: .filter, text: "Marrow 港口 🚢", completions: [
                EntityRecord(id: 1, name: "Ilse Marrow", type: "person", mentionCount: 5, storyCount: 2),
                EntityRecord(id: 9, name: "東京 Harbour Authority", type: "person", mentionCount: 1, storyCount: 1),
            ], completion: 1)
            let b = Renderer.render(s)
            for y in 0..<h { #expect(DisplayWidth.columns(of: b.line(y)) == w) }
            s.prompt = nil
        }
    }

    @Test func storyTextWithEscapeSequencesNeverReachesTheBuffer() {
        let hostile = Fixtures.story(
            id: 7, headline: "Clear\u{1B}[2J screen \u{1B}]52;c;c2VjcmV0\u{07} headline",
            paragraphs: ["Bell\u{07} back\u{08}space \u{1B}[31mred\u{1B}[0m and \u{9B}c1 and \u{202E}drawkcab."],
            quotes: [], entities: [], ids: [:])
        var s = ReaderState()
        _ = Reducer.reduce(&s, .storyCountLoaded(1))
        _ = Reducer.reduce(&s, .storiesLoaded(page: 0, [Fixtures.summary(hostile)]))
        _ = Reducer.reduce(&s, .storyLoaded(hostile, focus: nil))
        let b = Renderer.render(s)
        for cell in b.cells {
            #expect(!cell.text.unicodeScalars.contains { TerminalText.isUnsafe($0.value) }, "unsafe cell \(cell.text.debugDescription)")
        }
        #expect(b.text.contains("^[[31mred^[[0m"))
        #expect(b.text.contains("Clear^[[2J screen ^[]52;c;c2VjcmV0^G headline"))
    }

    @Test func commandLineRunsCommands() {
        var s = Fixtures.state()
        _ = Reducer.reduce(&s, .key(.character(":")))
        _ = Reducer.reduce(&s, .type("open 2"))
        #expect(Reducer.reduce(&s, .key(.enter)) == [.openStory(2, focus: nil)])
        _ = Reducer.reduce(&s, .key(.character(":")))
        _ = Reducer.reduce(&s, .type("search storm"))
        #expect(Reducer.reduce(&s, .key(.enter)) == [.search("storm")])
        _ = Reducer.reduce(&s, .key(.character(":")))
        _ = Reducer.reduce(&s, .type("bogus"))
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.message?.contains("unknown command") == true)
        _ = Reducer.reduce(&s, .key(.character(":")))
        _ = Reducer.reduce(&s, .type("quit"))
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(s.shouldQuit)
    }

    @Test func qClosesTheOverlayBeforeQuitting() {
        var s = Fixtures.state()
        _ = Reducer.reduce(&s, .key(.character("?")))
        #expect(s.overlay != nil)
        _ = Reducer.reduce(&s, .key(.character("q")))
        #expect(s.overlay == nil && !s.shouldQuit)
        _ = Reducer.reduce(&s, .key(.character("q")))
        #expect(s.shouldQuit)
    }

    @Test func mouseClickFocusesAndSelects() {
        var s = Fixtures.state()
        let rect = s.layout.content(of: .stories)
        let r = Reducer.reduce(&s, .mouse(.click(x: rect.x + 3, y: rect.y + 1)))
        #expect(s.stories.selection == 1)
        #expect(r == [.openStory(2, focus: nil)])
        let e = s.layout.content(of: .entities)
        _ = Reducer.reduce(&s, .mouse(.click(x: e.x + 2, y: e.y + 2)))
        #expect(s.focus == .entities)
        #expect(s.entitySelection == 2)
        _ = Reducer.reduce(&s, .mouse(.wheelDown(x: e.x + 2, y: e.y + 2)))
        #expect(s.entitySelection > 2)
    }

    @Test func selectingAQuoteScrollsItsParagraphIntoView() {
        var s = Fixtures.state(width: 80, height: 20)
        while s.focus != .quotes { _ = Reducer.reduce(&s, .key(.tab)) }
        _ = Reducer.reduce(&s, .key(.character("j")))
        let q = s.selectedQuote!
        #expect(q.text == "a slow drowning")
        #expect(s.open?.focus?.paragraph == 2)
        let line = s.open!.layout.line(field: .body, paragraph: 2, offset: q.range[0])
        let h = Reducer.paneHeight(.story, s)
        #expect(line >= s.open!.scroll && line < s.open!.scroll + h)
    }

    @Test func storyListPagesStayBoundedOnABigArchive() {
        var s = ReaderState()
        var requests = Reducer.reduce(&s, .storyCountLoaded(100_000))
        #expect(requests == [.storiesPage(0)])
        func page(_ p: Int) -> [StorySummary] {
            (0..<StoryListState.pageSize).map { i in
                StorySummary(id: StoryID(p * StoryListState.pageSize + i + 1), headline: "Story \(p * StoryListState.pageSize + i + 1)",
                             date: nil, agency: nil, source: "x", quoteCount: 0)
            }
        }
        _ = Reducer.reduce(&s, .storiesLoaded(page: 0, page(0)))
        // Page down through the list, answering each page request as the session would.
        for _ in 0..<200 {
            requests = Reducer.reduce(&s, .key(.pageDown))
            for case .storiesPage(let p) in requests { _ = Reducer.reduce(&s, .storiesLoaded(page: p, page(p))) }
            #expect(s.stories.pages.count <= StoryListState.maxLoadedPages)
        }
        let sel = s.stories.selection
        #expect(sel > 5000)
        #expect(s.stories.summary(at: sel)?.headline == "Story \(sel + 1)")
        #expect(Renderer.render(s).text.contains("Story \(sel + 1)"))
        // Back to the top: the first page is requested again.
        requests = Reducer.reduce(&s, .key(.character("g")))
        #expect(requests.contains(.storiesPage(0)))
    }

    @Test func aOneMegabyteParagraphOpensScrollsAndJumps() {
        let words = ["harbour", "quay", "Marrow", "東京", "tide", "“gates”", "Zoë"]
        var text = ""
        var i = 0
        while text.utf8.count < 1_000_000 { text += words[i % words.count] + " "; i += 1 }
        let big = Fixtures.story(id: 3, headline: "Long notice", paragraphs: [text], quotes: [], entities: [], ids: [:])
        var s = ReaderState()
        _ = Reducer.reduce(&s, .storyCountLoaded(1))
        _ = Reducer.reduce(&s, .storiesLoaded(page: 0, [Fixtures.summary(big)]))
        _ = Reducer.reduce(&s, .storyLoaded(big, focus: Span(paragraph: 0, start: 900_000, end: 900_010)))
        let open = s.open!
        #expect(open.layout.lines.count > 10_000)
        // The focus far down the paragraph is scrolled into view.
        let line = open.layout.line(field: .body, paragraph: 0, offset: 900_000)
        #expect(line >= open.scroll && line < open.scroll + Reducer.paneHeight(.story, s))
        s.focus = .story
        _ = Reducer.reduce(&s, .key(.character("G")))
        let b = Renderer.render(s)
        for y in 0..<b.height { #expect(DisplayWidth.columns(of: b.line(y)) == b.width) }
        #expect(b.text.contains("harbour") || b.text.contains("quay"))
    }

    @Test func aBackwardWalkStartsAboveTheTopOfThePane() {
        var s = Fixtures.state(width: 80, height: 20)
        while s.focus != .entities { _ = Reducer.reduce(&s, .key(.tab)) }
        while s.selectedEntity?.name != "Ilse Marrow" { _ = Reducer.reduce(&s, .key(.down)) }
        // At the top of the story: everything before the headline.
        #expect(Reducer.reduce(&s, .key(.character("[")))
                == [.mentions(1, step: -1, from: ArchivePosition(story: 1, field: .headline, paragraph: 0, offset: 0))])
        // Scrolled to the last paragraph: before its first line.
        s.open!.scroll = s.open!.layout.line(field: .body, paragraph: 3, offset: 0)
        #expect(Reducer.reduce(&s, .key(.character("[")))
                == [.mentions(1, step: -1, from: ArchivePosition(story: 1, field: .body, paragraph: 3, offset: 0))])
        // A walk whose first step found nothing starts again on the next key.
        let marrow = EntityRecord(id: 1, name: "Ilse Marrow", type: "person", mentionCount: 5, storyCount: 2)
        _ = Reducer.reduce(&s, .mentionStepped(marrow, nil, nil, step: -1))
        #expect(s.message?.hasPrefix("no earlier mention") == true)
        #expect(Reducer.reduce(&s, .key(.character("]"))).first.map {
            if case .mentions(1, step: 1, _) = $0 { return true } else { return false } } == true)
    }
}
