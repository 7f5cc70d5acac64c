import Dispatch
import Foundation
import GRDB
import NewsKit

extension SQLiteArchive: IngestingArchive {
    public func store(_ items: [IngestItem]) throws -> IngestReport {
        let prepared = ParallelMap.map(items) { PreparedStory($0) }
        var report = IngestReport()
        report.filesSeen = items.count
        try write(prepared, linker: EntityLinker(), into: &report)
        return report
    }

    /// Writes one batch in one transaction and adds its outcome to `report`
    /// only once it is committed.
    func write(_ batch: [PreparedStory], linker: EntityLinker, into report: inout IngestReport) throws {
        if batch.isEmpty { return }
        do {
            let counts = try pool.write { db -> IngestReport in
                var writer = try ArchiveWriter(db: db, linker: linker)
                var counts = IngestReport()
                for p in batch { counts.count(try writer.write(p)) }
                try writer.flush()
                return counts
            }
            report.add(counts)
        } catch {
            // The transaction rolled back: forget what the linker saw in it.
            linker.reset()
            throw Self.describe(error, path: path)
        }
    }

    public func ingest(paths: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> IngestReport {
        try ingestFiles(paths: paths, progress: progress)
    }

    public func ingest(stories: [Story]) throws -> IngestReport {
        try ingestParsed(stories)
    }

    func storedAlready(_ pairs: [(source: String, hash: String)]) throws -> Set<String> {
        try read { db -> Set<String> in
            var found = Set<String>()
            let byHash = try db.cachedStatement(sql: "SELECT 1 FROM story WHERE contentHash = ?")
            let bySource = try db.cachedStatement(sql: "SELECT contentHash FROM story WHERE source = ?")
            for (source, hash) in pairs {
                guard try Int.fetchOne(byHash, arguments: [hash]) != nil else { continue }
                let here = try String.fetchAll(bySource, arguments: [source])
                if here.allSatisfy({ $0 == hash }) { found.insert(source + "\u{0}" + hash) }
            }
            return found
        }
    }

    func ingestFinished() {
        // Fold the WAL back into the archive file and empty it, without
        // waiting: when a reader is browsing, this gives up and SQLite
        // checkpoints later.
        _ = try? pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = 10000") }
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}

/// What the shared ingest below needs of a backend (SQLite, PostgreSQL): the
/// reading, hashing, parsing and extracting on all cores, the batching and
/// the one background writer are the same for both.
protocol IngestingArchive: ArchiveStore {
    /// How many stories one write transaction holds.
    var batchSize: Int { get }
    /// Of these (source as stored, content hash) pairs, the ones whose hash
    /// is stored already and whose source holds no other version, as
    /// `source + "\0" + hash`: storing them again would change nothing.
    func storedAlready(_ pairs: [(source: String, hash: String)]) throws -> Set<String>
    /// Writes one batch in one transaction and adds its outcome to `report`
    /// only once it is committed.
    func write(_ batch: [PreparedStory], linker: EntityLinker, into report: inout IngestReport) throws
    /// After the last batch (housekeeping; errors ignored).
    func ingestFinished()
}

extension IngestingArchive {
    func ingestFiles(paths: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> IngestReport {
        let loader = StoryLoader()
        let extractor = Extractor()
        var report = IngestReport()
        var files: [String] = []
        for entry in loader.files(in: paths) {
            switch entry {
            case .success(let p): files.append(p)
            case .failure(let e): report.failed.append(.init(path: e.path, reason: e.reason))
            }
        }
        report.filesSeen = files.count + report.failed.count
        let total = files.count
        let linker = EntityLinker()
        let batchSize = max(1, self.batchSize)

        // Prepare batch n+1 (read, hash, parse, extract on all cores) while
        // batch n is written by one background writer.
        let writerQueue = DispatchQueue(label: "newsroom.archive.writer")
        let pending = PendingWrite()
        var done = 0
        var start = 0
        while start < files.count {
            let chunk = Array(files[start..<min(files.count, start + batchSize)])
            start += chunk.count
            let outcomes = prepare(chunk, loader: loader, extractor: extractor)
            var batch: [PreparedStory] = []
            var chunkFailures: [IngestReport.Failure] = []
            var chunkUnchanged = 0
            for outcome in outcomes {
                switch outcome {
                case .ready(let p): batch.append(p)
                case .unchanged: chunkUnchanged += 1
                case .failed(let f): chunkFailures.append(f)
                }
            }
            // Wait for the previous batch before queueing this one, so at most
            // one batch is in memory waiting and errors stop the ingest early.
            try pending.wait(into: &report)
            report.unchanged += chunkUnchanged
            report.failed += chunkFailures
            let chunkCount = chunk.count
            let archive = self
            let ready = batch
            pending.start(on: writerQueue) {
                var partial = IngestReport()
                try archive.write(ready, linker: linker, into: &partial)
                return partial
            } then: {
                done += chunkCount
                progress?(done, total)
            }
        }
        try pending.wait(into: &report)
        ingestFinished()
        return report
    }

    /// Reads and hashes a chunk, skips what the archive already holds, and
    /// parses and extracts the rest, all in parallel. A file may hold several
    /// stories (a feed, a NewsML message): one outcome per story.
    func prepare(_ chunk: [String], loader: StoryLoader, extractor: Extractor) -> [Prepared] {
        let read = ParallelMap.map(chunk) { path -> FileRead in
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                return .read(path: path, data: data, hash: ContentHash.of(data))
            } catch {
                return .failed(.init(path: path, reason: "cannot read: \((error as NSError).localizedDescription)"))
            }
        }
        // Files whose bytes are stored already, and whose path holds no other
        // version, need no parsing or extraction.
        let known = (try? storedAlready(read.compactMap { entry in
            if case .read(let path, _, let hash) = entry { (Self.absolute(path), hash) } else { nil }
        })) ?? []
        let parsed = ParallelMap.map(read) { entry -> [Parsed] in
            switch entry {
            case .failed(let f): return [.failed(f)]
            case .read(let path, let data, let hash):
                if known.contains(Self.absolute(path) + "\u{0}" + hash) { return [.unchanged] }
                do throws(StoryInputError) {
                    let stories = try loader.stories(data: data, source: path)
                    return stories.map { story in
                        let (stored, storyHash) = Self.identity(of: story, path: path, fileHash: hash, alone: stories.count == 1)
                        return .story(stored, hash: storyHash)
                    }
                } catch {
                    return [.failed(.init(path: error.path, reason: error.reason))]
                }
            }
        }.flatMap { $0 }
        return extract(parsed, extractor: extractor)
    }

    /// Extracts the parsed stories the archive does not hold yet, in parallel.
    func extract(_ parsed: [Parsed], extractor: Extractor) -> [Prepared] {
        let known = (try? storedAlready(parsed.compactMap {
            if case .story(let s, let h) = $0 { (s.source, h) } else { nil }
        })) ?? []
        return ParallelMap.map(parsed) { entry -> Prepared in
            switch entry {
            case .failed(let f): return .failed(f)
            case .unchanged: return .unchanged
            case .story(let story, let hash):
                if known.contains(story.source + "\u{0}" + hash) { return .unchanged }
                return .ready(PreparedStory(IngestItem(annotated: extractor.annotate(story), contentHash: hash)))
            }
        }
    }

    /// A story's source and content hash as stored. The file's own story
    /// (source = the path) is the absolute path and the file's bytes' hash,
    /// as for wire text; an item of a feed or message keeps the identity its
    /// parser gave it (guid, id, uri; `file#n` made absolute) and is hashed by
    /// what was parsed from it, so the same item from any file or fetch is
    /// one story, and a changed item updates it.
    static func identity(of story: Story, path: String, fileHash: String, alone: Bool) -> (Story, String) {
        var story = story
        if story.source == path {
            story.source = absolute(path)
            if alone { return (story, fileHash) }
        } else if story.source.hasPrefix(path + "#") {
            story.source = absolute(path) + story.source.dropFirst(path.count)
        }
        return (story, StoryHash.of(story))
    }

    /// Parses nothing: stores stories parsed elsewhere (fetched feed items,
    /// pages), each identified by its `source` and hashed by its fields.
    /// Unchanged stories are counted and not extracted again.
    func ingestParsed(_ stories: [Story]) throws -> IngestReport {
        let outcomes = extract(stories.map { .story($0, hash: StoryHash.of($0)) }, extractor: Extractor())
        var report = IngestReport()
        var batch: [PreparedStory] = []
        for outcome in outcomes {
            switch outcome {
            case .ready(let p): batch.append(p)
            case .unchanged: report.unchanged += 1
            case .failed(let f): report.failed.append(f)
            }
        }
        try write(batch, linker: EntityLinker(), into: &report)
        return report
    }

    /// A story's source as stored: an absolute, standardized path, so the
    /// same file ingested from another folder is recognised.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// A file of the ingest read and hashed (`prepare`).
enum FileRead: Sendable {
    case read(path: String, data: Data, hash: String)
    case failed(IngestReport.Failure)
}

/// A parsed story and its content hash, or what stopped a file.
enum Parsed: Sendable {
    case story(Story, hash: String)
    case unchanged
    case failed(IngestReport.Failure)
}

/// A story of the ingest after `prepare`.
enum Prepared: Sendable {
    case ready(PreparedStory)
    case unchanged
    case failed(IngestReport.Failure)
}

/// The one batch being written in the background, and how it ended.
private final class PendingWrite: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<IngestReport, any Error>?
    private var after: (() -> Void)?

    func start(on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> IngestReport,
               then after: @escaping () -> Void) {
        self.after = after
        group.enter()
        queue.async {
            let r = Result { try work() }
            self.result = r
            self.group.leave()
        }
    }

    func wait(into report: inout IngestReport) throws {
        group.wait()
        guard let r = result else { return }
        result = nil
        report.add(try r.get())
        after?()
        after = nil
    }
}
