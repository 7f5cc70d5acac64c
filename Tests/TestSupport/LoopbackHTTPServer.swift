import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 for the tests of `fetch`: real
/// sockets, a free port chosen by the kernel, one thread per connection.
/// Routes answer by path; every request is recorded with its headers so a
/// test can check what the client sent (If-None-Match, User-Agent …).
/// `stop()` closes everything; every read and loop is bounded in time.
public final class LoopbackHTTPServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        /// Accept the connection and never answer (a hung server).
        public var hang = false
        /// Send no Content-Length: the body ends when the connection closes.
        public var untilClose = false
        /// Seconds to wait before answering.
        public var delay: Double = 0

        public init(status: Int = 200, headers: [(String, String)] = [], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        public init(status: Int = 200, contentType: String, _ text: String, headers: [(String, String)] = []) {
            self.init(status: status, headers: [("Content-Type", contentType)] + headers, body: Data(text.utf8))
        }

        public static var hang: Response {
            var r = Response(status: 200)
            r.hang = true
            return r
        }

        public static func redirect(_ status: Int = 302, to location: String) -> Response {
            Response(status: status, headers: [("Location", location)])
        }
    }

    public typealias Handler = @Sendable (Request) -> Response

    public let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: Handler] = [:]
    private var log: [Request] = []
    private var connections: Set<Int32> = []
    private var stopped = false
    private var open = 0
    private var mostOpen = 0
    private let done = DispatchGroup()

    /// Starts listening on 127.0.0.1 at a free port.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SpawnError("socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw SpawnError("bind/listen on 127.0.0.1: \(String(cString: strerror(errno)))")
        }
        var got = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &got) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = UInt16(bigEndian: got.sin_port)
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        done.enter()
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT` + path.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)" + path }

    /// Answers `path` (without the query) with `handler`.
    public func route(_ path: String, _ handler: @escaping Handler) {
        lock.withLock { routes[path] = handler }
    }

    /// Answers `path` always with `response`.
    public func route(_ path: String, _ response: Response) {
        route(path) { _ in response }
    }

    /// Every request so far, in order.
    public var requests: [Request] { lock.withLock { log } }

    /// The requests for one path.
    public func requests(for path: String) -> [Request] { requests.filter { $0.path == path } }

    /// The most connections that were open at once.
    public var mostConcurrentConnections: Int { lock.withLock { mostOpen } }

    /// Stops accepting, closes every connection and waits (at most 5 s) for the threads.
    public func stop() {
        let wasStopped = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        if wasStopped { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        lock.withLock { for c in connections { shutdown(c, Int32(SHUT_RDWR)) } }
        _ = done.wait(timeout: .now() + 5)
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        defer { done.leave() }
        while !isStopped {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 100)
            if ready <= 0 { continue }
            let c = accept(listener, nil, nil)
            if c < 0 { continue }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            lock.withLock {
                connections.insert(c)
                open += 1
                mostOpen = max(mostOpen, open)
            }
            done.enter()
            Thread { [self] in
                serve(c)
                lock.withLock {
                    connections.remove(c)
                    open -= 1
                }
                close(c)
                done.leave()
            }.start()
        }
    }

    /// Serves requests on one connection (keep-alive) until it closes.
    private func serve(_ c: Int32) {
        var buffer = [UInt8]()
        // At most 100 requests a connection, each head at most 64 KB.
        for _ in 0..<100 {
            guard let (head, rest) = readHead(c, buffer: buffer) else { return }
            buffer = rest
            guard let request = parse(head) else { return }
            if let length = request.headers["content-length"].flatMap(Int.init), length > 0 {
                // Bodies are not used by these tests: skip them.
                var need = length - buffer.count
                buffer = Array(buffer.dropFirst(min(length, buffer.count)))
                var chunk = [UInt8](repeating: 0, count: 4096)
                while need > 0 {
                    let n = recv(c, &chunk, min(chunk.count, need), 0)
                    if n <= 0 { return }
                    need -= n
                }
            }
            lock.withLock { log.append(request) }
            let handler = lock.withLock { routes[request.path] }
            var response = handler?(request) ?? Response(status: 404, contentType: "text/plain", "no such page\n")
            if response.hang {
                // Hold the connection open, answering nothing, until stopped.
                for _ in 0..<600 where !isStopped { usleep(50_000) }
                return
            }
            if response.delay > 0 { usleep(UInt32(min(response.delay, 10) * 1_000_000)) }
            if response.untilClose {
                response.headers.append(("Connection", "close"))
            } else if !response.headers.contains(where: { $0.0.lowercased() == "content-length" }) {
                response.headers.append(("Content-Length", "\(response.body.count)"))
            }
            var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
            for (k, v) in response.headers { text += "\(k): \(v)\r\n" }
            text += "\r\n"
            var bytes = Array(text.utf8)
            if request.method != "HEAD" { bytes += response.body }
            if !send(c, bytes) { return }
            if response.untilClose { return }
            if request.headers["connection"]?.lowercased() == "close" { return }
        }
    }

    private func send(_ c: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(c, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// Reads until the end of a request head; the head and what came after it.
    private func readHead(_ c: Int32, buffer: [UInt8]) -> ([UInt8], [UInt8])? {
        var data = buffer
        var chunk = [UInt8](repeating: 0, count: 4096)
        while data.count < 65536 {
            if let end = Self.headEnd(data) {
                return (Array(data[..<end]), Array(data[(end + 4)...]))
            }
            let n = recv(c, &chunk, chunk.count, 0)
            if n <= 0 { return nil }
            data += chunk[0..<n]
        }
        return nil
    }

    private static func headEnd(_ d: [UInt8]) -> Int? {
        guard d.count >= 4 else { return nil }
        for i in 0...(d.count - 4) where d[i] == 13 && d[i + 1] == 10 && d[i + 2] == 13 && d[i + 3] == 10 {
            return i
        }
        return nil
    }

    private func parse(_ head: [UInt8]) -> Request? {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let first = lines.first?.split(separator: " ") ?? []
        guard first.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let target = String(first[1])
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        return Request(method: String(first[0]), path: path, headers: headers)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }

    /// `data` compressed by the system's gzip (a real gzip stream).
    public static func gzip(_ data: Data, scratch: some ScratchFolder) throws -> Data {
        let input = scratch.file("gzip-in-\(UUID().uuidString)")
        let output = input + ".gz"
        try data.write(to: URL(fileURLWithPath: input))
        defer {
            try? FileManager.default.removeItem(atPath: input)
            try? FileManager.default.removeItem(atPath: output)
        }
        let status = try Spawn.run(["gzip", "-c", input], stdoutPath: output)
        guard status == 0 else { throw SpawnError("gzip exited \(status)") }
        return try Data(contentsOf: URL(fileURLWithPath: output))
    }
}
