import Foundation
import Testing

/// The real `newsroom` binary in a real terminal (tmux), fed hostile stories
/// and hostile typing (issue 6). tmux's pipe-pane records every byte the
/// reader sends to the terminal, so the test sees exactly what a user's
/// terminal would receive.
struct HostileTerminal {
    let socket = "hostile-" + String(UUID().uuidString.prefix(8))
    let session = "reader"
    let folder: String
    let binary: String

    /// The `newsroom` binary built next to this test bundle.
    static func binaryPath() throws -> String {
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var candidates: [String] = []
        var dir = argv0.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("newsroom").path)
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/newsroom").path)
        for c in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: c) { return c }
        }
        throw Missing(what: "newsroom binary (looked in \(candidates.joined(separator: ", ")))")
    }

    struct Missing: Error, CustomStringConvertible {
        var what: String
        var description: String { "not found: \(what)" }
    }

    init() throws {
        binary = try Self.binaryPath()
        folder = NSTemporaryDirectory() + "newsroom-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { folder + "/" + name }

    func write(_ name: String, _ text: String) throws {
        let path = file(name)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Runs a program to its end with output to a file. posix_spawn and
    /// waitpid rather than Process: `tmux new-session` leaves a server behind,
    /// and Process did not notice the tmux client's exit while it ran.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let out = NSTemporaryDirectory() + "newsroom-hostile-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "enable=no"
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard rc == 0 else { throw Missing(what: "could not start \(executable): error \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let data = (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), String(decoding: data, as: UTF8.self))
    }

    static func tmuxPath() throws -> String {
        for c in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"] where FileManager.default.isExecutableFile(atPath: c) {
            return c
        }
        throw Missing(what: "tmux (make deps installs it)")
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let r = try Self.run(try Self.tmuxPath(), ["-L", socket] + arguments)
        return r.output
    }

    /// `newsroom ARGS` through the real binary, outside the terminal.
    @discardableResult
    func newsroom(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Self.run(binary, arguments)
    }

    /// Starts `newsroom browse --db DB` in a 160×48 tmux pane whose raw output
    /// goes to `raw.log`. The reader waits for a go file so that pipe-pane is
    /// recording before the first byte is drawn.
    func startReader(db: String, width: Int = 160, height: Int = 48) throws {
        let go = file("go")
        let command = "while [ ! -e '\(go)' ]; do sleep 0.05; done; "
            + "exec env LANG=C.UTF-8 TERM=tmux-256color SWIFT_BACKTRACE=enable=no '\(binary)' browse --db '\(db)'"
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "sh", "-c", command])
        try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
        try tmux(["pipe-pane", "-t", session, "-o", "cat >> '\(file("raw.log"))'"])
        FileManager.default.createFile(atPath: go, contents: nil)
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    func rawBytes() -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: file("raw.log"))))) ?? []
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    /// Whether the program in the pane has exited.
    func paneDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls the screen until `condition` holds. The limit is a generous guard
    /// against a hung reader on a loaded machine, not a speed assertion.
    @discardableResult
    func waitForScreen(_ what: String, limit: Double = 90, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(limit)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("screen never showed \(what); last screen:\n\(last)")
        return last
    }

    func cleanUp() {
        // kill-server alone left servers behind (waiting on the pipe-pane
        // child): close the pipe first, then make sure this server is gone.
        let pid = Int32((try? tmux(["display-message", "-p", "#{pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        _ = try? tmux(["pipe-pane", "-t", session])
        _ = try? tmux(["kill-server"])
        if let pid, pid > 1 { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(atPath: folder)
    }

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

@Suite(.serialized) struct HostileTerminalTests {
    /// Escape sequences, OSC 52 clipboard writes, bells, backspaces and C1
    /// controls in a story's headline, body and quotes: the reader shows them
    /// as visible text, and the raw bytes sent to the terminal carry none of them.
    @Test func storyEscapeSequencesNeverReachTheTerminal() throws {
        let t = try HostileTerminal()
        defer { t.cleanUp() }
        try t.write("in/hostile.txt", HostileTerminal.wire("Wiper\u{1B}[2Jheadline bell\u{7}ring", [
            "Clipboard KLAXON\u{1B}]52;c;ZWNobyBwd25lZA==\u{7}done and title \u{1B}]0;owned\u{1B}\\ end.",
            "Backspace XQZ\u{8}\u{8}\u{8}ABC then csi \u{9B}2J and next \u{85}line and query \u{1B}[6n here.",
            "“Blink\u{1B}[5m now,” said Orla Penhallow, “and \u{1B}[?1049l leave\u{1B}c reset.”",
        ]))
        try t.write("in/calm.txt", HostileTerminal.wire("Calm ferry story", ["The ferry ran on time on Friday."]))
        let db = t.file("archive.sqlite")
        let ingest = try t.newsroom(["ingest", "--db", db, t.file("in")])
        #expect(ingest.status == 0, "\(ingest.output)")

        try t.startReader(db: db)
        try t.waitForScreen("the story list") { $0.contains("Calm ferry story") }
        // Open each story in turn (both have the same date, so either may be
        // first) until the hostile one is drawn in the story pane.
        var shown = try t.screen()
        for position in 0..<2 where !shown.contains("KLAXON^[]52") {
            try t.keys("g")
            if position == 1 { try t.keys("j") }
            try t.keys("Enter")
            Thread.sleep(forTimeInterval: 0.5)
            shown = try t.screen()
        }
        shown = try t.waitForScreen("the hostile story's text made visible") { $0.contains("KLAXON^[]52") }
        #expect(shown.contains("XQZ^H^H^HABC"), "\(shown)")
        #expect(shown.contains("Wiper^[[2Jheadline"), "\(shown)")
        // Scroll through the quotes pane and the help overlay too.
        try t.keys("Tab")
        try t.keys("j")
        try t.keys("?")
        Thread.sleep(forTimeInterval: 0.5)
        try t.keys("q")
        try t.keys("q")
        try t.waitForScreen("the reader to quit") { _ in (try? t.paneDead()) == true }

        let raw = t.rawBytes()
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
        let t = try HostileTerminal()
        defer { t.cleanUp() }
        try t.write("in/a.txt", HostileTerminal.wire("Ferry fares frozen", [
            "The Elswick Ferry Board froze fares on Tuesday.",
            "“We heard the town,” chair Wendeline Ashcombe said.",
        ]))
        try t.write("in/b.txt", HostileTerminal.wire("Tram line extended", [
            "The Quenby council voted to extend the tram line.",
            "“A good day for the city,” Mayor Dana Quill said.",
        ]))
        let db = t.file("archive.sqlite")
        #expect(try t.newsroom(["ingest", "--db", db, t.file("in")]).status == 0)
        try t.startReader(db: db)
        try t.waitForScreen("the story list") { $0.contains("Tram line extended") }

        let hostile = ["\"", "*", "a OR", "OR AND NOT", "NEAR(", "'; DROP TABLE story; --", "\"unbalanced",
                       "speaker:\"", "tram*", "^", "(((", "😀 ✓"]
        var screens: [String] = []
        for text in hostile {
            for prompt in ["/", "f"] {
                try t.keys(prompt)
                try t.type(text)
                try t.keys("Enter")
                Thread.sleep(forTimeInterval: 0.2)
                screens.append(try t.screen())
                try t.keys("Escape")
            }
            try t.keys(":")
            try t.type("search " + text)
            try t.keys("Enter")
            Thread.sleep(forTimeInterval: 0.2)
            screens.append(try t.screen())
            try t.keys("Escape")
        }
        // Still alive and still answering: a plain search finds the tram story.
        try t.keys("/")
        try t.type("tram")
        try t.keys("Enter")
        try t.waitForScreen("a plain search after the hostile ones") { $0.contains("Dana Quill") || $0.contains("tram line") }
        #expect(try !t.paneDead())
        for s in screens + [try t.screen()] {
            let lower = s.lowercased()
            for leak in ["sqlite", "fts5", "syntax error", "no such column", "unterminated", "malformed"] {
                #expect(!lower.contains(leak), "screen shows '\(leak)':\n\(s)")
            }
        }
        try t.keys("q")
        try t.keys("q")
        // The archive is intact: both stories still listed.
        let list = try t.newsroom(["stories", "--db", db, "--json"])
        #expect(list.status == 0)
        #expect(list.output.contains("Ferry fares frozen") && list.output.contains("Tram line extended"))
    }

    /// An ingest writes to the archive while the reader browses it: the reader
    /// keeps answering keys during the ingest, and afterwards finds the new
    /// stories: Ctrl-L reloads the story list, and search reads the live archive.
    @Test func ingestWhileTheReaderBrowses() throws {
        let t = try HostileTerminal()
        defer { t.cleanUp() }
        for i in 0..<5 {
            try t.write("first/s\(i).txt", HostileTerminal.wire("Harbour note \(i)", ["The harbour opened gate \(i)."]))
        }
        for i in 0..<1500 {
            try t.write("second/d\(i / 100)/s\(i).txt", HostileTerminal.wire("Lighthouse bulletin \(i)", [
                "The Zephyrine lighthouse keeper logged lamp \(i).",
                "“Lamp \(i) is lit,” keeper Morwenna Trask said.",
            ]))
        }
        let db = t.file("archive.sqlite")
        #expect(try t.newsroom(["ingest", "--db", db, t.file("first")]).status == 0)
        try t.startReader(db: db)
        try t.waitForScreen("the first stories") { $0.contains("Harbour note 4") }

        // Start the big ingest in the background and keep using the reader.
        let ingest = Process()
        ingest.executableURL = URL(fileURLWithPath: t.binary)
        ingest.arguments = ["ingest", "--db", db, "--batch-size", "50", t.file("second")]
        ingest.standardOutput = FileHandle.nullDevice
        ingest.standardError = FileHandle.nullDevice
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        ingest.environment = env
        try ingest.run()
        var answeredDuringIngest = 0
        var round = 0
        while ingest.isRunning && round < 400 {
            // The list's title shows the selected row: bottom, then top.
            let target = round % 2 == 0 ? "Stories 5/5" : "Stories 1/5"
            try t.keys(round % 2 == 0 ? "G" : "g")
            let s = try t.waitForScreen("the reader answering during the ingest", limit: 60) { $0.contains(target) }
            if s.contains(target) && ingest.isRunning { answeredDuringIngest += 1 }
            round += 1
        }
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 0)
        #expect(try !t.paneDead(), "the reader died during the ingest")
        // Ctrl-L reloads the story list: the new stories are listed.
        try t.keys("C-l")
        try t.keys("g")
        try t.waitForScreen("the refreshed story list") { $0.contains("/1505") && $0.contains("Lighthouse bulletin") }
        // Search reads the live archive: the new stories are found.
        try t.keys("/")
        try t.type("Zephyrine")
        try t.keys("Enter")
        try t.waitForScreen("search results from the new stories") { $0.contains("Lighthouse bulletin") }
        try t.keys("Escape")
        try t.keys("q")
        try t.keys("q")
        try t.waitForScreen("the reader to quit") { _ in (try? t.paneDead()) == true }
        // A reader opened after the ingest lists them all.
        let list = try t.newsroom(["stories", "--db", db, "--json"])
        #expect(list.output.components(separatedBy: "Lighthouse bulletin").count - 1 >= 1)
        let count = try t.newsroom(["ingest", "--db", db, "--json", t.file("second")])
        #expect(count.output.contains("\"unchanged\":1500") || count.output.contains("\"unchanged\" : 1500"), "\(count.output)")
        // The ingest of 1,500 files (debug build) takes seconds; each round is a
        // key press and a redraw, so at least one lands while it runs.
        #expect(answeredDuringIngest >= 1, "no key was answered while the ingest ran")
    }
}
