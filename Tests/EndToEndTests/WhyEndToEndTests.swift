import Foundation
import Testing
import TestSupport

/// `w` in the real reader on a story the real extractor attributed: the
/// explanation of the selected quote's speaker, and Enter to its mention.
@Suite(.serialized) struct WhyEndToEndTests {
    @Test func whyShowsTheChainAndEnterJumpsToThePronoun() throws {
        let folder = try TemporaryFolder("why-e2e")
        defer { folder.remove() }
        let binary = try NewsroomBinary.find()
        try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
        try AttributedStory.text.write(toFile: folder.path + "/in/ferry.txt", atomically: true, encoding: .utf8)
        let tmux = try TmuxTerminal.shell(width: 160, height: 48, home: folder)
        defer { tmux.close() }
        tmux.run("\(binary.path) browse \(folder.path)/in")
        tmux.waitFor("Quotes · this story (3)")
        // Into the quotes pane, down to the last quote, then w.
        tmux.keys("Tab", "Tab", "Tab")
        tmux.keys("G")
        tmux.keys("w")
        var s = tmux.waitFor("Why this speaker")
        #expect(s.contains("Quote        “Nobody loses a job,”"))
        #expect(s.contains("Speaker      Einar Tveit"))
        #expect(s.contains("Rule         pronoun"))
        #expect(s.contains("Cue          “said”"))
        #expect(s.contains("Mention      “he” · paragraph 3"))
        #expect(s.contains("Chain        he → Einar Tveit"))
        #expect(s.contains("Confidence   0."))
        // Enter closes it; the story shows the pronoun reversed (the jump's focus).
        tmux.keys("Enter")
        s = tmux.waitUntil("the explanation closed") { !$0.contains("Why this speaker") }
        #expect(s.contains("Nobody loses a job,"))
        let styled = tmux.styledScreen()
        #expect(styled.contains("\u{1B}[7mhe\u{1B}["), "the mention is not shown reversed")
        tmux.keys("q")
    }
}
