import ArgumentParser
import Foundation
import NewsArchive
import NewsKit

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse, extract and store story files and folders in the archive.")

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: "Stories written per transaction (an interrupted ingest keeps every finished batch).")
    var batchSize = 512

    @Argument(help: "Story files or folders (walked for .txt, feed, NewsML, NITF, ninjs and HTML files).", completion: .file())
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one story file or folder") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() throws {
        var store = try archive.open(.readWrite)
        store.batchSize = batchSize
        let showProgress = isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
        let started = Date()
        var progress: (@Sendable (Int, Int) -> Void)?
        if showProgress {
            progress = { @Sendable (done: Int, total: Int) in
                let seconds = max(0.001, Date().timeIntervalSince(started))
                let rate = Int(Double(done) / seconds)
                FileHandle.standardError.write(Data("\r\(done)/\(total) stories  \(rate) stories/s".utf8))
            }
        }
        let report: IngestReport
        do {
            report = try store.ingest(paths: paths, progress: progress)
        } catch {
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            throw fail(error)
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        for f in report.failed { warn("\(f.path): \(f.reason)") }
        if archive.json {
            emit(String(decoding: try JSONOutput.encode(IngestJSON(report)), as: UTF8.self) + "\n")
        } else {
            emit("\(report.filesSeen) files: \(report.added) added, \(report.updated) updated, "
                 + "\(report.unchanged) unchanged, \(report.failed.count) failed\n")
        }
        if !report.failed.isEmpty { throw ExitStatus.inputFailed }
    }
}

/// `newsroom ingest --json`: the counts with the format version.
struct IngestJSON: Encodable {
    var formatVersion = 1
    var filesSeen: Int
    var added: Int
    var updated: Int
    var unchanged: Int
    var failed: [IngestReport.Failure]
    init(_ r: IngestReport) {
        filesSeen = r.filesSeen
        added = r.added
        updated = r.updated
        unchanged = r.unchanged
        failed = r.failed
    }
}
