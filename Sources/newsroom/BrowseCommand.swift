import ArgumentParser
import Foundation
import NewsArchive
import NewsKit

/// `newsroom browse [--db FILE] [PATH...]`: the terminal reader. With story
/// files or folders it ingests them into a temporary archive first.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Read the archive in the terminal: stories, quotes by speaker, entities.",
        discussion: """
            Without PATHs, opens the archive (--db, else the default archive). With story \
            files or folders, ingests them into a temporary archive and opens that. Press ? \
            in the reader for its keys.
            """
    )

    @Option(name: .long, help: ArchiveOptions.dbHelp, completion: .file())
    var db: String?

    @Argument(help: "Story files or folders to read without an archive (ingested into a temporary one).",
              completion: .file())
    var paths: [String] = []

    func run() throws {
        // Checked before any work: an ingest is wasted if nothing can be shown.
        if let problem = terminalProblem() {
            warn(problem)
            throw ExitStatus.inputFailed
        }
        var temporaryFolder: String?
        defer { if let t = temporaryFolder { try? FileManager.default.removeItem(atPath: t) } }
        let archive: any ArchiveStore
        var archivePath = ""
        var failedInput = false
        do {
            if paths.isEmpty {
                let path = db ?? ArchiveOptions.defaultPath(environment: ProcessInfo.processInfo.environment)
                archive = try ArchiveLocation.open(path, mode: .readOnly, notice: { warn($0) })
                archivePath = path
            } else {
                let folder = NSTemporaryDirectory() + "newsroom-browse-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                temporaryFolder = folder
                archivePath = folder + "/archive.sqlite"
                let store = try SQLiteArchive(path: archivePath, mode: .readWrite)
                let report = try store.ingest(paths: paths) { done, total in
                    if total >= 200, done % 100 == 0 || done == total {
                        let end = done == total ? "\n" : ""
                        FileHandle.standardError.write(Data("\rnewsroom: reading stories \(done)/\(total)\(end)".utf8))
                    }
                }
                for f in report.failed { warn("\(f.path): \(f.reason)") }
                failedInput = !report.failed.isEmpty
                if report.added + report.updated + report.unchanged == 0 {
                    warn("no stories to read in \(paths.joined(separator: " "))")
                    throw ExitStatus.inputFailed
                }
                archive = store
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            warn("\(error)")
            throw ExitStatus.inputFailed
        }
        let stoppedBy = try MainActor.assumeIsolated {
            do {
                return try runBrowser(archive: archive, archivePath: archivePath)
            } catch {
                warn("\(error)")
                throw ExitStatus.inputFailed
            }
        }
        if stoppedBy != 0 {
            if let t = temporaryFolder { try? FileManager.default.removeItem(atPath: t) }
            throw ExitCode(128 + stoppedBy)
        }
        if failedInput { throw ExitStatus.inputFailed }
    }
}
