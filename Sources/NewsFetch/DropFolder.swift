import Foundation

/// A folder agencies deliver into (by FTP, rsync, a mail robot): files are
/// offered once each, when they have stopped changing, so a file still being
/// written is never read half. Names that transfer tools use while writing
/// (dot files, `.tmp`, `.part`, `.filepart`, `.crdownload`, `~`) are ignored
/// until renamed. A file that changes after it was offered is offered again.
public struct DropFolder: Sendable {
    public let path: String
    /// A file is ready when its size and modification time have stayed the
    /// same for this long.
    public var settle: TimeInterval

    /// What a listing says of one file.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var size: UInt64
        public var modified: Date
        public init(path: String, size: UInt64, modified: Date) {
            self.path = path
            self.size = size
            self.modified = modified
        }
    }

    struct Watch: Sendable {
        var size: UInt64
        var modified: Date
        /// When the file was first seen as it is now.
        var since: Date
    }

    private var watching: [String: Watch] = [:]
    /// Size and modification time of each file when it was offered.
    private var offered: [String: (UInt64, Date)] = [:]

    public init(path: String, settle: TimeInterval = 1) {
        self.path = path
        self.settle = settle
    }

    /// Whether a file name is one a transfer tool is still writing.
    public static func isPartial(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasPrefix(".") || lower.hasSuffix("~") { return true }
        return [".tmp", ".part", ".partial", ".filepart", ".crdownload", ".swp"].contains { lower.hasSuffix($0) }
    }

    /// Lists the folder (recursively, hidden entries skipped) and returns
    /// the files that are ready, in name order. Nil when the folder cannot be read.
    public mutating func poll(now: Date = Date()) -> [String]? {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue,
              let walker = fm.enumerator(at: URL(fileURLWithPath: path),
                                         includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey],
                                         options: [.skipsHiddenFiles]) else { return nil }
        var entries: [Entry] = []
        for case let url as URL in walker {
            guard let v = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]),
                  v.isRegularFile == true, !Self.isPartial(url.lastPathComponent) else { continue }
            entries.append(Entry(path: url.path, size: UInt64(v.fileSize ?? 0), modified: v.contentModificationDate ?? .distantPast))
        }
        return observe(entries, now: now)
    }

    /// The decision, apart from the file system: given what a listing saw
    /// at `now`, the files that became ready.
    public mutating func observe(_ entries: [Entry], now: Date) -> [String] {
        var ready: [String] = []
        var present = Set<String>()
        for e in entries {
            present.insert(e.path)
            // An empty file is a transfer that has not started writing.
            if e.size == 0 { continue }
            if let o = offered[e.path], o.0 == e.size, o.1 == e.modified { continue }
            if let w = watching[e.path], w.size == e.size, w.modified == e.modified {
                if now.timeIntervalSince(w.since) >= settle {
                    ready.append(e.path)
                    offered[e.path] = (e.size, e.modified)
                    watching[e.path] = nil
                }
            } else {
                watching[e.path] = Watch(size: e.size, modified: e.modified, since: now)
            }
        }
        // Gone (renamed or deleted): forget them, so a new file by that name is new.
        for p in watching.keys where !present.contains(p) { watching[p] = nil }
        for p in offered.keys where !present.contains(p) { offered[p] = nil }
        return ready.sorted()
    }
}
