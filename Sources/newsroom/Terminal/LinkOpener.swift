import Foundation

/// Opens a web address in the user's browser: `$BROWSER` (a `:`-separated
/// list of commands, `%s` standing for the address, as `man 1 sensible-browser`
/// has it), else `xdg-open`. Never through a shell: the address is story
/// data, so it is one argument of its own, whatever it holds.
enum LinkOpener {
    /// Starts the browser; nil on success, else one line saying why not.
    static func open(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var commands: [[String]] = []
        if let browser = environment["BROWSER"], !browser.isEmpty {
            for entry in browser.split(separator: ":") {
                let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard !words.isEmpty else { continue }
                let hasSlot = words.contains { $0.contains("%s") }
                commands.append(hasSlot ? words.map { $0.replacingOccurrences(of: "%s", with: url) } : words + [url])
            }
        }
        commands.append(["xdg-open", url])
        for argv in commands {
            guard let program = executable(argv[0], path: path) else { continue }
            return spawn([program] + argv.dropFirst())
        }
        return "no browser to open \(url): set $BROWSER (or install xdg-open)"
    }

    /// The program's path: as given when it has a slash, else found in PATH.
    static func executable(_ name: String, path: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// posix_spawn with /dev/null for its input and output (the reader owns
    /// the terminal) and the signals reset; reaped in the background.
    static func spawn(_ argv: [String]) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attr, &all)
        // Its own process group: a Ctrl-C meant for the reader does not reach it.
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let rc = posix_spawn(&pid, argv[0], &actions, &attr, cArgs, environ)
        guard rc == 0 else { return "cannot start \(argv[0]): \(String(cString: strerror(rc)))" }
        let child = pid
        DispatchQueue.global().async {
            var status: Int32 = 0
            while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        }
        return nil
    }
}
