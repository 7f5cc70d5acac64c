import Foundation

public struct SpawnError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs a program and waits for it. Not `Foundation.Process`: test threads
/// block most signals, and a child started from them inherits that mask —
/// a tmux server (and the reader under it) would then ignore SIGTERM and
/// never reap its clients. posix_spawn resets the mask and the handlers.
public enum Spawn {
    /// The exit status, or 128 + the signal that ended the program.
    /// `stderrPath` nil sends standard error where standard output goes.
    @discardableResult
    public static func run(_ argv: [String], stdoutPath: String, stderrPath: String? = "/dev/null",
                           environment: [String: String]? = nil) throws -> Int32 {
        try wait(start(argv, stdoutPath: stdoutPath, stderrPath: stderrPath, environment: environment))
    }

    /// Starts a program without waiting; its process id (see `wait`, `wait(_:seconds:)`).
    public static func start(_ argv: [String], stdoutPath: String, stderrPath: String? = "/dev/null",
                             environment: [String: String]? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let stderrPath {
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
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
        return pid
    }

    /// Waits for a started program: its exit status, or 128 + the signal that ended it.
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Waits at most `seconds`; nil (and the program killed) when it did not end by then.
    public static func wait(_ pid: pid_t, seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F) }
            if r == -1 && errno != EINTR { return nil }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = wait(pid)
        return nil
    }
}
