import ArgumentParser
import Foundation
import NewsArchive
import NewsFetch
import NewsKit

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse, extract and store story files and folders in the archive.")

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: "Stories written per transaction (an interrupted ingest keeps every finished batch).")
    var batchSize = 512

    @Option(name: .long, help: ArgumentHelp(
        "A drop folder to watch: ingest each file that lands in it, until Ctrl-C.",
        discussion: "A file is read once its size has stayed the same for --settle seconds; dot files and .tmp/.part files are ignored until renamed.",
        valueName: "DIR"),
        completion: .directory)
    var watch: String?

    @Option(name: .long, help: ArgumentHelp("Seconds a watched file must stay unchanged before it is read.", valueName: "SECONDS"))
    var settle: Double = 2

    @Argument(help: "Story files or folders (walked for .txt, feed, NewsML, NITF, ninjs and HTML files).", completion: .file())
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty && watch == nil { throw ValidationError("give at least one story file or folder, or --watch DIR") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if watch != nil && archive.json { throw ValidationError("--json does not go with --watch (one line per file)") }
        if settle < 0 { throw ValidationError("--settle must be 0 or more seconds") }
    }

    func run() throws {
        var store = try archive.open(.readWrite)
        store.batchSize = batchSize
        if let watch {
            if !paths.isEmpty { try ingestOnce(store) }
            return try watchFolder(watch, store: store)
        }
        try ingestOnce(store)
    }

    /// Ingests the folder's files as they land, one line each, until SIGINT or SIGTERM.
    func watchFolder(_ folder: String, store: SQLiteArchive) throws {
        var drop = DropFolder(path: folder, settle: settle)
        guard drop.poll() != nil else {
            warn("\(folder): not a folder that can be read")
            throw ExitStatus.inputFailed
        }
        // The reader's stop-signal flag: a signal ends the loop between files.
        TerminalRestore.installHandlers()
        if isatty(STDERR_FILENO) == 1 { warn("watching \(folder) (Ctrl-C stops)") }
        var anyFailed = false
        while TerminalRestore.stopSignal == 0 {
            for file in drop.poll() ?? [] {
                if TerminalRestore.stopSignal != 0 { break }
                do {
                    let r = try store.ingest(paths: [file], progress: nil)
                    for f in r.failed { warn("\(f.path): \(f.reason)") }
                    anyFailed = anyFailed || !r.failed.isEmpty
                    if r.added + r.updated + r.unchanged > 0 {
                        emit("\(file): \(r.added) added, \(r.updated) updated, \(r.unchanged) unchanged\n")
                    }
                } catch {
                    warn("\(file): \(error)")
                    anyFailed = true
                }
            }
            // Sleep in short steps so a signal is noticed at once.
            for _ in 0..<5 where TerminalRestore.stopSignal == 0 { usleep(100_000) }
        }
        if anyFailed { throw ExitStatus.inputFailed }
    }

    func ingestOnce(_ store: SQLiteArchive) throws {
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
