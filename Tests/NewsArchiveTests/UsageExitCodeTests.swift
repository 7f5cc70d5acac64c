import Foundation
import Testing

/// The exit-code contract: 0 success, 1 some input failed, 2 usage.
@Suite struct UsageExitCodeTests {
    @Test func usageErrorsExitTwoWithAMessage() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        for args in [["extract"], ["quotes", "--kind", "bogus"], ["related", "abc"], ["ingest", "--nosuchflag", "x"]] {
            let r = try bin.run(args, in: folder)
            #expect(r.status == 2, "\(args): exit \(r.status)")
            #expect(!r.stderr.isEmpty, "\(args): no message")
        }
    }

    @Test func aBadMinimumConfidenceIsAUsageErrorNamingTheFlag() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        for value in ["sure", "1.5", "-0.1", "nan"] {
            let r = try bin.run(["quotes", "--db", folder.file("a.sqlite"), "--min-confidence", value], in: folder)
            #expect(r.status == 2, "\(value): exit \(r.status)")
            #expect(r.stderr.contains("--min-confidence"), "\(value): \(r.stderr)")
        }
    }

        @Test func helpAndMissingInputKeepTheirCodes() throws {
        let bin = try NewsroomBinary.find()
        let folder = try TempFolder()
        #expect(try bin.run(["--help"], in: folder).status == 0)
        let missing = try bin.run(["extract", folder.file("nope.txt")], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.txt"))
    }
}
