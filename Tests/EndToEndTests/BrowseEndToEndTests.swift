import Foundation
import Testing
import TestSupport

/// The real `newsroom` binary in tmux: what a user sees, asserted from
/// `tmux capture-pane`.
@Suite(.serialized) struct BrowseEndToEndTests {
    /// The status line (the last row of the screen).
    static func status(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).last(where: { !$0.isEmpty }).map(String.init) ?? ""
    }

    @Test func readFilterJumpSearchResizeQuit() throws {
        let reader = try ReaderOnFixture("reader-e2e")
        defer { reader.close() }
        let tmux = reader.tmux

        // Open: all four panes, the newest story open.
        reader.startReader()
        var s = tmux.screen()
        #expect(s.contains("Stories 1/3"))
        #expect(s.contains("Entities · this story"))
        #expect(s.contains("Fleet returns early as storm nears"))
        #expect(s.contains("“The sea turned in an hour,” Achebe said."))
        #expect(s.contains("Tamsin Achebe — 1 quote"))

        // Filter quotes by a person: prompt, completion, Enter.
        tmux.keys("f")
        tmux.waitFor("Filter quotes by person:")
        tmux.type("Ilse")
        s = tmux.waitFor("Tab: Ilse Marrow")
        tmux.keys("Tab")
        tmux.waitFor("Filter quotes by person: Ilse Marrow")
        tmux.keys("Enter")
        s = tmux.waitFor("Quotes by Ilse Marrow · 2 in 2 stories")
        #expect(s.contains("Quotes by Ilse Marrow · 2 in 2 stories"))
        #expect(s.contains("We need another month to read the survey,"))
        #expect(s.contains("Nobody was left outside,"))
        #expect(s.contains("Harbour board delays vote on new quay"))
        #expect(Self.status(s).contains("filter: Ilse Marrow"))

        // ] walks the filtered person's mentions, into the next story; [ walks back.
        var statuses: [String] = []
        for i in 1...5 {
            tmux.keys("]")
            s = tmux.waitFor("mention \(i) of 5")
            statuses.append(Self.status(s))
        }
        #expect(statuses[0].contains("Ilse Marrow: mention 1 of 5 · story 1 of 2"))
        #expect(statuses[1].contains("mention 2 of 5 · story 1 of 2"))
        #expect(statuses[2].contains("mention 3 of 5 · story 2 of 2"))
        #expect(statuses[4].contains("mention 5 of 5 · story 2 of 2"))
        #expect(s.contains("The Port Ellis harbour board postponed a vote"), "the next story is open")
        #expect(s.contains("Story 2/3"))
        tmux.keys("]")
        s = tmux.waitFor("no more mentions of Ilse Marrow")
        tmux.keys("[")
        tmux.waitFor("mention 4 of 5")
        tmux.keys("[")
        tmux.waitFor("mention 3 of 5")
        tmux.keys("[")
        s = tmux.waitFor("mention 2 of 5 · story 1 of 2")
        #expect(Self.status(s).contains("mention 2 of 5 · story 1 of 2"))
        #expect(s.contains("Story 1/3"))
        #expect(s.contains("Trawlers returned a day early"))

        // Clear the filter; read another story from the list.
        tmux.keys("F")
        s = tmux.waitFor("Quotes · this story")
        #expect(!s.contains("Quotes by Ilse Marrow"))
        tmux.keys("g", "j", "Enter")
        s = tmux.waitFor("We need another month")
        #expect(s.contains("Story 2/3"))
        #expect(s.contains("Fisherman Oskar Brandt called the delay “a slow drowning” for the fleet."))

        // / searches the archive; n goes from match to match, then on into the next result's story.
        tmux.keys("/")
        tmux.waitFor("Search:")
        tmux.type("marrow")
        tmux.keys("Enter")
        var status = Self.status(tmux.waitFor("“marrow”: match 1 of"))
        var seen = [status]
        for _ in 0..<5 where !status.contains("result 2 of 2") {
            tmux.keys("n")
            let before = status
            status = Self.status(tmux.waitUntil("the next match") { Self.status($0) != before })
            seen.append(status)
        }
        #expect(seen.contains { $0.contains("match 2 of") && $0.contains("result 1 of 2") }, "\(seen)")
        #expect(status.contains("“marrow”: match 1 of") && status.contains("result 2 of 2"), "\(seen)")

        // A search whose one result holds the words once.
        tmux.keys("/")
        tmux.waitFor("Search:")
        tmux.type("gulls")
        tmux.keys("Enter")
        s = tmux.waitFor("“gulls”: match 1 of 1 · result 1 of 1")
        #expect(s.contains("“I will miss the gulls more than the people,” Quill said, laughing."))

        // Resize to 80x24 and back: laid out again, selection kept.
        tmux.resize(width: 80, height: 24)
        s = tmux.waitUntil { $0.split(separator: "\n", omittingEmptySubsequences: false).count <= 25 && $0.contains("Stories 3/3") }
        let rows = s.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count <= 25)
        #expect(rows.allSatisfy { $0.count <= 80 })
        #expect(s.contains("Stories 3/3"))
        #expect(!s.contains("Entities · this story"))
        tmux.resize(width: 160, height: 48)
        s = tmux.waitFor("Entities · this story")
        #expect(s.contains("Stories 3/3"))
        #expect(s.contains("Lighthouse keeper retires after forty winters"))

        // q leaves a clean shell: the reader's screen gone, echo and line mode back.
        tmux.keys("q")
        s = tmux.waitUntil { !$0.contains("Stories") }
        #expect(!s.contains("Stories 3/3"))
        tmux.run("echo exit=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo MODES-DONE | tr A-Z a-z")
        s = tmux.waitFor("modes-done")
        #expect(s.contains("exit=0"))
        #expect(s.contains("icanon echo modes-done"))
    }

    /// An X10 mouse report as a terminal sends it (button, 0-based column and row).
    static func mouse(_ button: Int, x: Int, y: Int) -> String {
        "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x))) + String(UnicodeScalar(UInt8(33 + y)))
    }

    @Test func mouseClickSelectsAndTheWheelScrolls() throws {
        let reader = try ReaderOnFixture("reader-mouse")
        defer { reader.close() }
        let tmux = reader.tmux
        reader.startReader()
        // Click the second story in the list (row 2 of the screen): it opens.
        tmux.type(Self.mouse(0, x: 6, y: 2) + Self.mouse(3, x: 6, y: 2))
        var s = tmux.waitFor("Stories 2/3")
        s = tmux.waitFor("We need another month")
        #expect(s.contains("Story 2/3"))
        // The wheel over the list moves its selection down.
        tmux.type(Self.mouse(65, x: 6, y: 5))
        s = tmux.waitFor("Stories 3/3")
        #expect(s.contains("Stories 3/3"))
        tmux.keys("q")
    }
}
