import Foundation

/// The real `newsroom` executable, run as a user would.
public struct NewsroomBinary: Sendable {
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public let path: String

    /// The binary built next to the test bundle (same build folder), else
    /// the package's own debug build.
    public static func find() throws -> NewsroomBinary {
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var candidates: [URL] = []
        var dir = argv0.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("newsroom"))
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/newsroom"))
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c.path, isDirectory: &isDir), !isDir.boolValue {
                return NewsroomBinary(path: c.path)
            }
        }
        throw SpawnError("newsroom binary not built; looked in \(candidates.map(\.path).joined(separator: ", "))")
    }

    /// A copy of the binary and the resource bundles beside it in `folder`,
    /// for running it as a user who cannot reach the build folder (a
    /// checkout under a mode-700 directory such as root's home).
    public func copy(into folder: String) throws -> NewsroomBinary {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: path).deletingLastPathComponent()
        let target = URL(fileURLWithPath: folder)
        let copied = target.appendingPathComponent("newsroom")
        try fm.copyItem(at: URL(fileURLWithPath: path), to: copied)
        for name in try fm.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".resources") {
            try fm.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return NewsroomBinary(path: copied.path)
    }

    /// The environment a test's child process gets: the test's own, but with
    /// nothing that could reach the user's real archive or configuration
    /// (`NEWSROOM_DB` unset; `HOME` and the XDG folders inside `folder`),
    /// a UTF-8 locale whatever the caller's, and no inherited terminal size.
    public static func environment(for folder: some ScratchFolder, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["NEWSROOM_DB", "COLUMNS", "LINES", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "XDG_RUNTIME_DIR"] {
            env[key] = nil
        }
        env["HOME"] = folder.file("home")
        env["XDG_DATA_HOME"] = folder.file("home/.local/share")
        env["XDG_CONFIG_HOME"] = folder.file("home/.config")
        env["XDG_CACHE_HOME"] = folder.file("home/.cache")
        env["LANG"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// The path of `runuser`, and an unprivileged account to run as, when the
    /// tests run as root and both exist; nil otherwise.
    public static func unprivilegedUser() -> (runuser: String, user: String)? {
        guard getuid() == 0, getpwnam("nobody") != nil else { return nil }
        for p in ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
        where FileManager.default.isExecutableFile(atPath: p) {
            return (p, "nobody")
        }
        return nil
    }

    /// Starts the binary with output going to files in `folder`, in the
    /// environment of `environment(for:)` plus `environment`.
    /// `user`: run as that user (through runuser; the caller is root).
    public func start(_ arguments: [String], in folder: some ScratchFolder, environment: [String: String] = [:],
                      user: String? = nil) throws -> (Process, stdout: String, stderr: String) {
        let p = Process()
        if let user {
            guard let runuser = Self.unprivilegedUser()?.runuser else {
                throw SpawnError("cannot run as \(user): not root, or no runuser")
            }
            p.executableURL = URL(fileURLWithPath: runuser)
            p.arguments = ["-u", user, "--", path] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = arguments
        }
        p.environment = Self.environment(for: folder, environment)
        let id = UUID().uuidString
        let out = folder.file("out-\(id)"), err = folder.file("err-\(id)")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out, err)
    }

    /// Runs to the end; stdout and stderr as text.
    public func run(_ arguments: [String], in folder: some ScratchFolder, environment: [String: String] = [:],
                    user: String? = nil) throws -> Run {
        let (p, out, err) = try start(arguments, in: folder, environment: environment, user: user)
        p.waitUntilExit()
        return Run(status: p.terminationStatus,
                   stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Runs with `--json` and decodes stdout as one JSON object.
    public func json(_ arguments: [String], in folder: some ScratchFolder) throws -> (Run, [String: Any]) {
        let r = try run(arguments + ["--json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return (r, object ?? [:])
    }
}
