import Foundation

/// A tmux server of its own (private socket, no user config) running one
/// shell, for driving the real `newsroom` binary as a user would.
final class TmuxPane {
    let socket: String
    let session = "reader"
    let folder: URL

    /// Starts a shell with a plain prompt in a `width`x`height` window.
    init(width: Int = 160, height: Int = 48, folder: URL) throws {
        socket = "newsroom-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.folder = folder
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                  "env", "-i", "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
                  "HOME=\(folder.path)", "HISTFILE=/dev/null", "LANG=C.UTF-8", "TERM=screen-256color", "PS1=$ ",
                  "bash", "--norc", "--noprofile"])
        _ = try? tmux(["set-option", "-g", "status", "off"])
        _ = try? tmux(["set-window-option", "-g", "aggressive-resize", "on"])
        _ = waitFor("$")
    }

    deinit { kill() }

    /// Stops the server and waits (briefly) for the shell to be gone, so the
    /// test's temporary folder can be removed after it.
    func kill() {
        let shell = shellPID
        _ = try? tmux(["kill-server"])
        guard shell > 0 else { return }
        for _ in 0..<40 where Glibc.kill(shell, 0) == 0 { usleep(50_000) }
    }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let outPath = folder.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        let status = try Spawn.run(["tmux", "-L", socket] + args, stdoutPath: outPath)
        if status != 0 && args.first == "new-session" { throw SpawnError("tmux new-session failed (\(status))") }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Types a line into the shell.
    func run(_ command: String) { _ = try? tmux(["send-keys", "-t", session, "-l", command]); keys("Enter") }
    /// Sends tmux key names ("Tab", "Enter", "Escape", "j").
    func keys(_ names: String...) { _ = try? tmux(["send-keys", "-t", session] + names) }
    /// Sends text literally.
    func type(_ text: String) { _ = try? tmux(["send-keys", "-t", session, "-l", text]) }

    /// The visible screen as text.
    func screen() -> String { (try? tmux(["capture-pane", "-p", "-t", session])) ?? "" }

    /// The visible screen with its colours and attributes as escape sequences.
    func styledScreen() -> String { (try? tmux(["capture-pane", "-p", "-e", "-t", session])) ?? "" }

    func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the pane's shell.
    var shellPID: Int32 { Int32((try? tmux(["list-panes", "-t", session, "-F", "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0 }

    /// The program the shell runs in the foreground (its first child).
    var foregroundPID: Int32? {
        let shell = shellPID
        guard let text = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Records every byte the pane's program writes to the terminal into `path`.
    func recordOutput(to path: String) { _ = try? tmux(["pipe-pane", "-o", "-t", session, "cat >> '\(path)'"]) }

    /// Polls the screen until `predicate` holds (up to 15 s on a busy
    /// machine); returns the last screen either way so tests can assert on it.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) -> String {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: TimeInterval = 15, _ predicate: (String) -> Bool) -> String {
        let end = Date().addingTimeInterval(timeout)
        var s = screen()
        while !predicate(s) && Date() < end {
            usleep(50_000)
            s = screen()
        }
        return s
    }
}

/// Paths the end-to-end tests need.
enum Binary {
    /// `newsroom` next to the test bundle (`.build/<triple>/debug/`).
    static var newsroom: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("newsroom")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("newsroom").path
    }

    /// A new empty temporary folder.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Runs a program and waits for it. Not `Foundation.Process`: test threads
/// block most signals, and a child started from them inherits that mask —
/// a tmux server (and the reader under it) would then ignore SIGTERM and
/// never reap its clients. posix_spawn resets the mask and the handlers.
enum Spawn {
    static func run(_ argv: [String], stdoutPath: String, stderrPath: String = "/dev/null",
                    environment: [String: String]? = nil) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let envStrings = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let cEnv = envStrings.map { $0.map { strdup($0) } + [nil] }
        defer { cEnv?.forEach { free($0) } }
        let rc = cEnv.map { posix_spawnp(&pid, argv[0], &actions, &attr, cArgs, $0) }
            ?? posix_spawnp(&pid, argv[0], &actions, &attr, cArgs, environ)
        guard rc == 0 else { throw SpawnError("cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }
}
