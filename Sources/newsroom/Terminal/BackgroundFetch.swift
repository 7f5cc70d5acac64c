import Foundation
import NewsArchive
import NewsFetch
import NewsReader

/// The reader's `R`: fetches the feeds file into the archive on a thread of
/// its own (a read-write archive beside the reader's), while the main loop
/// polls `take()` for progress and the end, and turns them into actions.
final class BackgroundFetch: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Action] = []
    private var running = false

    let archivePath: String
    let feedsPath: String
    /// One HTTP client (one URLSession) for every `R` of this reader.
    let client = HTTPClient()

    init(archivePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.archivePath = archivePath
        feedsPath = FeedList.defaultPath(environment: environment)
    }

    /// Starts a fetch unless one is running.
    func start() {
        let already = lock.withLock { () -> Bool in
            defer { running = true }
            return running
        }
        if already { return }
        let thread = Thread { [self] in
            let summary = run()
            lock.withLock {
                pending.append(.fetchFinished(summary))
                running = false
            }
        }
        thread.start()
    }

    /// What happened since the last call, in order.
    func take() -> [Action] {
        lock.withLock {
            defer { pending = [] }
            return pending
        }
    }

    /// The whole fetch; one line for the status bar.
    private func run() -> String {
        let list: FeedList
        do {
            list = try FeedList(path: feedsPath)
        } catch {
            return error.description
        }
        if list.feeds.isEmpty { return "\(feedsPath): no feeds listed (one URL a line)" }
        let store: any ArchiveStore
        do {
            store = try ArchiveLocation.open(archivePath, mode: .readWrite)
        } catch {
            return "cannot fetch: \(error)"
        }
        let report = FeedFetcher(archive: store, client: client).fetch(list.feeds.map(\.url)) { [self] done, total in
            lock.withLock { pending.append(.fetchProgress(done: done, total: total)) }
        }
        var line = "fetched \(report.feeds.count) of \(list.feeds.count) feeds: \(report.added) new, \(report.updated) updated"
        if let first = report.failed.first {
            line += " · \(report.failed.count) failed (\(first.url): \(first.reason))"
        }
        if !list.problems.isEmpty { line += " · \(list.problems.count) bad lines in \(feedsPath)" }
        return line
    }
}
