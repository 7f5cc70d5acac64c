import Foundation
import NewsArchive
import NewsKit

/// The phases that run in their own process so their peak RSS is their own.
/// Each prints `key=value` lines on stdout and notes on stderr.
enum ChildModes {
    static func run(mode: String, arguments: [String]) -> Int32 {
        do {
            switch (mode, arguments.count) {
            case ("child-ingest", 3):
                guard let count = Int(arguments[2]) else { return fail("child-ingest: bad count \(arguments[2])") }
                try ingest(archive: arguments[0], corpusRoot: arguments[1], count: count)
            case ("child-browse", 1):
                try ReaderBench(archivePath: arguments[0]).run()
            default:
                return fail("unknown child mode \(mode) \(arguments)")
            }
            report("peak_rss", peakRSS())
            return 0
        } catch {
            return fail("\(mode): \(error)")
        }
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("newsroom-bench: \(message)\n".utf8))
        return 1
    }

    /// A new archive from the first `count` stories, through the archive's own
    /// ingest (parse, extract, store: what `newsroom ingest` does).
    static func ingest(archive path: String, corpusRoot: String, count: Int) throws {
        let folders = CorpusWriter.folders(forStories: count).map { corpusRoot + "/" + $0 }
        let (result, seconds) = try timed { () throws -> IngestReport in
            let archive = try ArchiveOpening.open(path: path, readOnly: false)
            return try archive.ingest(paths: folders, progress: nil)
        }
        report("seconds", seconds)
        report("added", result.added)
        report("failed", result.failed.count)
        for f in result.failed.prefix(3) {
            FileHandle.standardError.write(Data("\(f.path): \(f.reason)\n".utf8))
        }
    }
}
