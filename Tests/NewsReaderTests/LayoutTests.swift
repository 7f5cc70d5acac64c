import Foundation
import NewsArchive
import Testing
@testable import NewsReader

@Suite struct LayoutTests {
    @Test func wideTerminalsShowAllFourPanesWithoutOverlap() {
        let l = Layout(width: 160, height: 48, focus: .stories)
        #expect(l.mode == .full)
        #expect(Set(l.panes.keys) == Set(PaneID.allCases))
        for (a, ra) in l.panes {
            #expect(ra.maxX <= 160 && ra.maxY <= 47, "\(a) leaves the screen")
            for (b, rb) in l.panes where a != b {
                let overlap = ra.x < rb.maxX && rb.x < ra.maxX && ra.y < rb.maxY && rb.y < ra.maxY
                #expect(!overlap, "\(a) overlaps \(b)")
            }
        }
        #expect(l.status == Rect(x: 0, y: 47, width: 160, height: 1))
    }

    @Test func mediumTerminalsShareTheLeftColumn() {
        let l = Layout(width: 80, height: 24, focus: .stories)
        #expect(l.mode == .medium)
        #expect(Set(l.panes.keys) == [.stories, .story, .quotes])
        let e = Layout(width: 80, height: 24, focus: .entities)
        #expect(Set(e.panes.keys) == [.entities, .story, .quotes])
        #expect(e.panes[.entities] == l.panes[.stories])
    }

    @Test func narrowTerminalsShowOnlyTheFocusedPane() {
        for pane in PaneID.allCases {
            let l = Layout(width: 40, height: 12, focus: pane)
            #expect(l.mode == .single)
            #expect(Array(l.panes.keys) == [pane])
            #expect(l.panes[pane] == Rect(x: 0, y: 0, width: 40, height: 11))
        }
    }

    @Test func belowFortyByTwelveIsTooSmall() {
        #expect(Layout(width: 39, height: 30, focus: .story).mode == .tooSmall)
        #expect(Layout(width: 100, height: 11, focus: .story).mode == .tooSmall)
    }
}

@Suite struct ActionTableTests {
    @Test func everyCommandHasAKeyAndNoKeyIsBoundTwice() {
        for c in Command.allCases { #expect(ActionTable.binding(of: c) != nil, "\(c) has no key") }
        var seen: Set<Key> = []
        for b in ActionTable.bindings {
            for k in b.keys {
                #expect(!seen.contains(k), "\(k.label) bound twice")
                seen.insert(k)
            }
        }
    }

    @Test func dispatchFollowsTheTable() {
        for b in ActionTable.bindings {
            for k in b.keys { #expect(ActionTable.command(for: k) == b.command) }
        }
        #expect(ActionTable.command(for: .character("z")) == nil)
    }

    @Test func theHelpOverlayListsEveryBindingFromTheTable() {
        var state = Fixtures.state(width: 160, height: 48)
        _ = Reducer.reduce(&state, .key(.character("?")))
        let screen = Renderer.render(state).text
        for b in ActionTable.bindings {
            #expect(screen.contains(b.help), "help lacks: \(b.help)")
        }
    }

    @Test func theStatusLineHintsComeFromTheTable() {
        let state = Fixtures.state()
        let status = Renderer.render(state).line(47)
        for h in ActionTable.hints { #expect(status.contains("\(h.key) \(h.word)"), "no hint \(h.word)") }
    }
}

@Suite struct ReadmeKeysTests {
    /// README.md's keys table is the action table's own Markdown: a key added,
    /// moved or reworded in the table fails here until the README says the same.
    @Test func theReadmeKeysTableIsTheActionTable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(ActionTable.markdownTable), "README.md's keys table should read:\n\(ActionTable.markdownTable)")
    }
}

@Suite struct NarrowTerminalTests {
    /// At 40x12 the help has no room beside the keys: each help line gets a
    /// row of its own, whole, and scrolling stops at the last row.
    @Test func theHelpIsReadableWholeOnASmallTerminal() {
        var state = Fixtures.state(width: 40, height: 12)
        _ = Reducer.reduce(&state, .key(.character("?")))
        var seen = Renderer.render(state).text
        var previous = ""
        for _ in 0..<200 {
            _ = Reducer.reduce(&state, .key(.character("j")))
            let frame = Renderer.render(state).text
            seen += frame
            if frame == previous { break }
            previous = frame
        }
        // Every help text is there whole, wrapped over rows, and every row is drawn.
        let rows = OverlayView.helpRows(width: 34)
        let helps = rows.map(\.help).filter { !$0.isEmpty }.joined(separator: " ")
        for b in ActionTable.bindings { #expect(helps.contains(b.help), "help lacks: \(b.help)") }
        for r in rows where !r.help.isEmpty { #expect(seen.contains(r.help), "never drawn: \(r.help)") }
        #expect(rows.allSatisfy { DisplayWidth.columns(of: $0.help) <= 30 })
        #expect(previous.contains(rows.last!.help), "the last row shows at the bottom")
        guard case .help(let scroll)? = state.overlay else { Issue.record("help closed"); return }
        #expect(scroll == OverlayView.maxHelpScroll(width: 40, height: 12))
        // k comes straight back up: no scrolling past the end to undo.
        _ = Reducer.reduce(&state, .key(.character("k")))
        guard case .help(let up)? = state.overlay else { return }
        #expect(up == scroll - 1)
    }

    @Test func aLongMessageIsCutWithAnEllipsisOnANarrowTerminal() {
        var state = Fixtures.state(width: 40, height: 12)
        state.message = "“harbour”: match 12 of 31 · result 7 of 50"
        let status = Renderer.render(state).line(11)
        #expect(status.contains("“harbour”: match"))
        #expect(status.trimmingCharacters(in: .whitespaces).hasSuffix("…"))
    }
}

@Suite struct PaneTitleTests {
    /// A title too long for its pane is cut with "…" and keeps its border.
    @Test func aLongTitleIsCutWithAnEllipsisInsideItsBorder() {
        var state = Fixtures.state(width: 80, height: 24)
        while state.focus != .entities { _ = Reducer.reduce(&state, .key(.tab)) }
        let top = Renderer.render(state).line(0)
        #expect(top.hasPrefix("┌─ Entities · this sto… ─┐"), "\(top)")
    }
}

@Suite struct OnePaneTests {
    /// At 40x12 one pane shows at a time: a search result or a mention jump
    /// brings the story pane up, so the match is on screen.
    @Test func aSearchResultOrAJumpShowsTheStoryPaneOnASmallTerminal() {
        var s = Fixtures.state(width: 40, height: 12)
        #expect(s.layout.mode == .single && s.focus == .stories)
        let hit = SearchHit(story: 2, headline: "", snippet: "", rank: 0)
        #expect(Reducer.reduce(&s, .searchLoaded(query: "gates", [hit])) == [.openStory(2, focus: nil)])
        _ = Reducer.reduce(&s, .storyLoaded(Fixtures.fleet, focus: nil))
        #expect(s.focus == .story)
        #expect(Renderer.render(s).text.contains("gates"))

        var w = Fixtures.state(width: 40, height: 12)
        while w.focus != .entities { _ = Reducer.reduce(&w, .key(.tab)) }
        let marrow = EntityRecord(id: 1, name: "Ilse Marrow", type: "person", mentionCount: 5, storyCount: 2)
        let m = MentionRecord(text: "Marrow", entity: 1, story: 1, headline: "", field: "body", paragraph: 3, range: [0, 6], context: "")
        _ = Reducer.reduce(&w, .mentionStepped(marrow, m, nil, step: 1))
        #expect(w.focus == .story)
        #expect(Renderer.render(w).text.contains("Marrow said the board"))
        // On a wide terminal the focus stays where the user is.
        var wide = Fixtures.state()
        while wide.focus != .entities { _ = Reducer.reduce(&wide, .key(.tab)) }
        _ = Reducer.reduce(&wide, .mentionStepped(marrow, m, nil, step: 1))
        #expect(wide.focus == .entities)
    }
}
