import ArgumentParser
import Foundation
import NewsArchive
import NewsFetch
import NewsKit

/// `newsroom fetch [--db FILE] [--feeds FILE] [URL…] [--json] [--no-follow]`:
/// downloads feeds and pages and stores their stories.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download feeds and pages over HTTP and store their stories in the archive.",
        discussion: """
            Without URLs, fetches the feeds file (--feeds, else $XDG_CONFIG_HOME/newsroom/feeds, \
            else ~/.config/newsroom/feeds: one URL a line, optional tags after it, # comments). \
            Downloads are conditional: an unchanged feed answers 304 and downloads nothing.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp("The feeds file (default: $XDG_CONFIG_HOME/newsroom/feeds).", valueName: "FILE"),
            completion: .file())
    var feeds: String?

    @Flag(name: .customLong("no-follow"), help: "Keep a feed's summaries; do not download the pages they link to.")
    var noFollow = false

    @Option(name: .long, help: ArgumentHelp("Seconds to connect and to wait for each piece of an answer.", valueName: "SECONDS"))
    var timeout: Double = 15

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest answer accepted, in bytes.", valueName: "BYTES"))
    var maxSize = 20 * 1024 * 1024

    @Argument(help: "Feed or page URLs (http or https).")
    var urls: [String] = []

    func validate() throws {
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
        if maxSize < 1 { throw ValidationError("--max-size must be at least 1 byte") }
    }

    func run() throws {
        var list: [String] = urls
        var badLines: [FetchReport.Failure] = []
        if urls.isEmpty || feeds != nil {
            let path = feeds ?? FeedList.defaultPath(environment: ProcessInfo.processInfo.environment)
            let file: FeedList
            do {
                file = try FeedList(path: path)
            } catch {
                if feeds == nil && urls.isEmpty {
                    warn("nothing to fetch: give URLs, or list feeds in \(path) (one URL a line)")
                    throw ExitStatus.usage
                }
                warn(error.description)
                throw ExitStatus.inputFailed
            }
            badLines = file.problems.map { FetchReport.Failure(url: "\(path):\($0.line)", reason: $0.reason) }
            list += file.feeds.map(\.url)
        }
        var seen = Set<String>()
        list = list.filter { seen.insert($0).inserted }
        let store = try archive.open(.readWrite)
        var limits = HTTPLimits()
        limits.timeout = timeout
        limits.maxBytes = maxSize
        var fetcher = FeedFetcher(archive: store, client: HTTPClient(limits: limits))
        fetcher.followSummaries = !noFollow
        let progress = FetchProgress.line(enabled: isatty(STDERR_FILENO) == 1)
        var report = fetcher.fetch(list, progress: progress?.update)
        progress?.finish()
        // A bad line of the feeds file is a failed input like a failed URL.
        report.failed = badLines + report.failed
        for f in report.failed { warn("\(f.url): \(plain(f.reason))") }
        if archive.json {
            emit(String(decoding: try JSONOutput.encode(FetchJSON(report)), as: UTF8.self) + "\n")
        } else {
            for f in report.feeds {
                let what = f.notModified ? "not modified"
                    : "\(f.items) \(f.items == 1 ? "story" : "stories"): \(f.added) added, \(f.updated) updated, \(f.unchanged) unchanged"
                emit("\(f.url): \(what)\n")
            }
            emit("\(report.feeds.count) fetched, \(report.failed.count) failed, \(report.bytes) bytes downloaded\n")
        }
        if !report.failed.isEmpty { throw ExitStatus.inputFailed }
    }
}

/// `newsroom fetch --json`.
struct FetchJSON: Encodable {
    var formatVersion = 1
    var feeds: [FetchReport.Feed]
    var failed: [FetchReport.Failure]
    init(_ r: FetchReport) {
        feeds = r.feeds
        failed = r.failed
    }
}

/// `\r3/10 feeds` on stderr while fetching, only on a terminal.
final class FetchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var shown = false

    static func line(enabled: Bool) -> FetchProgress? { enabled ? FetchProgress() : nil }

    var update: @Sendable (Int, Int) -> Void {
        { [self] done, total in
            lock.withLock {
                shown = true
                FileHandle.standardError.write(Data("\rfetching \(done)/\(total) URLs".utf8))
            }
        }
    }

    func finish() {
        lock.withLock { if shown { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
