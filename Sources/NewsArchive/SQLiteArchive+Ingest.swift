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

    func storedAlready(_ files: [(path: String, hash: String)]) throws -> Set<String> {
        try read { db -> Set<String> in
            var found = Set<String>()
            let byHash = try db.cachedStatement(sql: "SELECT 1 FROM story WHERE contentHash = ?")
            let bySource = try db.cachedStatement(sql: "SELECT contentHash FROM story WHERE source = ?")
            for (path, hash) in files {
                guard try Int.fetchOne(byHash, arguments: [hash]) != nil else { continue }
                let here = try String.fetchAll(bySource, arguments: [Self.absolute(path)])
                if here.allSatisfy({ $0 == hash }) { found.insert(path + "\u{0}" + hash) }
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
    /// Of these files, the ones whose bytes are stored already and whose
    /// path holds no other version, as `path + "\0" + hash`.
    func storedAlready(_ files: [(path: String, hash: String)]) throws -> Set<String>
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
    /// parses and extracts the rest, all in parallel.
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
        let known: Set<String> = (try? storedAlready(read.compactMap { entry -> (path: String, hash: String)? in
            guard case .read(let path, _, let hash) = entry else { return nil }
            return (path, hash)
        })) ?? []
        return ParallelMap.map(read) { entry -> Prepared in
            switch entry {
            case .failed(let f): return .failed(f)
            case .read(let path, let data, let hash):
                if known.contains(path + "\u{0}" + hash) { return .unchanged }
                do throws(StoryInputError) {
                    var story = try loader.parse(data: data, source: path)
                    story.source = Self.absolute(path)
                    return .ready(PreparedStory(IngestItem(annotated: extractor.annotate(story), contentHash: hash)))
                } catch {
                    return .failed(.init(path: error.path, reason: error.reason))
                }
            }
        }
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

/// A file of the ingest after `prepare`.
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
