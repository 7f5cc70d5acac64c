import Dispatch
import Foundation

/// Writes a generated corpus to disk: `DIR/000/story-000000.txt`, 1,000
/// stories a folder, plus a hidden `.corpus` file naming the seed and count so
/// a benchmark can tell whether a cached corpus is the one it wants.
public struct CorpusWriter: Sendable {
    public static let storiesPerFolder = 1_000
    public let generator: WireStoryGenerator

    public init(seed: UInt64) {
        generator = WireStoryGenerator(seed: seed)
    }

    /// What one `write` produced.
    public struct Summary: Sendable {
        public var stories: Int
        public var bytes: Int
    }

    /// The folder holding story `index`, relative to the corpus root.
    public static func folderName(ofStory index: Int) -> String {
        padded(index / storiesPerFolder, width: 3)
    }

    /// The path of story `index`, relative to the corpus root.
    public static func relativePath(ofStory index: Int) -> String {
        folderName(ofStory: index) + "/story-" + padded(index, width: 6) + ".txt"
    }

    /// The first `count` stories' folders, relative to the root: a corpus of
    /// 10,000 is the first ten folders of a corpus of 100,000.
    public static func folders(forStories count: Int) -> [String] {
        (0..<((count + storiesPerFolder - 1) / storiesPerFolder)).map { padded($0, width: 3) }
    }

    /// Write stories `0..<count` under `root`, on all cores. Throws a one-line
    /// error naming the path that could not be written.
    public func write(count: Int, to root: String) throws -> Summary {
        let fm = FileManager.default
        try createDirectory(root, fm)
        let folders = (count + Self.storiesPerFolder - 1) / Self.storiesPerFolder
        for f in 0..<folders {
            try createDirectory(root + "/" + Self.padded(f, width: 3), fm)
        }
        let totals = FolderTotals(count: folders)
        let generator = self.generator
        DispatchQueue.concurrentPerform(iterations: folders) { f in
            var bytes = 0
            let end = min(count, (f + 1) * Self.storiesPerFolder)
            for i in (f * Self.storiesPerFolder)..<end {
                let story = generator.story(i)
                let path = root + "/" + Self.relativePath(ofStory: i)
                if let error = Self.writeFile(path, story) {
                    totals.fail(f, error)
                    return
                }
                bytes += story.count
            }
            totals.set(f, bytes)
        }
        if let error = totals.firstError() { throw CorpusWriteError(description: error) }
        let info = "seed \(generator.seed)\nstories \(count)\nversion \(WireStoryGenerator.version)\n"
        if let error = Self.writeFile(root + "/.corpus", Array(info.utf8)) {
            throw CorpusWriteError(description: error)
        }
        return Summary(stories: count, bytes: totals.sum())
    }

    /// The `(seed, stories)` recorded in `root/.corpus`, if the corpus is complete
    /// and was written by this version of the generator.
    public static func recorded(at root: String) -> (seed: UInt64, stories: Int)? {
        guard let text = try? String(contentsOfFile: root + "/.corpus", encoding: .utf8) else { return nil }
        var seed: UInt64?
        var stories: Int?
        var version: Int?
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { continue }
            if parts[0] == "seed" { seed = UInt64(parts[1]) }
            if parts[0] == "stories" { stories = Int(parts[1]) }
            if parts[0] == "version" { version = Int(parts[1]) }
        }
        guard let seed, let stories, version == WireStoryGenerator.version else { return nil }
        return (seed, stories)
    }

    private func createDirectory(_ path: String, _ fm: FileManager) throws {
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CorpusWriteError(description: "\(path): cannot create folder")
        }
    }

    /// POSIX write: the corpus is hundreds of megabytes in 100,000 files, and
    /// `Data.write` costs an extra copy and several system calls per file.
    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { return "\(path): cannot write (\(String(cString: strerror(errno))))" }
        defer { close(fd) }
        var done = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return ok ? nil : "\(path): cannot write (\(String(cString: strerror(errno))))"
    }

    static func padded(_ n: Int, width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A corpus could not be written; the description names the path.
public struct CorpusWriteError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// Per-folder byte counts and errors, each slot written by one worker only.
private final class FolderTotals: @unchecked Sendable {
    private var bytes: [Int]
    private var errors: [String?]
    private let lock = NSLock()
    init(count: Int) {
        bytes = Array(repeating: 0, count: count)
        errors = Array(repeating: nil, count: count)
    }
    func set(_ i: Int, _ n: Int) { lock.withLock { bytes[i] = n } }
    func fail(_ i: Int, _ e: String) { lock.withLock { errors[i] = e } }
    func sum() -> Int { lock.withLock { bytes.reduce(0, +) } }
    func firstError() -> String? { lock.withLock { errors.compactMap { $0 }.first } }
}
