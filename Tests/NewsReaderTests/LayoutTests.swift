import Foundation
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
