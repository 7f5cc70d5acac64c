import Foundation
import TestSupport
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

@Suite(.serialized) struct ArchiveFaultTests {
    static func integrityOK(_ path: String) throws -> Bool {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"]
    }

    static func counts(_ path: String) throws -> [Int] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            try ["story", "quote", "story_entity WHERE length(spans) > 0", "story_entity", "entity WHERE storyCount > 0", "entity_alias"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
    }

    @Test func newerSchemaIsRefused() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("archive.sqlite")
        do {
            let archive = try SQLiteArchive(path: path)
            _ = try archive.store([Harbour.story1().item()])
            try archive.pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: from the future')")
            }
        }
        #expect(throws: ArchiveError.self) { try SQLiteArchive(path: path) }
        do {
            _ = try SQLiteArchive(path: path, mode: .readOnly)
            Issue.record("a newer archive opened")
        } catch let e as ArchiveError {
            #expect(e.kind == .newerSchema)
            #expect(e.description.contains(path) && e.description.contains("newer"))
        }
        let bin = try NewsroomBinary.find()
        let r = try bin.run(["stories", "--db", path], in: folder)
        #expect(r.status == 1)
        #expect(r.stderr.contains("newer") && r.stderr.contains(path))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func notSQLiteAndTruncatedFilesGiveAClearErrorAndStayUntouched() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let bin = try NewsroomBinary.find()
        let text = folder.file("notes.sqlite")
        try "These are my notes, not an archive.\n".write(toFile: text, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: text))
        for args in [["stories"], ["ingest", folder.file("none.txt")], ["search", "x"], ["quotes"], ["entities"],
                     ["mentions", "x"], ["related", "1"]] {
            let r = try bin.run(args + ["--db", text], in: folder)
            #expect(r.status == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(text) && r.stderr.contains("not an SQLite archive"), "\(args): \(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == before)

        // A real archive cut in half.
        let path = folder.file("cut.sqlite")
        do {
            let archive = try SQLiteArchive(path: path)
            var items: [IngestItem] = []
            for i in 0..<60 {
                var s = Harbour.story1()
                s.source = "/cut/\(i).txt"
                s.paragraphs.append(String(repeating: "Filler words about cranes and tides number \(i). ", count: 40))
                items.append(s.item())
            }
            _ = try archive.store(items)
        }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        var sawError = false
        for args in [["stories"], ["search", "cranes"], ["entities"], ["ingest", folder.file("none.txt")]] {
            let r = try bin.run(args + ["--db", path], in: folder)
            #expect(r.status != 0 || args == ["stories"], "\(args)")
            if r.status != 0 {
                sawError = true
                #expect(r.stderr.contains(path), "\(args): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count <= 2, "\(args): \(r.stderr)")
                #expect(!r.stderr.contains("Fatal error"), "\(args): \(r.stderr)")
            }
        }
        #expect(sawError)
    }

    @Test func readOnlyArchiveAndFolder() throws {
        // Root ignores permission bits, so as root the binary runs as an
        // unprivileged user, for whom root's 444 archive in a 555 folder is
        // read-only, as it is for anyone else. That user may not reach the
        // checkout (a clone under a mode-700 home) or TMPDIR: the binary runs
        // from a copy in a folder every user can enter, beside the archive.
        let other = NewsroomBinary.unprivilegedUser()
        if getuid() == 0 && other == nil {
            try Test.cancel("skipped: running as root with no `nobody` account or runuser to test read-only archives as")
        }
        guard let folder = try TemporaryFolder.reachableByOthers("newsroom-read-only") else {
            try Test.cancel("skipped: no temporary folder that another user can enter (TMPDIR and /tmp are private)")
        }
        defer {
            _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.file("ro"))
            folder.remove()
        }
        let bin = try NewsroomBinary.find().copy(into: folder.file("bin"))
        try ArchiveCLITests.writeCorpus(folder)
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder.file("ro"), withIntermediateDirectories: true)
        let path = folder.file("ro/archive.sqlite")
        #expect(try bin.run(["ingest", "--db", path, folder.file("corpus/a.txt")], in: folder).status == 0)
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try fm.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.file("ro"))
        let user = other?.user
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let write = try bin.run(["ingest", "--db", path, folder.file("corpus")], in: folder, user: user)
        #expect(write.status == 1)
        #expect(write.stderr.contains(path) && write.stderr.contains("read-only"), "\(write.stderr)")
        #expect(write.stderr.split(separator: "\n").count == 1, "\(write.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        // Queries still answer from a read-only archive in a read-only folder.
        let read = try bin.run(["stories", "--db", path], in: folder, user: user)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.split(separator: "\n").count == 1)
        let search = try bin.run(["search", "--db", path, "cranes"], in: folder, user: user)
        #expect(search.status == 0 && search.stdout.split(separator: "\n").count == 1, "\(search.stderr)")

        let newArchive = try bin.run(["ingest", "--db", folder.file("ro/new/archive.sqlite"), folder.file("corpus")],
                                     in: folder, user: user)
        #expect(newArchive.status == 1 && newArchive.stderr.contains("ro/new"), "\(newArchive.stderr)")
        #expect(!fm.fileExists(atPath: folder.file("ro/new")))
    }

    @Test func aFailedWriteKeepsTheLastCommittedBatch() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("archive.sqlite")
        let archive = try SQLiteArchive(path: path)
        _ = try archive.store([Harbour.story1().item(), Harbour.story2().item()])
        let pages = try archive.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        // A full disk, simulated: the writer may not grow the file further.
        try archive.pool.write { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
        var big: [IngestItem] = []
        for i in 0..<50 {
            var s = Harbour.story3()
            s.source = "/full/\(i).txt"
            s.paragraphs.append(String(repeating: "A long paragraph about the tides at Quenby \(i). ", count: 100))
            big.append(s.item())
        }
        do {
            _ = try archive.store(big)
            Issue.record("the write did not fail")
        } catch let e as ArchiveError {
            #expect(e.kind == .writeFailed)
            #expect(e.description.contains(path) && e.description.contains("last committed"))
        }
        #expect(try archive.storyCount() == 2)
        #expect(try archive.quoteCount(QuoteFilter()) == 2)
        #expect(try Self.integrityOK(path))
    }

    @Test func ingestKilledMidwayThenRerunMatchesACleanIngest() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let bin = try NewsroomBinary.find()
        let corpus = folder.file("corpus")
        _ = try CorpusWriter(seed: 7).write(count: 300, to: corpus)
        let clean = folder.file("clean.sqlite")
        let cleanRun = try bin.run(["ingest", "--db", clean, "--batch-size", "10", corpus], in: folder)
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")
        let expected = try Self.counts(clean)
        #expect(expected[0] == 300)

        var generator = SystemRandomNumberGenerator()
        var killedMidway = 0
        for round in 0..<3 {
            let path = folder.file("killed-\(round).sqlite")
            let (process, _, _) = try bin.start(["ingest", "--db", path, "--batch-size", "10", corpus], in: folder)
            // Wait for a random number of committed stories, then SIGKILL.
            let target = Int.random(in: 10...200, using: &generator)
            var seen = 0
            while process.isRunning && seen < target {
                usleep(2_000)
                if FileManager.default.fileExists(atPath: path),
                   let n = try? DatabaseQueue(path: path, configuration: Self.readOnly).read({ db in
                       try Int.fetchOne(db, sql: "SELECT count(*) FROM story") }) {
                    seen = n ?? 0
                }
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidway += 1
            }
            process.waitUntilExit()
            #expect(try Self.integrityOK(path))
            let partial = try Self.counts(path)[0]
            #expect(partial % 10 == 0 || partial == 300, "a batch was half written: \(partial) stories")
            let rerun = try bin.run(["ingest", "--db", path, "--batch-size", "10", "--json", corpus], in: folder)
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try Self.counts(path) == expected)
            #expect(try Self.integrityOK(path))
        }
        #expect(killedMidway > 0, "every ingest finished before it could be killed")
    }

    @Test func readersKeepWorkingWhileAnIngestWrites() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let corpus = folder.file("corpus")
        _ = try CorpusWriter(seed: 11).write(count: 120, to: corpus)
        let path = folder.file("archive.sqlite")
        var writer = try SQLiteArchive(path: path)
        writer.batchSize = 10
        _ = try writer.store([Harbour.story1().item()])
        let reader = try SQLiteArchive(path: path, mode: .readOnly)
        let ingesting = writer
        let ingest = DispatchQueue(label: "ingest")
        let group = DispatchGroup()
        let outcome = IngestOutcome()
        ingest.async(group: group) {
            outcome.set(Result { try ingesting.ingest(paths: [corpus], progress: nil) })
        }
        var counts: [Int] = []
        while group.wait(timeout: .now() + .milliseconds(5)) == .timedOut {
            counts.append(try reader.storyCount())
            _ = try reader.stories(offset: 0, limit: 20)
            _ = try reader.search("minister", offset: 0, limit: 5)
        }
        let report = try #require(try outcome.get())
        #expect(report.added == 120)
        #expect(try reader.storyCount() == 121)
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 <= $1 })
    }

    static var readOnly: Configuration {
        var c = Configuration()
        c.readonly = true
        return c
    }
}

/// The result of an ingest run on another thread.
final class IngestOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<IngestReport, any Error>?
    func set(_ r: Result<IngestReport, any Error>) { lock.withLock { result = r } }
    func get() throws -> IngestReport? { try lock.withLock { result }?.get() }
}
