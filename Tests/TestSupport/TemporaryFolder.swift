import Foundation

/// Anything that names a folder the tests may write into.
public protocol ScratchFolder {
    var path: String { get }
}

extension ScratchFolder {
    /// A path inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }
}

/// A new empty folder under the system's temporary directory, removed by `remove()`.
public struct TemporaryFolder: ScratchFolder, Sendable {
    public let path: String
    public var url: URL { URL(fileURLWithPath: path) }

    /// Creates `<tmp>/<name>-<uuid>/`.
    public init(_ name: String) throws {
        path = NSTemporaryDirectory() + name + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` (UTF-8) at `name`, creating the folders on the way.
    public func write(_ name: String, _ text: String) throws {
        let full = file(name)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
