import Foundation
import Testing
import TestSupport

/// Stories for the hostile-terminal tests.
enum HostileStories {
    /// A fictional wire story.
    static func wire(_ headline: String, _ paragraphs: [String]) -> String {
        var lines = [headline, "", "By Orla Penhallow", "", "PORT ELSWICK, May 3 (Tidewire) - " + paragraphs[0]]
        for p in paragraphs.dropFirst() { lines += ["", p] }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Finds `needle` in `haystack` (bytes).
func hostileContains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    let first = needle[0]
    var i = 0
    while i <= haystack.count - needle.count {
        if haystack[i] == first, Array(haystack[i..<(i + needle.count)]) == needle { return true }
        i += 1
    }
    return false
}

/// The real `newsroom` binary in a real terminal (tmux), fed hostile stories
/// and hostile typing (issue 6). tmux's pipe-pane records every byte the
/// reader sends to the terminal, so the test sees exactly what a user's
/// terminal would receive.
@Suite(.serialized) struct HostileTerminalTests {
    /// Escape sequences, OSC 52 clipboard writes, bells, backspaces and C1
    /// controls in a story's headline, body and quotes: the reader shows them
    /// as visible text, and the raw bytes sent to the terminal carry none of them.
    @Test func storyEscapeSequencesNeverReachTheTerminal() throws {
        let folder = try TemporaryFolder("newsroom-hostile")
        defer { folder.remove() }
        let bin = try NewsroomBinary.find()
        try folder.write("in/hostile.txt", HostileStories.wire("Wiper\u{1B}[2Jheadline bell\u{7}ring", [
            "Clipboard KLAXON\u{1B}]52;c;ZWNobyBwd25lZA==\u{7}done and title \u{1B}]0;owned\u{1B}\\ end.",
            "Backspace XQZ\u{8}\u{8}\u{8}ABC then csi \u{9B}2J and next \u{85}line and query \u{1B}[6n here.",
            "“Blink\u{1B}[5m now,” said Orla Penhallow, “and \u{1B}[?1049l leave\u{1B}c reset.”",
        ]))
        try folder.write("in/calm.txt", HostileStories.wire("Calm ferry story", ["The ferry ran on time on Friday."]))
        let db = folder.file("archive.sqlite")
        let ingest = try bin.run(["ingest", "--db", db, folder.file("in")], in: folder)
        #expect(ingest.status == 0, "\(ingest.stderr)")

        let t = try TmuxTerminal.program([bin.path, "browse", "--db", db], in: folder, recordTo: folder.file("raw.log"))
        defer { t.close() }
        t.waitUntil("the story list") { $0.contains("Calm ferry story") }
        // Open each story in turn (both have the same date, so either may be
        // first) until the hostile one is drawn in the story pane.
        var shown = t.screen()
        for position in 0..<2 where !shown.contains("KLAXON^[]52") {
            t.keys("g")
            if position == 1 { t.keys("j") }
            t.keys("Enter")
            Thread.sleep(forTimeInterval: 0.5)
            shown = t.screen()
        }
        shown = t.waitUntil("the hostile story's text made visible") { $0.contains("KLAXON^[]52") }
        #expect(shown.contains("XQZ^H^H^HABC"), "\(shown)")
        #expect(shown.contains("Wiper^[[2Jheadline"), "\(shown)")
        // Scroll through the quotes pane and the help overlay too.
        t.keys("Tab")
        t.keys("j")
        t.keys("?")
        Thread.sleep(forTimeInterval: 0.5)
        t.keys("q")
        t.keys("q")
        t.waitUntil("the reader to quit") { _ in t.paneDead }

        let raw = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: folder.file("raw.log"))))) ?? []
        #expect(raw.count > 1000, "pipe-pane recorded \(raw.count) bytes")
        // The visible forms went out…
        #expect(hostileContains(raw, Array("KLAXON^[]52;c;ZWNobyBwd25lZA==^Gdone".utf8)))
        // …and none of the story's own sequences did.
        let forbidden: [(String, [UInt8])] = [
            ("OSC (clipboard, title)", [0x1B, 0x5D]),
            ("ESC [ 2 J", Array("\u{1B}[2J".utf8)),
            ("ESC [ 6 n (terminal query)", Array("\u{1B}[6n".utf8)),
            ("ESC [ 5 m (blink)", Array("\u{1B}[5m".utf8)),
            ("ESC c (reset)", [0x1B, 0x63]),
            ("BEL", [0x07]),
            ("backspace after story text", Array("XQZ\u{8}".utf8)),
            ("C1 CSI", [0xC2, 0x9B]),
            ("C1 NEL", [0xC2, 0x85]),
        ]
        for (what, bytes) in forbidden {
            #expect(!hostileContains(raw, bytes), "\(what) reached the terminal")
        }
        // No C1 control at all (U+0080…U+009F is C2 80…C2 9F in UTF-8).
        let c1 = zip(raw, raw.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) }
        #expect(!c1, "a C1 control reached the terminal")
    }

    /// FTS5 and SQL syntax typed into the reader's search and filter prompts
    /// and its command line: answered on screen, never a raw SQLite error, and
    /// the reader keeps running with the archive intact.
    @Test func hostileTypingInSearchAndFilterPrompts() throws {
        let folder = try TemporaryFolder("newsroom-hostile")
        defer { folder.remove() }
        let bin = try NewsroomBinary.find()
        try folder.write("in/a.txt", HostileStories.wire("Ferry fares frozen", [
            "The Elswick Ferry Board froze fares on Tuesday.",
            "“We heard the town,” chair Wendeline Ashcombe said.",
        ]))
        try folder.write("in/b.txt", HostileStories.wire("Tram line extended", [
            "The Quenby council voted to extend the tram line.",
            "“A good day for the city,” Mayor Dana Quill said.",
        ]))
        let db = folder.file("archive.sqlite")
        #expect(try bin.run(["ingest", "--db", db, folder.file("in")], in: folder).status == 0)
        let t = try TmuxTerminal.program([bin.path, "browse", "--db", db], in: folder, recordTo: folder.file("raw.log"))
        defer { t.close() }
        t.waitUntil("the story list") { $0.contains("Tram line extended") }

        let hostile = ["\"", "*", "a OR", "OR AND NOT", "NEAR(", "'; DROP TABLE story; --", "\"unbalanced",
                       "speaker:\"", "tram*", "^", "(((", "😀 ✓"]
        var screens: [String] = []
        for text in hostile {
            for prompt in ["/", "f"] {
                t.keys(prompt)
                t.type(text)
                t.keys("Enter")
                Thread.sleep(forTimeInterval: 0.2)
                screens.append(t.screen())
                t.keys("Escape")
            }
            t.keys(":")
            t.type("search " + text)
            t.keys("Enter")
            Thread.sleep(forTimeInterval: 0.2)
            screens.append(t.screen())
            t.keys("Escape")
        }
        // Still alive and still answering: a plain search finds the tram story.
        t.keys("/")
        t.type("tram")
        t.keys("Enter")
        t.waitUntil("a plain search after the hostile ones") { $0.contains("Dana Quill") || $0.contains("tram line") }
        #expect(!t.paneDead)
        for s in screens + [t.screen()] {
            let lower = s.lowercased()
            for leak in ["sqlite", "fts5", "syntax error", "no such column", "unterminated", "malformed"] {
                #expect(!lower.contains(leak), "screen shows '\(leak)':\n\(s)")
            }
        }
        t.keys("q")
        t.keys("q")
        // The archive is intact: both stories still listed.
        let list = try bin.run(["stories", "--db", db, "--json"], in: folder)
        #expect(list.status == 0)
        #expect(list.stdout.contains("Ferry fares frozen") && list.stdout.contains("Tram line extended"))
    }

    /// An ingest writes to the archive while the reader browses it: the reader
    /// keeps answering keys during the ingest, and afterwards finds the new
    /// stories: Ctrl-L reloads the story list, and search reads the live archive.
    @Test func ingestWhileTheReaderBrowses() throws {
        let folder = try TemporaryFolder("newsroom-hostile")
        defer { folder.remove() }
        let bin = try NewsroomBinary.find()
        for i in 0..<5 {
            try folder.write("first/s\(i).txt", HostileStories.wire("Harbour note \(i)", ["The harbour opened gate \(i)."]))
        }
        for i in 0..<1500 {
            try folder.write("second/d\(i / 100)/s\(i).txt", HostileStories.wire("Lighthouse bulletin \(i)", [
                "The Zephyrine lighthouse keeper logged lamp \(i).",
                "“Lamp \(i) is lit,” keeper Morwenna Trask said.",
            ]))
        }
        let db = folder.file("archive.sqlite")
        #expect(try bin.run(["ingest", "--db", db, folder.file("first")], in: folder).status == 0)
        let t = try TmuxTerminal.program([bin.path, "browse", "--db", db], in: folder, recordTo: folder.file("raw.log"))
        defer { t.close() }
        t.waitUntil("the first stories") { $0.contains("Harbour note 4") }

        // Start the big ingest in the background and keep using the reader.
        let (ingest, _, _) = try bin.start(["ingest", "--db", db, "--batch-size", "50", folder.file("second")], in: folder)
        var answeredDuringIngest = 0
        var round = 0
        while ingest.isRunning && round < 400 {
            // The list's title shows the selected row: bottom, then top.
            let target = round % 2 == 0 ? "Stories 5/5" : "Stories 1/5"
            t.keys(round % 2 == 0 ? "G" : "g")
            let s = t.waitUntil("the reader answering during the ingest", timeout: 60) { $0.contains(target) }
            if s.contains(target) && ingest.isRunning { answeredDuringIngest += 1 }
            round += 1
        }
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 0)
        #expect(!t.paneDead, "the reader died during the ingest")
        // Ctrl-L reloads the story list: the new stories are listed.
        t.keys("C-l")
        t.keys("g")
        t.waitUntil("the refreshed story list") { $0.contains("/1505") && $0.contains("Lighthouse bulletin") }
        // Search reads the live archive: the new stories are found.
        t.keys("/")
        t.type("Zephyrine")
        t.keys("Enter")
        t.waitUntil("search results from the new stories") { $0.contains("Lighthouse bulletin") }
        t.keys("Escape")
        t.keys("q")
        t.keys("q")
        t.waitUntil("the reader to quit") { _ in t.paneDead }
        // A reader opened after the ingest lists them all.
        let list = try bin.run(["stories", "--db", db, "--json"], in: folder)
        #expect(list.stdout.components(separatedBy: "Lighthouse bulletin").count - 1 >= 1)
        let count = try bin.run(["ingest", "--db", db, "--json", folder.file("second")], in: folder)
        #expect(count.stdout.contains("\"unchanged\":1500") || count.stdout.contains("\"unchanged\" : 1500"), "\(count.stdout)")
        // The ingest of 1,500 files (debug build) takes seconds; each round is a
        // key press and a redraw, so at least one lands while it runs.
        #expect(answeredDuringIngest >= 1, "no key was answered while the ingest ran")
    }
}
