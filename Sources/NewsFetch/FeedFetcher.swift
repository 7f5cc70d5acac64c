import Dispatch
import Foundation
import NewsArchive
import NewsKit

/// What one `fetch` did: per URL fetched, and per URL that failed.
public struct FetchReport: Sendable, Hashable {
    public struct Feed: Codable, Sendable, Hashable {
        public var url: String
        /// HTTP status of the answer (200, 304 …).
        public var status: Int
        /// Stories the URL held (items of a feed; 1 for a page); 0 when not modified.
        public var items: Int
        public var added: Int
        public var updated: Int
        public var unchanged: Int
        /// The server answered 304: nothing was downloaded or stored.
        public var notModified: Bool
        /// Body bytes downloaded for this URL and the pages its summaries led to.
        public var bytes: Int
    }
    public struct Failure: Codable, Sendable, Hashable {
        /// The URL, or `FILE:LINE` for a bad line of the feeds file.
        public var url: String
        public var reason: String
        public init(url: String, reason: String) {
            self.url = url
            self.reason = reason
        }
    }
    public var feeds: [Feed] = []
    public var failed: [Failure] = []
    public init() {}

    public var added: Int { feeds.reduce(0) { $0 + $1.added } }
    public var updated: Int { feeds.reduce(0) { $0 + $1.updated } }
    public var unchanged: Int { feeds.reduce(0) { $0 + $1.unchanged } }
    public var bytes: Int { feeds.reduce(0) { $0 + $1.bytes } }
}

/// Downloads feeds and pages and stores their stories in the archive:
/// conditional GETs with the validators the archive keeps per URL, the
/// stories of each answer in one `store` transaction (items are identified
/// by their source, a feed item's guid or link: a changed item replaces its
/// story, an unchanged one stays), summaries replaced by the page they link
/// to. One URL failing never stops the others.
public struct FeedFetcher: Sendable {
    public var archive: any ArchiveStore
    public var client: HTTPClient
    public var loader: StoryLoader
    /// Read the page of an item that is only a summary (`Story.isSummary`).
    public var followSummaries = true
    /// URLs downloaded at the same time (each host still gets at most
    /// `HTTPLimits.connectionsPerHost`).
    public var parallel = 4

    public init(archive: any ArchiveStore, client: HTTPClient = HTTPClient(), loader: StoryLoader = StoryLoader()) {
        self.archive = archive
        self.client = client
        self.loader = loader
    }

    /// Fetches every URL (in parallel, results in the order given).
    /// `progress` is called after each URL with how many are done.
    public func fetch(_ urls: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> FetchReport {
        let results = ResultSlots<(FetchReport.Feed?, [FetchReport.Failure])>(count: urls.count)
        let counter = Counter()
        let next = Counter()
        // Threads of their own, not a dispatch queue: a download blocks its
        // thread, and GCD adds threads for blocked work only about one a
        // second (9 URLs took 3 s that way, 0.1 s like this).
        let workers = min(max(1, parallel), urls.count)
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            Thread {
                defer { finished.leave() }
                while true {
                    let i = next.increment() - 1
                    guard i < urls.count else { return }
                    results[i] = fetchOne(urls[i])
                    progress?(counter.increment(), urls.count)
                }
            }.start()
        }
        finished.wait()
        var report = FetchReport()
        for r in results.values {
            guard let (feed, failures) = r else { continue }
            if let feed { report.feeds.append(feed) }
            report.failed += failures
        }
        return report
    }

    /// One URL: download, parse, follow summaries, store, remember validators.
    func fetchOne(_ address: String) -> (FetchReport.Feed?, [FetchReport.Failure]) {
        guard let url = URL(string: address), url.host != nil else {
            return (nil, [.init(url: address, reason: "not an http(s) URL")])
        }
        var failures: [FetchReport.Failure] = []
        do {
            let (known, got) = try conditionalGet(url, key: address)
            guard case .success(let response) = got else {
                return (nil, [.init(url: address, reason: got.failure)])
            }
            if response.notModified {
                try archive.saveFetchState(FetchState(url: address, etag: response.etag ?? known?.etag,
                                                      lastModified: response.lastModified ?? known?.lastModified,
                                                      status: 304, fetchedAt: Self.now()))
                return (FetchReport.Feed(url: address, status: 304, items: 0, added: 0, updated: 0, unchanged: 0,
                                         notModified: true, bytes: 0), [])
            }
            var stories: [Story]
            do {
                stories = try loader.stories(data: response.body, source: address, contentType: response.contentType)
            } catch {
                return (nil, [.init(url: address, reason: error.reason)])
            }
            // The document's own story (a page, wire text): its address is the web address.
            for i in stories.indices where stories[i].source == address && stories[i].url == nil {
                stories[i].url = response.finalURL.absoluteString
            }
            var bytes = response.body.count
            var pagesUnchanged = 0
            var toStore: [Story] = []
            var pageStates: [FetchState] = []
            for story in stories {
                guard followSummaries, story.isSummary, let link = story.url, let pageURL = URL(string: link) else {
                    toStore.append(story)
                    continue
                }
                switch followPage(pageURL, link: link, for: story) {
                case .read(let page, let n, let state):
                    bytes += n
                    toStore.append(page)
                    pageStates.append(state)
                case .notModified:
                    pagesUnchanged += 1
                case .failed(let reason):
                    // Keep the summary: better than nothing, and said on stderr.
                    failures.append(.init(url: link, reason: reason))
                    toStore.append(story)
                }
            }
            let stored = try archive.ingest(stories: toStore)
            // Validators only once the stories are stored: a failed store
            // downloads everything again next time.
            for state in pageStates { try archive.saveFetchState(state) }
            try archive.saveFetchState(FetchState(url: address, etag: response.etag, lastModified: response.lastModified,
                                                  status: response.status, fetchedAt: Self.now()))
            return (FetchReport.Feed(url: address, status: response.status, items: stories.count, added: stored.added,
                                     updated: stored.updated, unchanged: stored.unchanged + pagesUnchanged,
                                     notModified: false, bytes: bytes), failures)
        } catch {
            failures.append(.init(url: address, reason: "\(error)"))
            return (nil, failures)
        }
    }

    /// GETs `url` with the validators the archive keeps under `key`: what
    /// was kept, and the answer or why there is none. Throws on archive errors only.
    func conditionalGet(_ url: URL, key: String) throws -> (FetchState?, Result<HTTPResponse, FetchError>) {
        let known = try archive.fetchState(url: key)
        let validators = known.map { Validators(etag: $0.etag, lastModified: $0.lastModified) }
        return (known, Result { () throws(FetchError) in try client.get(url, validators: validators) })
    }

    enum PageOutcome {
        /// The page's story and the validators to keep once it is stored.
        case read(Story, bytes: Int, state: FetchState)
        case notModified
        case failed(String)
    }

    /// The article a summary links to, read from its page and standing in
    /// for the summary: the item's identity (source), link and date stay.
    func followPage(_ url: URL, link: String, for summary: Story) -> PageOutcome {
        do {
            let (_, got) = try conditionalGet(url, key: link)
            guard case .success(let response) = got else { return .failed(got.failure) }
            if response.notModified { return .notModified }
            let parsed: [Story]
            do {
                parsed = try loader.stories(data: response.body, source: link, contentType: response.contentType)
            } catch {
                return .failed(error.reason)
            }
            guard var page = parsed.first, !page.paragraphs.isEmpty else { return .failed("no article text on the page") }
            page.source = summary.source
            page.url = link
            if page.headline.isEmpty { page.headline = summary.headline }
            if page.published == nil { page.published = summary.published }
            if page.bylineText == nil, summary.bylineText != nil {
                page.bylineText = summary.bylineText
                page.byline = summary.byline
            }
            page.isSummary = false
            return .read(page, bytes: response.body.count,
                         state: FetchState(url: link, etag: response.etag, lastModified: response.lastModified,
                                           status: response.status, fetchedAt: Self.now()))
        } catch {
            return .failed("\(error)")
        }
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}

extension Result where Failure == FetchError {
    /// The failure's one line ("" on success).
    var failure: String {
        if case .failure(let e) = self { return e.description }
        return ""
    }
}

/// Results written by index from several threads.
final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.withLock { slots[i] } }
        set { lock.withLock { slots[i] = newValue } }
    }
    var values: [T?] { lock.withLock { slots } }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() -> Int { lock.withLock { n += 1; return n } }
}
