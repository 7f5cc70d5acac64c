import Foundation
import TestSupport
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

/// The real binary against real archive files. Story files are fictional and
/// written here; archives with known entities are built through the library
/// and then queried through the binary.
@Suite(.serialized) struct ArchiveCLITests {
    static func wireStory(headline: String, dateline: String, paragraphs: [String]) -> String {
        ([headline, "", "By Ada Fenwick", "", dateline + " " + paragraphs[0]] + paragraphs.dropFirst().flatMap { ["", $0] })
            .joined(separator: "\n") + "\n"
    }

    static func writeCorpus(_ folder: some ScratchFolder) throws {
        try folder.write("corpus/a.txt", wireStory(
            headline: "Valmora dockworkers strike over crane safety",
            dateline: "VALMORA, March 2, 2031 (Newswire) -",
            paragraphs: ["Dockworkers at the Port of Valmora walked out on Monday.",
                         "“We will not go back until the cranes are safe,” union leader Ilse Marrow said."]))
        try folder.write("corpus/b.txt", wireStory(
            headline: "Quenby council approves tram extension",
            dateline: "QUENBY, March 4, 2031 (Newswire) -",
            paragraphs: ["The Quenby council voted 9-2 to extend the tram line to the harbour.",
                         "“It is a good day for the city,” Mayor Teodor Quill said."]))
        try folder.write("corpus/sub/c.txt", wireStory(
            headline: "Crane inspections ordered at Valmora",
            dateline: "VALMORA, March 5, 2031 (Newswire) -",
            paragraphs: ["Inspectors will check every crane at the port, the ministry said.",
                         "“This is the first step,” said Ilse Marrow."]))
    }

    @Test(arguments: Backend.available) func ingestReingestChangeAndQuery(_ backend: Backend) throws {
        let bin = try NewsroomBinary.find()
        try backend.withLocation { db, folder in
            try Self.writeCorpus(folder)
            let (first, counts) = try bin.json(["ingest", "--db", db, folder.file("corpus")], in: folder)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(counts["formatVersion"] as? Int == 1)
            #expect(counts["filesSeen"] as? Int == 3)
            #expect(counts["added"] as? Int == 3)
            #expect((counts["failed"] as? [Any])?.isEmpty == true)

            let (_, again) = try bin.json(["ingest", "--db", db, folder.file("corpus")], in: folder)
            #expect(again["added"] as? Int == 0 && again["unchanged"] as? Int == 3)

            try folder.write("corpus/b.txt", Self.wireStory(
                headline: "Quenby council delays tram extension",
                dateline: "QUENBY, March 6, 2031 (Newswire) -",
                paragraphs: ["The Quenby council put off the tram vote by a week."]))
            let (_, changed) = try bin.json(["ingest", "--db", db, folder.file("corpus")], in: folder)
            #expect(changed["updated"] as? Int == 1 && changed["unchanged"] as? Int == 2 && changed["added"] as? Int == 0)

            let (storiesRun, stories) = try bin.json(["stories", "--db", db], in: folder)
            #expect(storiesRun.status == 0)
            let list = try #require(stories["stories"] as? [[String: Any]])
            #expect(list.count == 3)
            #expect(list.map { $0["headline"] as? String } == [
                "Quenby council delays tram extension", "Crane inspections ordered at Valmora",
                "Valmora dockworkers strike over crane safety",
            ])
            for key in ["id", "headline", "date", "agency", "source", "quoteCount"] {
                #expect(list[0].keys.contains(key), "stories record lacks \(key)")
            }
            #expect(list[0]["date"] as? String == "2031-03-06")

            let (searchRun, search) = try bin.json(["search", "--db", db, "tram"], in: folder)
            #expect(searchRun.status == 0)
            let hits = try #require(search["search"] as? [[String: Any]])
            #expect(hits.map { $0["headline"] as? String } == ["Quenby council delays tram extension"])
            for key in ["story", "headline", "snippet", "rank"] { #expect(hits[0].keys.contains(key)) }
            #expect(try bin.run(["search", "--db", db, "approves"], in: folder).stdout.isEmpty)

            let plain = try bin.run(["stories", "--db", db], in: folder)
            #expect(plain.status == 0 && plain.stdout.split(separator: "\n").count == 3)
        }
    }

    /// The issue's "done when": ingest the sample corpus, then one person's
    /// quotes come from every story that quotes them, and their mentions run
    /// in archive order across stories.
    @Test(arguments: Backend.available) func sampleCorpusSpeakerAcrossStories(_ backend: Backend) throws {
        let bin = try NewsroomBinary.find()
        try backend.withLocation { db, folder in
            let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Resources/corpus").path
            let (ingest, counts) = try bin.json(["ingest", "--db", db, corpus], in: folder)
            #expect(ingest.status == 0, "\(ingest.stderr)")
            let added = try #require(counts["added"] as? Int)
            #expect(added > 0)
            let (_, again) = try bin.json(["ingest", "--db", db, corpus], in: folder)
            #expect(again["unchanged"] as? Int == added && again["added"] as? Int == 0)

            let (_, stories) = try bin.json(["stories", "--db", db, "--limit", "100000"], in: folder)
            let order = try #require(stories["stories"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
            #expect(order.count == added)
            let (_, people) = try bin.json(["entities", "--db", db, "--type", "person", "--limit", "1000"], in: folder)
            let list = try #require(people["entities"] as? [[String: Any]])
            guard let person = list.first(where: { ($0["storyCount"] as? Int ?? 0) >= 2 && ($0["quoteCount"] as? Int ?? 0) >= 2 }),
                  let name = person["name"] as? String, let id = person["id"] as? Int else {
                Issue.record("no person quoted in two stories of the sample corpus")
                return
            }
            let (qr, quotes) = try bin.json(["quotes", "--db", db, "--speaker", name], in: folder)
            #expect(qr.status == 0, "\(qr.stderr)")
            let qs = try #require(quotes["quotes"] as? [[String: Any]])
            #expect(qs.count == person["quoteCount"] as? Int)
            #expect(qs.allSatisfy { $0["speakerId"] as? Int == id && $0["speaker"] as? String == name })
            let (mr, mentions) = try bin.json(["mentions", "--db", db, name], in: folder)
            #expect(mr.status == 0, "\(mr.stderr)")
            let ms = try #require(mentions["mentions"] as? [[String: Any]])
            #expect(ms.count == person["mentionCount"] as? Int)
            let positions = ms.compactMap { m in (m["story"] as? Int).flatMap { order.firstIndex(of: $0) } }
            #expect(positions.count == ms.count)
            #expect(positions == positions.sorted(), "mentions out of archive order")
            #expect(Set(positions).count == person["storyCount"] as? Int)
        }
    }

    @Test(arguments: Backend.available) func hostileSearchTextIsAnswered(_ backend: Backend) throws {
        let bin = try NewsroomBinary.find()
        try backend.withLocation { db, folder in
            try Self.writeCorpus(folder)
            _ = try bin.run(["ingest", "--db", db, folder.file("corpus")], in: folder)
            for text in ["\"unbalanced", "a OR", "NEAR(", "'; DROP TABLE story; --", "*", "crane*", "speaker:",
                         "kind:loud", "\"", "OR AND NOT", "entity:\"", "😀 ✓", "\u{1B}[2J"] {
                let (r, object) = try bin.json(["search", "--db", db, text], in: folder)
                #expect(r.status == 0, "search \(text): \(r.stderr)")
                #expect(object["search"] is [Any], "search \(text) printed \(r.stdout)")
                #expect(!r.stderr.lowercased().contains("sqlite"), "search \(text): \(r.stderr)")
                let q = try bin.run(["quotes", "--db", db, "--text", text, "--json"], in: folder)
                #expect(q.status == 0, "quotes --text \(text): \(q.stderr)")
            }
            let (_, stories) = try bin.json(["stories", "--db", db], in: folder)
            #expect((stories["stories"] as? [Any])?.count == 3)
        }
    }

    /// An archive with known entities at `db`, built through the library.
    func harbourArchive(_ db: String) throws {
        let archive = try ArchiveLocation.open(db, mode: .readWrite)
        var s2 = Harbour.story2()
        s2.paragraphs.append("Bram Marrowby, a crane driver, said he was “relieved”.")
        s2.entities.append(("Bram Marrowby", .person, ["Bram Marrowby"]))
        s2.quotes.append(("relieved", 2, .partial))
        _ = try archive.store([Harbour.story1().item(), s2.item(), Harbour.story3().item()])
    }

    @Test(arguments: Backend.available) func quotesEntitiesMentionsRelatedThroughTheBinary(_ backend: Backend) throws {
        let bin = try NewsroomBinary.find()
        try backend.withLocation { db, folder in
            try harbourArchive(db)

            let (qr, quotes) = try bin.json(["quotes", "--db", db, "--speaker", "ILSE"], in: folder)
            #expect(qr.status == 0, "\(qr.stderr)")
            let qs = try #require(quotes["quotes"] as? [[String: Any]])
            #expect(qs.count == 3)
            #expect(Set(qs.compactMap { $0["speaker"] as? String }) == ["Ilse Marrow"])
            #expect(Set(qs.compactMap { $0["story"] as? Int }).count == 3)
            for key in ["text", "kind", "speaker", "speakerId", "story", "headline", "paragraph", "range"] {
                #expect(qs[0].keys.contains(key), "quotes record lacks \(key)")
            }

            // "marrow" could be Ilse Marrow or Bram Marrowby: candidates, non-zero exit.
            let ambiguous = try bin.run(["quotes", "--db", db, "--speaker", "marrow"], in: folder)
            #expect(ambiguous.status == 1)
            #expect(ambiguous.stderr.contains("Ilse Marrow") && ambiguous.stderr.contains("Bram Marrowby"))
            #expect(ambiguous.stderr.split(separator: "\n").count == 1)
            let nobody = try bin.run(["quotes", "--db", db, "--speaker", "Zebedee"], in: folder)
            #expect(nobody.status == 1 && nobody.stderr.contains("Zebedee"))

            let (_, partial) = try bin.json(["quotes", "--db", db, "--kind", "partial"], in: folder)
            #expect((partial["quotes"] as? [[String: Any]])?.map { $0["text"] as? String } == ["relieved"])
            let badKind = try bin.run(["quotes", "--db", db, "--kind", "loud"], in: folder)
            #expect(badKind.status != 0 && badKind.stderr.contains("kind"))

            let (_, entities) = try bin.json(["entities", "--db", db, "--type", "person"], in: folder)
            let es = try #require(entities["entities"] as? [[String: Any]])
            #expect(es.first?["name"] as? String == "Ilse Marrow")
            #expect(es.first?["storyCount"] as? Int == 3)
            for key in ["id", "name", "type", "mentionCount", "storyCount"] { #expect(es[0].keys.contains(key)) }

            let (mr, mentions) = try bin.json(["mentions", "--db", db, "Ilse Marrow"], in: folder)
            #expect(mr.status == 0, "\(mr.stderr)")
            let ms = try #require(mentions["mentions"] as? [[String: Any]])
            #expect(ms.count == 6)
            let storyOrder = ms.compactMap { $0["story"] as? Int }
            #expect(storyOrder == storyOrder.sorted(by: >))
            for key in ["text", "entity", "story", "headline", "paragraph", "range", "context"] {
                #expect(ms[0].keys.contains(key), "mentions record lacks \(key)")
            }

            let oldest = try #require(storyOrder.last)
            let (rr, related) = try bin.json(["related", "--db", db, String(oldest)], in: folder)
            #expect(rr.status == 0)
            #expect((related["related"] as? [[String: Any]])?.count == 2)
            let missing = try bin.run(["related", "--db", db, "999"], in: folder)
            #expect(missing.status == 1 && missing.stderr.contains("999"))

            let (_, narrowed) = try bin.json(["search", "--db", db, "speaker:\"Ilse Marrow\" cranes"], in: folder)
            #expect((narrowed["search"] as? [Any])?.count == 2)
        }
    }

    @Test func escapeSequencesInStoryTextNeverReachTheTerminal() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let db = folder.file("hostile.sqlite")
        var s = Harbour.story1()
        s.headline = "Port strike \u{1B}[2J\u{1B}]52;c;cHduZWQ=\u{07} ends\u{08}\u{08}"
        s.paragraphs[0] = "Dockworkers \u{1B}[31mred\u{1B}[0m at the Port of Valmora stayed out, union leader Ilse Marrow said."
        _ = try SQLiteArchive(path: db).store([s.item()])
        for args in [["stories"], ["search", "dockworkers"], ["search", "strike"], ["mentions", "Ilse Marrow"],
                     ["quotes"], ["entities"]] {
            let r = try bin.run(args + ["--db", db], in: folder)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(!r.stdout.isEmpty, "\(args)")
            let bytes = Array(r.stdout.utf8)
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07) && !bytes.contains(0x08), "\(args): \(r.stdout)")
        }
    }

    @Test func progressLineOnlyOnATerminal() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try Self.writeCorpus(folder)
        let quiet = try bin.run(["ingest", "--db", folder.file("a.sqlite"), folder.file("corpus")], in: folder)
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("stories/s") && !quiet.stderr.contains("stories/s"))
        // script(1) gives the binary a pseudo-terminal.
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script), "script(1) is needed for a terminal")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: script)
        p.arguments = ["-qec", "'\(bin.path)' ingest --db '\(folder.file("b.sqlite"))' '\(folder.file("corpus"))'",
                       "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("3/3 stories") && text.contains("stories/s"), "\(text)")
    }

    @Test func defaultArchivePathFollowsTheEnvironment() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try Self.writeCorpus(folder)
        let r = try bin.run(["ingest", folder.file("corpus")], in: folder,
                            environment: ["NEWSROOM_DB": "", "XDG_DATA_HOME": folder.file("xdg")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.file("xdg/newsroom/archive.sqlite")))
        let r2 = try bin.run(["stories"], in: folder, environment: ["NEWSROOM_DB": folder.file("xdg/newsroom/archive.sqlite")])
        #expect(r2.stdout.split(separator: "\n").count == 3)
    }

    @Test func badInputFilesAreReportedAndTheRestIngested() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try Self.writeCorpus(folder)
        try Data([0x41, 0x00, 0x42, 0x00]).write(to: URL(fileURLWithPath: folder.file("corpus/binary.txt")))
        try Data([0x41, 0xFF, 0xFE, 0x42]).write(to: URL(fileURLWithPath: folder.file("corpus/latin.txt")))
        let db = folder.file("archive.sqlite")
        let (r, counts) = try bin.json(["ingest", "--db", db, folder.file("corpus"), folder.file("nowhere.txt")], in: folder)
        #expect(r.status == 1)
        #expect(counts["added"] as? Int == 3)
        let failed = try #require(counts["failed"] as? [[String: Any]])
        #expect(Set(failed.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } })
                == ["binary.txt", "latin.txt", "nowhere.txt"])
        #expect(r.stderr.split(separator: "\n").count == 3)
        #expect(r.stderr.contains("nowhere.txt"))
    }
}
