import Foundation

/// Finds story files under paths and turns each into its stories.
public struct StoryLoader: Sendable {
    public var parsers: [any StoryParser]

    /// One parser per format; the format is detected from the content.
    public static let standardParsers: [any StoryParser] = [
        RSSParser(), AtomParser(), NewsMLParser(), NITFParser(), NinjsParser(), HTMLArticleParser(), WireStoryParser(),
    ]

    public init(parsers: [any StoryParser] = StoryLoader.standardParsers) {
        self.parsers = parsers
    }

    /// File name extensions a folder walk looks at. The content decides the
    /// format; `.xml` and `.json` files are taken only when their start shows
    /// a news format (a folder's other XML or JSON, such as `*.expected.json`,
    /// is no story).
    public static let storyExtensions: Set<String> = [
        "txt", "text", "xml", "rss", "atom", "rdf", "newsml", "nml", "nitf", "json", "ninjs", "html", "htm", "xhtml",
    ]

    /// Every story file named by `paths`: files as given, directories walked
    /// recursively for files with a story extension (sorted, hidden entries
    /// skipped). A path that does not exist comes back as an error in place.
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
            for case let url as URL in walker where Self.storyExtensions.contains(url.pathExtension.lowercased()) {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true, Self.mayHoldStories(url) {
                    found.append(path.hasSuffix("/") ? path + relative(url, to: root) : path + "/" + relative(url, to: root))
                }
            }
            out.append(contentsOf: found.sorted().map { .success($0) })
        }
        return out
    }

    /// Whether a file found in a folder walk is worth reading: `.xml` and
    /// `.json` ones only when their first 64 KB look like a news format.
    static func mayHoldStories(_ url: URL) -> Bool {
        let ext = url.pathExtension.lowercased()
        guard ext == "xml" || ext == "json" else { return true }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return true }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65536)) ?? Data()
        guard let text = try? TextDecoding.decode(head, source: url.path, contentType: nil) else { return true }
        let format = InputFormat.detect(text)
        return format != .unknownXML && format != .unknownJSON && format != .wireText
    }

    private func relative(_ url: URL, to root: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        if full.hasPrefix(base + "/") { return String(full.dropFirst(base.count + 1)) }
        return url.lastPathComponent
    }

    /// Read, decode and parse one file into every story it holds.
    public func stories(path: String) throws(StoryInputError) -> [Story] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            if !FileManager.default.fileExists(atPath: path) { throw .missing(path: path) }
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try stories(data: data, source: path)
    }

    /// Read, decode and parse a one-story file (the first story of a feed).
    public func load(path: String) throws(StoryInputError) -> Story {
        guard let first = try stories(path: path).first else { throw .empty(path: path) }
        return first
    }

    /// Decode and parse bytes that may hold several stories (a feed, a NewsML
    /// message) and came from `source` (a path or a URL). The format is found
    /// from the content (`InputFormat.detect`), never from a name or the
    /// media type; `contentType` is the HTTP `Content-Type` when the bytes
    /// came over HTTP: its charset wins over the one the document declares.
    /// Every story has `source` set to its identity (see `StoryParser`).
    public func stories(data: Data, source: String, contentType: String? = nil) throws(StoryInputError) -> [Story] {
        let text = try TextDecoding.decode(data, source: source, contentType: contentType)
        let format = InputFormat.detect(text)
        switch format {
        case .unknownXML:
            throw .malformed(path: source, reason: "XML of no known news format (not RSS, Atom, NewsML-G2 or NITF)")
        case .unknownJSON:
            throw .malformed(path: source, reason: "JSON of no known news format (not ninjs)")
        default: break
        }
        guard let parser = parsers.first(where: { $0.accepts(format) }) else { throw .unsupported(path: source) }
        do {
            return try parser.stories(text: text, source: source)
        } catch let e as StoryInputError {
            throw e
        } catch {
            throw .unreadable(path: source, reason: "\(error)")
        }
    }

    /// Decode and parse bytes that came from `source`: its first story.
    public func parse(data: Data, source: String) throws(StoryInputError) -> Story {
        guard let first = try stories(data: data, source: source).first else { throw .empty(path: source) }
        return first
    }
}
