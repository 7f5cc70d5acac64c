import Foundation

/// Finds story files under paths and turns each into a `Story`.
public struct StoryLoader: Sendable {
    public var parsers: [any StoryParser]

    public init(parsers: [any StoryParser] = [WireStoryParser()]) {
        self.parsers = parsers
    }

    /// Every story file named by `paths`: files as given, directories walked
    /// recursively for `.txt` files (sorted, hidden entries skipped). A path that
    /// does not exist comes back as an error in place.
    public func files(in paths: [String]) -> [Result<String, StoryInputError>] {
        var out: [Result<String, StoryInputError>] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                out.append(.failure(.missing(path: path)))
                continue
            }
            if !isDir.boolValue {
                out.append(.success(path))
                continue
            }
            let root = URL(fileURLWithPath: path)
            guard let walker = fm.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]
            ) else {
                out.append(.failure(.unreadable(path: path, reason: "cannot list directory")))
                continue
            }
            var found: [String] = []
            for case let url as URL in walker where url.pathExtension.lowercased() == "txt" {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    found.append(path.hasSuffix("/") ? path + relative(url, to: root) : path + "/" + relative(url, to: root))
                }
            }
            out.append(contentsOf: found.sorted().map { .success($0) })
        }
        return out
    }

    private func relative(_ url: URL, to root: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
        return url.lastPathComponent
    }

    /// Read, decode and parse one file.
    public func load(path: String) throws(StoryInputError) -> Story {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            if !FileManager.default.fileExists(atPath: path) { throw .missing(path: path) }
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data: data, source: path)
    }

    /// Decode and parse bytes that may hold several stories (a feed, a NewsML
    /// package) and came from `source` (a path or a URL). `contentType` is the
    /// HTTP `Content-Type` when the bytes came over HTTP; its charset wins over
    /// the one the document declares.
    public func stories(data: Data, source: String, contentType: String? = nil) throws(StoryInputError) -> [Story] {
        [try parse(data: data, source: source)]
    }

    /// Decode and parse bytes that came from `source`.
    public func parse(data: Data, source: String) throws(StoryInputError) -> Story {
        let text = try TextDecoding.decode(data, source: source)
        let prefix = Array(data.prefix(64))
        guard let parser = parsers.first(where: { $0.accepts(path: source, prefix: prefix) }) else {
            throw .unsupported(path: source)
        }
        do {
            return try parser.parse(text: text, source: source)
        } catch let e as StoryInputError {
            throw e
        } catch {
            throw .unreadable(path: source, reason: "\(error)")
        }
    }
}
