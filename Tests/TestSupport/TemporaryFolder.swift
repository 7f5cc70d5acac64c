import Foundation

/// Anything that names a folder the tests may write into.
public protocol ScratchFolder {
    var path: String { get }
}

extension ScratchFolder {
    /// A path inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` (UTF-8) at `name`, creating the folders on the way.
    public func write(_ name: String, _ text: String) throws {
        let full = file(name)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
}

/// A new empty folder under the system's temporary directory, removed by `remove()`.
public struct TemporaryFolder: ScratchFolder, Sendable {
    public let path: String

    /// Creates `<tmp>/<name>-<uuid>/`.
    public init(_ name: String) throws {
        try self.init(name, under: NSTemporaryDirectory())
    }

    /// A new empty folder that every user can enter (mode 755, and every
    /// folder above it searchable by others), for running the binary as
    /// another user: under the temporary directory when its parents allow
    /// that (a `TMPDIR` made by `mktemp -d` does not), else under `/tmp`.
    /// Nil when neither does.
    public static func reachableByOthers(_ name: String) throws -> TemporaryFolder? {
        for base in [NSTemporaryDirectory(), "/tmp/"] where Self.othersCanEnter(base) {
            let folder = try TemporaryFolder(name, under: base)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            return folder
        }
        return nil
    }

    init(_ name: String, under base: String) throws {
        path = (base.hasSuffix("/") ? base : base + "/") + name + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Whether a user other than the owner can search every folder on the way to `path`.
    static func othersCanEnter(_ path: String) -> Bool {
        var dir = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        while true {
            var st = stat()
            guard stat(dir.path, &st) == 0, st.st_mode & S_IXOTH != 0 else { return false }
            if dir.path == "/" { return true }
            dir = dir.deletingLastPathComponent()
        }
    }

    /// Deletes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
