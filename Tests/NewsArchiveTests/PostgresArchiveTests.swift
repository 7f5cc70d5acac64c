import Foundation
import NewsKit
import Testing
import TestSupport
@testable import NewsArchive

/// What only the PostgreSQL backend has: a server to lose, schema versions
/// in a table, several ingesters at once. Against the real test server
/// (`NEWSROOM_TEST_PG`); reported as skipped without one.
@Suite(.enabled(if: TestPostgres.url != nil, TestPostgres.skipReason))
struct PostgresArchiveTests {
    @Test func aNewerSchemaIsRefusedAndNothingTouched() throws {
        try TestPostgres.withSchema { url in
            _ = try PostgresArchive(url: url)
            try TestPostgres.run(url, "INSERT INTO newsroom_schema (version, name) VALUES (99, 'from the future')")
            for mode in [SQLiteArchive.Mode.readWrite, .readOnly] {
                #expect { try PostgresArchive(url: url, mode: mode) } throws: { error in
                    let e = error as? ArchiveError
                    return e?.kind == .newerSchema && e!.description.contains("99") && e!.description.contains("upgrade newsroom")
                }
            }
            #expect(throws: ArchiveError.self) { try PostgresArchive.migrate(url: url) }
            let versions = try TestPostgres.run(url, "SELECT version FROM newsroom_schema ORDER BY version")
            #expect((0..<versions.count).map { versions.int($0, 0) } == PostgresSchema.migrations.map(\.version) + [99])
        }
    }

    @Test func readOnlyNeedsAnArchiveAndMigrateMakesOne() throws {
        try TestPostgres.withSchema { url in
            #expect { try PostgresArchive(url: url, mode: .readOnly) } throws: { error in
                (error as? ArchiveError)?.description.contains("no archive here") == true
            }
            // Refusing wrote nothing.
            let tables = try TestPostgres.run(url, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
            #expect(tables.int(0, 0) == 0)
            #expect(try PostgresArchive.migrate(url: url) == PostgresSchema.migrations.map(\.version))
            #expect(try PostgresArchive.migrate(url: url) == [])
            let archive = try PostgresArchive(url: url, mode: .readOnly)
            #expect(try archive.storyCount() == 0)
            // A read-only archive cannot be written, whatever it is asked.
            #expect(throws: ArchiveError.self) { try archive.store([Harbour.story1().item()]) }
        }
    }

    @Test func aPasswordInTheURLIsRefusedWithoutShowingIt() throws {
        for url in ["postgresql://editor:hunter2secret@db.example/news", "postgres:///news?password=hunter2secret&host=/tmp"] {
            #expect { try PostgresArchive(url: url) } throws: { error in
                let text = "\(error)"
                return text.contains("PGPASSWORD") && !text.contains("hunter2secret")
            }
        }
    }

    @Test func anUnreachableServerIsOneLineNamingTheURL() throws {
        let url = "postgresql:///news?host=/nonexistent-newsroom-socket"
        #expect { try PostgresArchive(url: url) } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(url) && !text.contains("\n")
        }
    }

    /// The server ends the writer's and the reader's connections between two
    /// batches: the next write and read reconnect (one notice line each) and
    /// nothing is lost or doubled.
    @Test func aLostConnectionIsRetriedOnANewOne() throws {
        try TestPostgres.withSchema { url in
            let notices = Notices()
            var archive = try PostgresArchive(url: url)
            archive.notice = { notices.add($0) }
            _ = try archive.store([Harbour.story1().item()])
            #expect(try archive.storyCount() == 1)
            let pids = [archive.writer.backendPID, archive.reader.backendPID]
            #expect(pids.allSatisfy { $0 > 0 })
            for pid in pids { try TestPostgres.run(url, "SELECT pg_terminate_backend($1)", [Int(pid)]) }
            let report = try archive.store([Harbour.story2().item(), Harbour.story3().item()])
            #expect(report.added == 2)
            #expect(try archive.storyCount() == 3)
            #expect(notices.lines.count == 2, "\(notices.lines)")
            #expect(notices.lines.allSatisfy { $0.hasPrefix(url) && $0.contains("connection lost") })
            let marrow = try #require(try archive.findEntities(named: "Ilse Marrow", type: .person, limit: 5).first)
            #expect(marrow.storyCount == 3 && marrow.quoteCount == 3)
        }
    }

    /// A batch that fails part-way leaves nothing of itself: its stories,
    /// quotes, entities and counts are all rolled back.
    @Test func aFailedBatchLeavesNothingHalfWritten() throws {
        try TestPostgres.withSchema { url in
            let archive = try PostgresArchive(url: url)
            _ = try archive.store([Harbour.story1().item()])
            var broken = Harbour.story3()
            broken.paragraphs[1] += " \u{0}"
            #expect(throws: ArchiveError.self) { try archive.store([Harbour.story2().item(), broken.item()]) }
            #expect(try archive.storyCount() == 1)
            let marrow = try #require(try archive.findEntities(named: "Marrow", type: .person, limit: 5).first)
            #expect(marrow.storyCount == 1 && marrow.quoteCount == 1 && marrow.mentionCount == 2)
            #expect(try archive.quoteCount(QuoteFilter()) == 1)
            #expect(try archive.search("inspections", offset: 0, limit: 5).isEmpty)
        }
    }

    /// Two `newsroom ingest` processes at once, one story per transaction,
    /// their stories about the same people interleaving: a person is one
    /// entity at the end however the writes fell, with every story counted.
    @Test func twoIngestersAtOnceLinkEachPersonOnce() throws {
        let bin = try NewsroomBinary.find()
        try TestPostgres.withSchema { url in
            let folder = try TempFolder()
            defer { folder.cleanUp() }
            let perIngester = 24
            for side in ["east", "west"] {
                for i in 0..<perIngester {
                    let day = 1 + i % 28
                    // Every other story names the people in full; the rest by surname only.
                    let paragraphs = i % 2 == 0 ? [
                        "Union leader Ilse Marrow met Mayor Teodor Quill at the \(side) quay on day \(i).",
                        "“We will not go back until crane \(i) is safe,” Marrow said after the meeting.",
                        "Quill said the city would pay for inspection \(i).",
                    ] : [
                        "Inspectors started work on crane \(i) at the \(side) quay.",
                        "“This is step \(i),” Marrow said.",
                    ]
                    try folder.write("\(side)/\(i).txt", ArchiveCLITests.wireStory(
                        headline: "Harbour talks, \(side) quay, day \(i)",
                        dateline: "VALMORA, March \(day), 2031 (Newswire) -", paragraphs: paragraphs))
                }
            }
            let started = try ["east", "west"].map { side in
                try bin.start(["ingest", "--db", url, "--batch-size", "1", folder.file(side)], in: folder)
            }
            for (p, _, err) in started {
                p.waitUntilExit()
                #expect(p.terminationStatus == 0, "\((try? String(contentsOfFile: err, encoding: .utf8)) ?? "")")
            }
            let archive = try PostgresArchive(url: url, mode: .readOnly)
            #expect(try archive.storyCount() == 2 * perIngester)
            let marrow = try archive.findEntities(named: "Marrow", type: .person, limit: 10)
            #expect(marrow.map(\.name) == ["Ilse Marrow"])
            #expect(marrow.first?.storyCount == 2 * perIngester)
            #expect(marrow.first?.quoteCount == 2 * perIngester)
            let quill = try archive.findEntities(named: "Quill", type: .person, limit: 10)
            #expect(quill.map(\.name) == ["Teodor Quill"])
            #expect(quill.first?.storyCount == perIngester)
            let reporter = try archive.findEntities(named: "Ada Fenwick", type: .person, limit: 10)
            #expect(reporter.count == 1 && reporter.first?.storyCount == 2 * perIngester)
        }
    }

    /// `migrate`, then `copy` SQLite -> PostgreSQL -> SQLite through the real
    /// binary, with NEWSROOM_DB naming the server: the copy answers every
    /// query as the original does, and copying again changes nothing.
    @Test func migrateAndCopyRoundTripThroughTheBinary() throws {
        let bin = try NewsroomBinary.find()
        try TestPostgres.withSchema { url in
            let folder = try TempFolder()
            defer { folder.cleanUp() }
            try ArchiveCLITests.writeCorpus(folder)
            let original = folder.file("original.sqlite"), back = folder.file("back.sqlite")
            #expect(try bin.run(["ingest", "--db", original, folder.file("corpus")], in: folder).status == 0)

            let (m, migrated) = try bin.json(["migrate", "--db", url], in: folder)
            #expect(m.status == 0, "\(m.stderr)")
            #expect(migrated["applied"] as? [Int] == PostgresSchema.migrations.map(\.version) && migrated["schemaVersion"] as? Int == PostgresSchema.version)
            #expect(try bin.json(["migrate", "--db", url], in: folder).1["applied"] as? [Int] == [])

            let (c, copied) = try bin.json(["copy", "--from", original, "--to", url], in: folder)
            #expect(c.status == 0, "\(c.stderr)")
            #expect(copied["added"] as? Int == 3 && copied["countsMatch"] as? Bool == true)
            let (again, resumed) = try bin.json(["copy", "--from", original, "--to", url], in: folder)
            #expect(again.status == 0 && resumed["unchanged"] as? Int == 3 && resumed["added"] as? Int == 0)
            #expect(try bin.run(["copy", "--from", url, "--to", back], in: folder).status == 0)

            let queries = [["stories"], ["entities"], ["quotes"], ["search", "cranes"], ["mentions", "Ilse Marrow"],
                           ["quotes", "--speaker", "Marrow"], ["related", "1"]]
            for q in queries {
                let a = try bin.run(q + ["--db", original, "--json"], in: folder)
                let b = try bin.run(q + ["--db", back, "--json"], in: folder)
                #expect(a.status == 0 && a.stdout == b.stdout, "\(q): \(a.stderr)")
            }
            // NEWSROOM_DB names the server for every command.
            let viaEnvironment = try bin.run(["stories", "--json"], in: folder, environment: ["NEWSROOM_DB": url])
            #expect(viaEnvironment.stdout == (try bin.run(["stories", "--db", original, "--json"], in: folder)).stdout)
            // Copying into an archive that holds other stories: counts differ, exit 1, one line.
            let other = folder.file("other.sqlite")
            _ = try SQLiteArchive(path: other).store([Harbour.story1().item()])
            let mismatch = try bin.run(["copy", "--from", original, "--to", other], in: folder)
            #expect(mismatch.status == 1 && mismatch.stderr.split(separator: "\n").count == 1, "\(mismatch.stderr)")
        }
    }

    /// A listener hears of committed stories only, with their number.
    @Test func listenersHearOfCommittedStories() throws {
        try TestPostgres.withSchema { url in
            let archive = try PostgresArchive(url: url)
            let news = try PostgresArchive(url: url, mode: .readOnly).storyNotifications()
            #expect(news.newStories() == 0)
            _ = try archive.store([Harbour.story1().item(), Harbour.story2().item()])
            var heard = 0
            let end = Date().addingTimeInterval(20)
            while heard < 2 && Date() < end { heard += news.newStories(timeout: 0.5) }
            #expect(heard == 2)
            // Nothing for a batch that changed nothing, or one that failed.
            let again = try archive.store([Harbour.story1().item()])
            #expect(again.unchanged == 1)
            #expect(news.newStories(timeout: 1) == 0)
            var broken = Harbour.story3()
            broken.paragraphs[0] += "\u{0}"
            #expect(throws: ArchiveError.self) { try archive.store([broken.item()]) }
            #expect(news.newStories(timeout: 1) == 0)
        }
    }

    /// The reader on a shared archive, in tmux: another process ingests a
    /// story, the open reader says so, and Ctrl-L lists it.
    @Test func anOpenReaderHearsOfNewStories() throws {
        let bin = try NewsroomBinary.find()
        try TestPostgres.withSchema { url in
            let folder = try TempFolder()
            defer { folder.cleanUp() }
            try ArchiveCLITests.writeCorpus(folder)
            #expect(try bin.run(["ingest", "--db", url, folder.file("corpus")], in: folder).status == 0)
            let tmux = try TmuxTerminal.program([bin.path, "browse", "--db", url], in: folder)
            defer { tmux.close() }
            tmux.waitFor("Stories 1/3")
            try folder.write("late/d.txt", ArchiveCLITests.wireStory(
                headline: "Ferry timetable changes for winter", dateline: "QUENBY, March 9, 2031 (Newswire) -",
                paragraphs: ["The ferry will sail twice a day from November, the harbour office said."]))
            #expect(try bin.run(["ingest", "--db", url, folder.file("late")], in: folder).status == 0)
            tmux.waitFor("1 new story — Ctrl-L")
            tmux.keys("C-l")
            let screen = tmux.waitFor("Ferry timetable changes")
            #expect(screen.contains("/4"))
            tmux.keys("q")
        }
    }

    @Test func searchTextWithTsquerySyntaxIsPlainWords() throws {
        try TestPostgres.withSchema { url in
            let archive = try PostgresArchive(url: url)
            _ = try archive.store([Harbour.story1().item(), Harbour.story2().item(), Harbour.story3().item()])
            for hostile in ["cranes:* & !safe | (", "'cranes'", "\\' OR 1=1 --", "cranes & | ! <-> :A", "\u{0}cranes",
                            String(repeating: "x", count: 5000), "speaker:'marrow'", "entity:\\"] {
                _ = try archive.search(hostile, offset: 0, limit: 10)
                _ = try archive.quotes(QuoteFilter(text: hostile))
                _ = try archive.findEntities(named: hostile, type: nil, limit: 5)
            }
            #expect(try archive.search("cranes:* & !safe", offset: 0, limit: 10).count
                    == archive.search("cranes safe", offset: 0, limit: 10).count)
            #expect(try archive.search(String(repeating: "x", count: 5000), offset: 0, limit: 10).isEmpty)
            #expect(try archive.storyCount() == 3)
        }
    }
}

/// Lines a callback collected from any thread.
final class Notices: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    func add(_ line: String) { lock.lock(); collected.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return collected }
}
