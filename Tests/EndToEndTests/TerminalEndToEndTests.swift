import Foundation
import Testing
import TestSupport

/// The terminal is never left broken, and story text never drives it.
@Suite(.serialized) struct TerminalEndToEndTests {
    /// `stty` modes that a restored terminal has back (and curses turns off).
    static let modesCheck = "echo exit=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo MODES-DONE | tr A-Z a-z"

    @Test func notATerminalIsAOneLineErrorAndExitOne() throws {
        let folder = try TemporaryFolder("reader-notty")
        defer { folder.remove() }
        let db = try FixtureArchive.build(in: folder)
        let err = folder.file("stderr")
        let status = try Spawn.run([try NewsroomBinary.find().path, "browse", "--db", db], stdoutPath: folder.file("stdout"),
                                   stderrPath: err, environment: ["TERM": "xterm", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        #expect(status == 1)
        let message = try String(contentsOfFile: err, encoding: .utf8)
        #expect(message.hasPrefix("newsroom: browse needs a terminal"))
        #expect(message.split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: folder.file("stdout"), encoding: .utf8).isEmpty)
    }

    @Test func dumbOrMissingTermIsRefused() throws {
        let reader = try ReaderOnFixture("reader-dumb", width: 120, height: 30)
        defer { reader.close() }
        let tmux = reader.tmux, db = reader.db
        tmux.run("TERM=dumb \(reader.binary.path) browse --db \(db); echo rc=$? | tr a-z A-Z")
        var s = tmux.waitFor("RC=")
        #expect(s.contains("newsroom: browse needs a terminal that can move the cursor; TERM=dumb cannot"))
        #expect(s.contains("RC=1"))
        tmux.run("clear; env -u TERM \(reader.binary.path) browse --db \(db); echo second=$? | tr a-z A-Z")
        s = tmux.waitFor("SECOND=")
        #expect(s.contains("newsroom: browse needs a terminal: TERM is not set"))
        #expect(s.contains("SECOND=1"))
    }

    @Test func ctrlCQuitsAndRestores() throws {
        let reader = try ReaderOnFixture("reader-ctrlc", width: 120, height: 30)
        defer { reader.close() }
        let tmux = reader.tmux
        #expect(reader.startReader() != nil)
        tmux.keys("C-c")
        tmux.waitUntil { !$0.contains("Stories 1/3") }
        tmux.run(Self.modesCheck)
        let s = tmux.waitFor("modes-done")
        #expect(s.contains("exit=0"))
        #expect(s.contains("icanon echo modes-done"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let reader = try ReaderOnFixture("reader-term", width: 120, height: 30)
        defer { reader.close() }
        let tmux = reader.tmux
        let pid = try #require(reader.startReader())
        #expect(kill(pid, SIGTERM) == 0)
        tmux.waitUntil { !$0.contains("Stories 1/3") }
        tmux.run(Self.modesCheck)
        let s = tmux.waitFor("modes-done")
        #expect(s.contains("exit=143"))
        #expect(s.contains("icanon echo modes-done"))
    }

    @Test func aCrashRestoresTheTerminal() throws {
        let reader = try ReaderOnFixture("reader-crash", width: 120, height: 30)
        defer { reader.close() }
        let tmux = reader.tmux
        let pid = try #require(reader.startReader())
        // A segmentation fault, delivered as the kernel would deliver it.
        #expect(kill(pid, SIGSEGV) == 0)
        tmux.waitUntil { !$0.contains("Stories 1/3") }
        tmux.run(Self.modesCheck)
        let s = tmux.waitFor("modes-done")
        #expect(s.contains("exit=139"))
        #expect(s.contains("icanon echo modes-done"))
    }

    @Test func escapeSequencesInStoriesNeverReachTheTerminal() throws {
        let reader = try ReaderOnFixture("reader-escapes")
        defer { reader.close() }
        let tmux = reader.tmux, folder = reader.folder
        let hostile = """
            Harbour \u{1B}[2J notice HEAD-MARK

            By Wren Talbot

            PORT ELLIS (Gull Wire) - The board met RED-MARK\u{1B}[31mred\u{1B}[0m on Tuesday.

            A clipboard write CLIP-MARK\u{1B}]52;c;c2VjcmV0\u{07} and a bell BELL-MARK\u{07}\u{07} and a backspace BS-MARK\u{08}\u{08}x.

            A C1 control CSI-MARK\u{9B}2J and a title change TITLE-MARK\u{1B}]0;owned\u{1B}\\ end.
            """
        try folder.write("stories/hostile.txt", hostile)
        let raw = folder.file("raw-output")
        tmux.recordOutput(to: raw)
        tmux.run(reader.command("browse \(folder.file("stories"))"))
        var s = tmux.waitFor("BELL-MARK")
        #expect(s.contains("RED-MARK^[[31mred^[[0m"))
        #expect(s.contains("CLIP-MARK^[]52;c;c2VjcmV0^G"))
        #expect(s.contains("BELL-MARK^G^G"))
        #expect(s.contains("BS-MARK^H^Hx"))
        #expect(s.contains("CSI-MARK\u{FFFD}2J"))
        tmux.keys("q")
        s = tmux.waitUntil { !$0.contains("BELL-MARK") }
        tmux.run("echo done | tr a-z A-Z")
        tmux.waitFor("DONE")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: raw))
        #expect(bytes.count > 1000, "the recording holds the reader's output")
        func has(_ s: String) -> Bool { bytes.range(of: Data(s.utf8)) != nil }
        // The markers reached the terminal as text; the sequences after them did not.
        #expect(has("RED-MARK"))
        #expect(!has("RED-MARK\u{1B}[31m"))
        #expect(!has("\u{1B}]52;"))
        #expect(!has("BELL-MARK\u{07}"))
        #expect(!has("BS-MARK\u{08}"))
        #expect(!has("CSI-MARK\u{9B}"))
        #expect(!has("\u{1B}]0;owned"))
        #expect(!has("\u{1B}[2J notice"))
        // No bell at all: the reader never rings, so any BEL came from a story.
        #expect(!bytes.contains(0x07))
    }

    /// Whether styled tmux output sets a foreground colour (SGR 30–37).
    static func hasForegroundColour(_ styled: String) -> Bool {
        styled.contains(/\x1B\[(?:[0-9]+;)*3[0-7](?:;[0-9]+)*m/)
    }

    @Test func noColorDrawsInMonochromeWithAttributes() throws {
        let reader = try ReaderOnFixture("reader-nocolor", width: 160, height: 48)
        defer { reader.close() }
        let tmux = reader.tmux, db = reader.db
        reader.startReader()
        tmux.waitFor("Quotes · this story")
        #expect(Self.hasForegroundColour(tmux.styledScreen()), "colours by default")
        tmux.keys("q")
        tmux.waitUntil { !$0.contains("Quotes · this story") }
        tmux.run("clear; NO_COLOR=1 " + reader.command("browse --db \(db)"))
        tmux.waitFor("Quotes · this story")
        let styled = tmux.styledScreen()
        #expect(!Self.hasForegroundColour(styled))
        #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "the selection still shows, reversed")
        tmux.keys("q")
    }

    @Test func noArgumentsOpensTheDefaultArchive() throws {
        let reader = try ReaderOnFixture("reader-default", width: 160, height: 48)
        defer { reader.close() }
        let tmux = reader.tmux, db = reader.db, folder = reader.folder
        // HOME is the temporary folder: no archive under ~/.local/share yet.
        tmux.run("\(reader.binary.path); echo rc=$? | tr a-z A-Z")
        var s = tmux.waitFor("RC=")
        #expect(s.contains("newsroom: \(folder.path)/.local/share/newsroom/archive.sqlite: no archive here"))
        #expect(s.contains("RC=1"))
        tmux.run("clear; NEWSROOM_DB=\(db) \(reader.binary.path)")
        s = tmux.waitFor("Quotes · this story")
        #expect(s.contains("Stories 1/3"))
        tmux.keys("q")
    }

    @Test func badPathsAreNamedOnOneLineEach() throws {
        let reader = try ReaderOnFixture("reader-badpath", width: 160, height: 30)
        defer { reader.close() }
        let tmux = reader.tmux, folder = reader.folder
        tmux.run(reader.command("browse \(folder.path)/missing.txt; echo rc=$? | tr a-z A-Z"))
        let s = tmux.waitFor("RC=")
        #expect(s.contains("missing.txt"))
        #expect(s.contains("newsroom: no stories to read in \(folder.path)/missing.txt"))
        #expect(s.contains("RC=1"))
    }
}
