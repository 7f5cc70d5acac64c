import Foundation
import NewsArchive
import Testing
import TestSupport

/// `newsroom ingest --watch DIR`: the real binary picking up files as they land.
@Suite struct WatchEndToEndTests {
    /// Waits (at most `seconds`) until the file holds `text`; its content.
    func waitFor(_ text: String, in path: String, seconds: Double = 30) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var content = ""
        while Date() < deadline {
            content = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if content.contains(text) { return content }
            usleep(50_000)
        }
        return content
    }

    @Test func filesLandingInTheFolderAreIngestedOnceWhole() throws {
        let binary = try NewsroomBinary.find()
        let folder = try TemporaryFolder("newsroom-watch")
        defer { folder.remove() }
        let drop = folder.file("drop")
        try folder.write("drop/ferry.txt", WireFixtures.ferry)
        let db = folder.file("archive.sqlite")
        let out = folder.file("watch.out"), err = folder.file("watch.err")
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "enable=no"
        let pid = try Spawn.start([binary.path, "ingest", "--db", db, "--watch", drop, "--settle", "0.3"],
                                  stdoutPath: out, stderrPath: err, environment: env)
        var stopped = false
        defer { if !stopped { kill(pid, SIGKILL); _ = Spawn.wait(pid) } }

        // A file there at the start is ingested.
        var seen = waitFor("ferry.txt: 1 added", in: out)
        #expect(seen.contains("\(drop)/ferry.txt: 1 added, 0 updated, 0 unchanged\n"), "\(seen)")

        // A transfer in progress (.part, a dot file) is left alone while a finished one is read.
        try folder.write("drop/orchard.txt.part", WireFixtures.orchard)
        try folder.write("drop/.library.txt", WireFixtures.library)
        usleep(600_000)
        try folder.write("drop/desk/library.txt", WireFixtures.library)
        seen = waitFor("library.txt: 1 added", in: out)
        #expect(seen.contains("\(drop)/desk/library.txt: 1 added"), "\(seen)")
        #expect(!seen.contains("orchard"))
        #expect(!seen.contains(".library.txt"))
        #expect(try SQLiteArchive(path: db, mode: .readOnly).storyCount() == 2)

        // Renamed when complete: now it is read.
        try FileManager.default.moveItem(atPath: folder.file("drop/orchard.txt.part"), toPath: folder.file("drop/orchard.txt"))
        seen = waitFor("orchard.txt: 1 added", in: out)
        #expect(seen.contains("\(drop)/orchard.txt: 1 added"), "\(seen)")

        // A file that is not a story: one line on stderr naming it, and the watch goes on.
        try Data([0, 1, 2, 0xFF, 0xFE, 0]).write(to: URL(fileURLWithPath: folder.file("drop/broken.txt")))
        let errors = waitFor("broken.txt", in: err)
        #expect(errors.hasPrefix("newsroom: \(drop)/broken.txt: "), "\(errors)")
        #expect(errors.split(separator: "\n").count == 1)

        kill(pid, SIGTERM)
        let status = Spawn.wait(pid, seconds: 10)
        stopped = true
        #expect(status == 1, "SIGTERM ends the watch; a failed file makes it exit 1")
        #expect(try SQLiteArchive(path: db, mode: .readOnly).storyCount() == 3)
        let lines = ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n")
        #expect(lines.count == 3, "one line per ingested file: \(lines)")
    }
}
