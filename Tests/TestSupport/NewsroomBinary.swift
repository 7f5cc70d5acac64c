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

    /// Starts the binary with output going to files in `folder`.
    /// `user`: run as that user (through runuser; the caller is root).
    public func start(_ arguments: [String], in folder: some ScratchFolder, environment: [String: String] = [:],
                      user: String? = nil) throws -> (Process, stdout: String, stderr: String) {
        let p = Process()
        if let user {
            p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            p.arguments = ["-u", user, "--", path] + arguments
        } else {
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (k, v) in environment { env[k] = v }
        p.environment = env
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
