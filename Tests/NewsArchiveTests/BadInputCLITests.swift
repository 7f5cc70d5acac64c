import Foundation
import GRDB
import Testing
@testable import NewsArchive

/// Bad input through the real binary (issue 6): `extract` and `ingest` over a
/// folder of good and bad files. Every bad file gets exactly one stderr line
/// naming it, the exit code is 1, and every good file is still done.
@Suite(.serialized) struct BadInputCLITests {
    static func wire(_ headline: String, _ paragraphs: [String]) -> String {
        var lines = [headline, "", "By Orla Penhallow", "", "PORT ELSWICK, May 3 (Tidewire) - " + paragraphs[0]]
        for p in paragraphs.dropFirst() { lines += ["", p] }
        return lines.joined(separator: "\n") + "\n"
    }

    static func utf16(_ text: String, little: Bool) -> Data {
        var bytes: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for u in text.utf16 { bytes += little ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
        return Data(bytes)
    }

    /// Files that must be read (name → bytes) and files that must be refused.
    static func mixedFolder(_ folder: TempFolder) throws -> (good: [String], bad: [String]) {
        let story = wire("Ferry fares frozen", [
            "The Elswick Ferry Board froze fares on Tuesday.",
            "“We heard the town,” chair Wendeline Ashcombe said.",
        ])
        let good: [String: Data] = [
            "headline-only.txt": Data("Tram fares frozen in Quenby\n".utf8),
            "utf16le.txt": utf16(story, little: true),
            "utf16be.txt": utf16(story, little: false),
            "crlf.txt": Data(story.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            "cr.txt": Data(story.replacingOccurrences(of: "\n", with: "\r").utf8),
            "tabs.txt": Data(story.replacingOccurrences(of: " ", with: "\t").utf8),
            "bom.txt": Data([0xEF, 0xBB, 0xBF] + Array(story.utf8)),
            "world.txt": Data(wire("Паром: «Нет» 🚢", [
                "«Мы не отступим», — сказал мэр Пётр Волков.",
                "قال المتحدث: \"سنواصل العمل\". 港口委员会表示：“我们不会让步。”",
                "Se\u{301}bastien Ve\u{301}ron: « Nous tiendrons bon ». 👩🏽‍✈️",
            ]).utf8),
            "escapes.txt": Data(wire("Alarm \u{1B}[2J bells\u{7}", [
                "Clipboard \u{1B}]52;c;ZWNobyBoaQ==\u{7} text \u{8}\u{8}\u{8} and \u{9B}31m red.",
                "“Quiet\u{1B}[5m please,” said Orla Penhallow.",
            ]).utf8),
        ]
        let bad: [String: Data] = [
            "empty.txt": Data(),
            "blank.txt": Data(" \n\r\n\t\n".utf8),
            "binary.txt": Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48]),
            "nul.txt": Data("Headline\n\nBody\u{0}with a NUL.\n".utf8),
            "latin1.txt": Data(Array("Cafe\u{301} headline\n\nThe caf".utf8) + [0xE9, 0x0A]),
            "cut-utf8.txt": Data(Array(story.utf8) + [0xE2, 0x80]),
            "odd-utf16.txt": Data([0xFF, 0xFE, 0x41, 0x00, 0x42]),
        ]
        for (name, data) in good.merging(bad, uniquingKeysWith: { a, _ in a }) {
            try data.write(to: URL(fileURLWithPath: folder.file("in/" + name)))
        }
        return (good.keys.sorted(), bad.keys.sorted())
    }

    static func names(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("newsroom: "), let colon = line.dropFirst(10).range(of: ": ") else { return nil }
            return URL(fileURLWithPath: String(line.dropFirst(10)[..<colon.lowerBound])).lastPathComponent
        }.sorted()
    }

    @Test func extractReportsEachBadFileOnceAndReadsTheRest() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.file("in"), withIntermediateDirectories: true)
        let (good, bad) = try Self.mixedFolder(folder)
        let (r, object) = try bin.json(["extract", folder.file("in"), folder.file("in/missing.txt")], in: folder)
        #expect(r.status == 1, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == bad.count + 1, "\(r.stderr)")
        #expect(Self.names(r.stderr) == (bad + ["missing.txt"]).sorted(), "\(r.stderr)")
        let articles = try #require(object["articles"] as? [[String: Any]], "\(r.stdout.prefix(500))")
        #expect(articles.count == good.count)
        // Text mode: same contract, and no control character reaches stdout.
        let plain = try bin.run(["extract", folder.file("in")], in: folder)
        #expect(plain.status == 1)
        #expect(Self.names(plain.stderr) == bad, "\(plain.stderr)")
        #expect(!plain.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x08 || (0x80...0x9F).contains($0.value) },
                "escape bytes in extract output")
        #expect(plain.stdout.contains("Ashcombe"))
    }

    @Test func ingestReportsEachBadFileOnceAndStoresTheRest() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.file("in"), withIntermediateDirectories: true)
        let (good, bad) = try Self.mixedFolder(folder)
        let db = folder.file("archive.sqlite")
        let (r, counts) = try bin.json(["ingest", "--db", db, folder.file("in")], in: folder)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(counts["added"] as? Int == good.count, "\(counts)")
        #expect((counts["failed"] as? [Any])?.count == bad.count, "\(counts)")
        #expect(Self.names(r.stderr) == bad, "\(r.stderr)")
        // A rerun changes nothing and reports the same bad files again.
        let (again, counts2) = try bin.json(["ingest", "--db", db, folder.file("in")], in: folder)
        #expect(again.status == 1)
        #expect(counts2["unchanged"] as? Int == good.count, "\(counts2)")
        #expect(try ArchiveFaultTests.integrityOK(db))
        // Stories in other scripts are searchable.
        let (s, found) = try bin.json(["search", "--db", db, "Волков"], in: folder)
        #expect(s.status == 0, "\(s.stderr)")
        #expect((found["search"] as? [Any])?.isEmpty == false, "\(s.stdout)")
    }

    /// One 1 MB paragraph and a big story file, generated here, through the
    /// binary. The figure is 50 MB; the debug binary of `make test`
    /// extracts about 0.3 MB/s on this machine, so the CLI test uses 8 MB and
    /// the 50 MB file goes through the loader and parser in RobustnessTests.
    /// The work is linear (RobustnessTests checks the ratio), so the size
    /// changes the time, not the paths taken.
    @Test func oneMegabyteParagraphAndABigFile() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.file("big"), withIntermediateDirectories: true)
        var para = ""
        var i = 0
        while para.utf8.count < 1_000_000 {
            para += "Councillor Hesketh Marr said the ferry “will run on time” on day \(i), and Dana Quill agreed. "
            i += 1
        }
        try Self.wire("One long paragraph", ["Opening.", para]).write(toFile: folder.file("big/paragraph.txt"), atomically: true, encoding: .utf8)

        let path = folder.file("big/long.txt")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(Self.wire("A very long story", ["The Elswick Ferry Board met."]).utf8))
        var chunk = ""
        for n in 0..<400 {
            chunk += n % 20 == 0
                ? "\n“Paragraph \(n) is here,” said board member Tomasz Wren, and he nodded.\n"
                : "\nthe ferry ran late on day \(n) and the tide was high, said a rider who asked not to be named.\n"
        }
        let chunkData = Data(chunk.utf8)
        var written = 0
        while written < 8_000_000 {
            try handle.write(contentsOf: chunkData)
            written += chunkData.count
        }
        try handle.close()

        let r = try bin.run(["extract", folder.file("big/paragraph.txt"), path], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("Tomasz Wren") && r.stdout.contains("Hesketh Marr"))

        let db = folder.file("archive.sqlite")
        let (ingest, counts) = try bin.json(["ingest", "--db", db, folder.file("big")], in: folder)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(counts["added"] as? Int == 2, "\(counts)")
        #expect(try ArchiveFaultTests.integrityOK(db))
    }

    /// Many tiny files in one ingest. The figure is 100,000; `make test`
    /// runs 20,000 (a debug build on two shared cores), which exercises the same
    /// paths: directory walk, batching, one transaction per batch.
    @Test func manyTinyFiles() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let count = 20_000
        for d in 0..<20 {
            let dir = folder.file("tiny/d\(d)")
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for f in 0..<(count / 20) {
                let n = d * (count / 20) + f
                let text = "Ferry note \(n)\n\n“Run \(n) left on time,” said Orla Penhallow.\n"
                FileManager.default.createFile(atPath: "\(dir)/s\(f).txt", contents: Data(text.utf8))
            }
        }
        let db = folder.file("archive.sqlite")
        let (r, counts) = try bin.json(["ingest", "--db", db, folder.file("tiny")], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(counts["added"] as? Int == count, "\(counts)")
        let stored = try DatabaseQueue(path: db).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM story") }
        #expect(stored == count)
        let quotes = try DatabaseQueue(path: db).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM quote") }
        #expect(quotes == count)
    }
}
