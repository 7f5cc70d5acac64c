import Foundation
import Testing

/// A real terminal for end-to-end tests: a tmux server of its own (private
/// socket, no user configuration) with one window, running either a plain
/// shell (`shell`) or one program (`program`). Keys go in with send-keys,
/// screens come out with capture-pane, and pipe-pane can record every byte
/// the program sends to the terminal.
public final class TmuxTerminal {
    public let socket = "newsroom-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    public let session = "reader"
    /// Where tmux's own output goes while a command runs.
    let scratch: String

    init(scratch: String) {
        self.scratch = scratch
    }

    deinit { close() }

    /// A shell with a plain prompt (`$ `), HOME set to `home`, in a
    /// `width`x`height` window.
    public static func shell(width: Int = 160, height: Int = 48, home: some ScratchFolder) throws -> TmuxTerminal {
        let t = TmuxTerminal(scratch: home.path)
        try t.newSession(width: width, height: height, [
            "env", "-i", "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
            "HOME=\(home.path)", "HISTFILE=/dev/null", "LANG=C.UTF-8", "TERM=screen-256color", "PS1=$ ",
            "bash", "--norc", "--noprofile",
        ])
        t.waitFor("$")
        return t
    }

    /// One program in a `width`x`height` window that stays (dead) when the
    /// program ends. With `recordTo`, every byte the program writes is
    /// recorded there from its very first: it starts only once pipe-pane runs.
    public static func program(_ argv: [String], width: Int = 160, height: Int = 48, in folder: some ScratchFolder,
                               recordTo: String? = nil) throws -> TmuxTerminal {
        let t = TmuxTerminal(scratch: folder.path)
        let go = folder.file("go-\(t.socket)")
        let quoted = argv.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        // A clean environment (`env -i`): the program must not see the
        // user's archive (NEWSROOM_DB), home, XDG folders or locale.
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let home = folder.file("home")
        let command = "while [ ! -e '\(go)' ]; do sleep 0.05; done; exec env -i 'PATH=\(path)' 'HOME=\(home)' "
            + "'XDG_DATA_HOME=\(home)/.local/share' 'XDG_CONFIG_HOME=\(home)/.config' LANG=C.UTF-8 "
            + "TERM=tmux-256color SWIFT_BACKTRACE=enable=no \(quoted)"
        try t.newSession(width: width, height: height, ["sh", "-c", command])
        t.tmux(["set-option", "-t", t.session, "remain-on-exit", "on"])
        if let recordTo { t.recordOutput(to: recordTo) }
        _ = FileManager.default.createFile(atPath: go, contents: nil)
        return t
    }

    func newSession(width: Int, height: Int, _ command: [String]) throws {
        let out = scratch + "/tmux-new-\(socket)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let status = try Spawn.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session,
                                    "-x", "\(width)", "-y", "\(height)"] + command, stdoutPath: out, stderrPath: nil)
        guard status == 0 else {
            throw SpawnError("tmux new-session failed (\(status)): \((try? String(contentsOfFile: out, encoding: .utf8)) ?? "")")
        }
        tmux(["set-option", "-g", "status", "off"])
        tmux(["set-window-option", "-g", "aggressive-resize", "on"])
    }

    /// Runs a tmux command on this server; its output.
    @discardableResult
    public func tmux(_ args: [String]) -> String {
        let out = scratch + "/tmux-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try? Spawn.run(["tmux", "-L", socket] + args, stdoutPath: out)
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    /// Types a line into the shell and presses Enter.
    public func run(_ line: String) {
        type(line)
        keys("Enter")
    }

    /// Sends tmux key names ("Tab", "Enter", "Escape", "C-l", "j").
    public func keys(_ names: String...) { tmux(["send-keys", "-t", session] + names) }

    /// Sends text literally.
    public func type(_ text: String) { tmux(["send-keys", "-t", session, "-l", text]) }

    /// The visible screen as text.
    public func screen() -> String { tmux(["capture-pane", "-p", "-t", session]) }

    /// The visible screen with its colours and attributes as escape sequences.
    public func styledScreen() -> String { tmux(["capture-pane", "-p", "-e", "-t", session]) }

    /// The last non-empty row: the reader's status line.
    public func statusLine() -> String {
        screen().split(separator: "\n", omittingEmptySubsequences: false).last(where: { !$0.isEmpty }).map(String.init) ?? ""
    }

    public func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Records every byte the pane's program writes to the terminal into `path`.
    public func recordOutput(to path: String) {
        tmux(["pipe-pane", "-o", "-t", session, "cat >> '\(path)'"])
    }

    /// Whether the pane's program has ended (`program` windows only).
    public var paneDead: Bool {
        tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The pid of the pane's first process (the shell, or the program).
    public var panePID: Int32 {
        Int32(tmux(["list-panes", "-t", session, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The program the shell runs in the foreground (its first child).
    public var foregroundPID: Int32? {
        let shell = panePID
        guard let text = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls the screen until it shows `text`; see `waitUntil`.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 30, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        waitUntil("“\(text)”", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds on a settled screen and
    /// returns that screen. Settled: the same on two captures 50 ms apart — a
    /// capture can fall between the writes of one frame (the pane title new,
    /// the status line not yet), and the test's expectations on the rest of
    /// the screen must see the whole frame. On a timeout (a generous guard
    /// against a hung reader on a loaded machine, not a speed assertion) it
    /// records an issue naming `what` with the last screen, and returns that
    /// screen for the test's own expectations.
    @discardableResult
    public func waitUntil(_ what: String = "the expected screen", timeout: TimeInterval = 30,
                          sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) -> String {
        let end = Date().addingTimeInterval(timeout)
        var s = screen()
        while true {
            if condition(s) {
                usleep(50_000)
                let again = screen()
                // A screen that never settles (an ingest's progress) still ends the wait.
                if again == s || Date() >= end { return s }
                s = again
                continue
            }
            guard Date() < end else {
                Issue.record("the screen never showed \(what); last screen:\n\(s)", sourceLocation: sourceLocation)
                return s
            }
            usleep(50_000)
            s = screen()
        }
    }

    /// Ends this tmux server and everything in it, and waits (briefly) for
    /// the pane's process to be gone so the test's folder can be removed.
    /// kill-server alone left servers behind waiting on a pipe-pane child:
    /// the pipe is closed first, and the server killed outright if it stays.
    public func close() {
        let pane = panePID
        let server = Int32(tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
        guard server != nil || pane > 0 else { return }
        tmux(["pipe-pane", "-t", session])
        tmux(["kill-server"])
        for _ in 0..<40 where (server.map { kill($0, 0) == 0 } ?? false) || (pane > 0 && kill(pane, 0) == 0) {
            usleep(50_000)
        }
        // Only if that pid is still a tmux (not a new process that took the number).
        if let server, server > 1, kill(server, 0) == 0,
           (try? String(contentsOfFile: "/proc/\(server)/comm", encoding: .utf8))?.hasPrefix("tmux") == true {
            kill(server, SIGKILL)
        }
    }
}
