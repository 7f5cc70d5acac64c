import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The version in `User-Agent: newsroom/<version>` and `newsroom --version`.
public enum NewsroomVersion {
    public static let current = "0.4.0"
}

/// How `HTTPClient` downloads: limits that keep a bad server from hanging
/// or flooding a fetch.
public struct HTTPLimits: Sendable, Hashable {
    /// Seconds to connect, and to wait for each piece of the answer.
    public var timeout: TimeInterval = 15
    /// Seconds for a whole download, however steadily it trickles in.
    public var totalTimeout: TimeInterval = 120
    /// A body larger than this is abandoned (checked as it arrives, after gzip).
    public var maxBytes = 20 * 1024 * 1024
    /// Redirects followed at most; a loop stops at once.
    public var maxRedirects = 5
    /// Downloads from one host at the same time.
    public var connectionsPerHost = 2
    public var userAgent = "newsroom/\(NewsroomVersion.current)"
    public init() {}
}

/// Validators from the last download of a URL, for a conditional GET.
public struct Validators: Sendable, Hashable {
    public var etag: String?
    public var lastModified: String?
    public init(etag: String?, lastModified: String?) {
        self.etag = etag
        self.lastModified = lastModified
    }
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// One finished download.
public struct HTTPResponse: Sendable {
    /// The URL asked for, and the one answered after redirects.
    public var url: URL
    public var finalURL: URL
    public var status: Int
    public var body: Data
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    public var notModified: Bool { status == 304 }
}

/// Why a download failed: one line naming what went wrong (not the URL;
/// the caller names it).
public struct FetchError: Error, CustomStringConvertible, Sendable, Hashable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Downloads over HTTP(S) with FoundationNetworking's URLSession (libcurl):
/// gzip, timeouts, a size cap enforced while the body arrives, bounded
/// redirects with loop detection, a few connections per host. No cache: the
/// archive keeps the validators (`FetchState`), so a conditional GET of an
/// unchanged feed downloads nothing. Safe to call from several threads.
public final class HTTPClient: @unchecked Sendable {
    public let limits: HTTPLimits
    private let session: URLSession
    private let delegate: Delegate
    private let hosts: HostGate

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
        let config = URLSessionConfiguration.ephemeral
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.httpCookieStorage = nil
        config.httpShouldSetCookies = false
        config.timeoutIntervalForRequest = limits.timeout
        config.timeoutIntervalForResource = limits.totalTimeout
        config.httpMaximumConnectionsPerHost = limits.connectionsPerHost
        config.httpAdditionalHeaders = ["User-Agent": limits.userAgent, "Accept-Encoding": "gzip"]
        delegate = Delegate(limits: limits)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: config, delegate: delegate, delegateQueue: queue)
        hosts = HostGate(perHost: max(1, limits.connectionsPerHost))
        Self.keep(session)
    }

    /// Sessions live as long as the process and are never invalidated:
    /// tearing one down on Linux races libcurl's socket sources in
    /// FoundationNetworking (swift-corelibs-foundation #4791 and its family),
    /// which corrupted the heap at the end of one `fetch` in a loaded test
    /// run ("malloc_consolidate(): unaligned fastbin chunk detected"). A
    /// process makes one client (the CLI) or one per reader (`R`).
    private static let kept = NSLock()
    nonisolated(unsafe) private static var sessions: [URLSession] = []
    private static func keep(_ session: URLSession) { kept.withLock { sessions.append(session) } }

    /// Whether this process made a session. Its libcurl worker thread runs
    /// until the process ends, so such a process must end with `_exit`:
    /// `exit` runs the atexit cleanups of libcurl and OpenSSL while that
    /// thread may still use them, which corrupted the heap at the end of a
    /// `fetch` under load ("malloc_consolidate(): unaligned fastbin chunk
    /// detected", after all its output was written).
    public static var madeSessions: Bool { kept.withLock { !sessions.isEmpty } }

    /// GETs `url`, conditionally when `validators` are given; blocks until
    /// the answer is complete. 2xx and 304 come back; anything else throws.
    public func get(_ url: URL, validators: Validators? = nil) throws(FetchError) -> HTTPResponse {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw FetchError("not an http(s) URL")
        }
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        if let etag = validators?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let since = validators?.lastModified { request.setValue(since, forHTTPHeaderField: "If-Modified-Since") }
        let host = url.host!.lowercased()
        hosts.enter(host)
        defer { hosts.leave(host) }
        let transfer = Transfer(url: url)
        let task = session.dataTask(with: request)
        delegate.add(transfer, for: task.taskIdentifier)
        task.resume()
        // The session's timeouts end every task; this wait is only a backstop.
        if transfer.done.wait(timeout: .now() + limits.totalTimeout + limits.timeout + 5) == .timedOut {
            task.cancel()
            delegate.remove(task.taskIdentifier)
            throw FetchError("no answer within \(Int(limits.totalTimeout)) s")
        }
        delegate.remove(task.taskIdentifier)
        return try transfer.result()
    }

    /// The state of one download, filled in by the delegate.
    final class Transfer: @unchecked Sendable {
        let url: URL
        let done = DispatchSemaphore(value: 0)
        var body = Data()
        var response: HTTPURLResponse?
        /// Why the delegate stopped it (size cap, redirects), before URLSession's own error.
        var abort: FetchError?
        var error: (any Error)?
        var visited: [URL]

        init(url: URL) {
            self.url = url
            visited = [url]
        }

        func result() throws(FetchError) -> HTTPResponse {
            if let abort { throw abort }
            if let error { throw HTTPClient.describe(error) }
            guard let r = response else { throw FetchError("no HTTP answer") }
            let status = r.statusCode
            if status == 304 || (200..<300).contains(status) {
                return HTTPResponse(url: url, finalURL: r.url ?? url, status: status, body: status == 304 ? Data() : body,
                                    contentType: r.value(forHTTPHeaderField: "Content-Type"),
                                    etag: r.value(forHTTPHeaderField: "ETag"),
                                    lastModified: r.value(forHTTPHeaderField: "Last-Modified"))
            }
            if (300..<400).contains(status) {
                throw FetchError("HTTP \(status) redirect without a usable Location")
            }
            throw FetchError("HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))")
        }
    }

    static func describe(_ error: any Error) -> FetchError {
        let e = error as NSError
        guard e.domain == NSURLErrorDomain else { return FetchError(e.localizedDescription) }
        switch e.code {
        case NSURLErrorTimedOut: return FetchError("timed out (no answer)")
        case NSURLErrorCannotConnectToHost: return FetchError("cannot connect (connection refused)")
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return FetchError("unknown host")
        case NSURLErrorNetworkConnectionLost: return FetchError("connection lost")
        case NSURLErrorHTTPTooManyRedirects: return FetchError("too many redirects")
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
             NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid:
            return FetchError("TLS failed: \(e.localizedDescription)")
        default: return FetchError(e.localizedDescription)
        }
    }

    /// URLSession's delegate: collects bodies, enforces the cap, vets redirects.
    final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let limits: HTTPLimits
        private let lock = NSLock()
        private var transfers: [Int: Transfer] = [:]

        init(limits: HTTPLimits) {
            self.limits = limits
        }

        func add(_ t: Transfer, for id: Int) { lock.withLock { transfers[id] = t } }
        func remove(_ id: Int) { _ = lock.withLock { transfers.removeValue(forKey: id) } }
        func transfer(_ task: URLSessionTask) -> Transfer? { lock.withLock { transfers[task.taskIdentifier] } }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            guard let t = transfer(dataTask) else { return completionHandler(.cancel) }
            let http = response as? HTTPURLResponse
            t.response = http
            if response.expectedContentLength > Int64(limits.maxBytes) {
                t.abort = FetchError("larger than the \(limits.maxBytes)-byte cap (\(response.expectedContentLength) bytes)")
                return completionHandler(.cancel)
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            guard let t = transfer(dataTask), t.abort == nil else { return }
            if t.body.count + data.count > limits.maxBytes {
                t.abort = FetchError("larger than the \(limits.maxBytes)-byte cap")
                t.body = Data()
                dataTask.cancel()
                return
            }
            t.body.append(data)
        }

        /// Refusing a redirect (nil) ends the task with the 3xx answer;
        /// `abort` says why. (Cancelling here too crashes FoundationNetworking.)
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            guard let t = transfer(task), let next = request.url else { return completionHandler(nil) }
            if t.visited.contains(where: { $0.absoluteString == next.absoluteString }) {
                t.abort = FetchError("redirect loop (\(t.visited.map(\.absoluteString).joined(separator: " → ")) → \(next.absoluteString))")
                return completionHandler(nil)
            }
            if t.visited.count > limits.maxRedirects {
                t.abort = FetchError("more than \(limits.maxRedirects) redirects")
                return completionHandler(nil)
            }
            guard let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                t.abort = FetchError("redirect to a non-http(s) URL")
                return completionHandler(nil)
            }
            t.visited.append(next)
            completionHandler(request)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            guard let t = transfer(task) else { return }
            if let error, t.abort == nil { t.error = error }
            t.done.signal()
        }
    }
}

/// At most `perHost` downloads from one host at a time.
final class HostGate: @unchecked Sendable {
    private let perHost: Int
    private let condition = NSCondition()
    private var busy: [String: Int] = [:]

    init(perHost: Int) { self.perHost = perHost }

    func enter(_ host: String) {
        condition.lock()
        defer { condition.unlock() }
        while busy[host, default: 0] >= perHost { condition.wait() }
        busy[host, default: 0] += 1
    }

    func leave(_ host: String) {
        condition.lock()
        busy[host, default: 1] -= 1
        if busy[host] == 0 { busy[host] = nil }
        condition.broadcast()
        condition.unlock()
    }
}
