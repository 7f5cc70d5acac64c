import Foundation
import Testing
import TestSupport
@testable import NewsFetch

/// HTTPClient against a real server on loopback.
@Suite struct HTTPClientTests {
    func client(timeout: Double = 2, maxBytes: Int = 1 << 20) -> HTTPClient {
        var limits = HTTPLimits()
        limits.timeout = timeout
        limits.totalTimeout = timeout * 3
        limits.maxBytes = maxBytes
        return HTTPClient(limits: limits)
    }

    @Test func getsABodyAndSendsTheUserAgent() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/a", .init(contentType: "text/plain; charset=utf-8", "Hello there\n", headers: [("ETag", "\"v1\"")]))
        let r = try client().get(URL(string: server.url("/a"))!)
        #expect(r.status == 200)
        #expect(String(decoding: r.body, as: UTF8.self) == "Hello there\n")
        #expect(r.etag == "\"v1\"")
        #expect(r.contentType == "text/plain; charset=utf-8")
        let sent = server.requests(for: "/a")
        #expect(sent.count == 1)
        #expect(sent.first?.headers["user-agent"] == "newsroom/\(NewsroomVersion.current)")
    }
}

extension HTTPClientTests {
    @Test func conditionalGetSendsTheValidatorsAndGets304WithNoBody() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/feed") { req in
            if req.headers["if-none-match"] == "\"v7\"" { return .init(status: 304, headers: [("ETag", "\"v7\"")]) }
            return .init(contentType: "text/plain", "Body text\n", headers: [("ETag", "\"v7\""),
                                                                          ("Last-Modified", "Sat, 05 Dec 2026 10:00:00 GMT")])
        }
        let c = client()
        let first = try c.get(URL(string: server.url("/feed"))!)
        #expect(first.status == 200)
        #expect(first.lastModified == "Sat, 05 Dec 2026 10:00:00 GMT")
        let second = try c.get(URL(string: server.url("/feed"))!,
                               validators: Validators(etag: first.etag, lastModified: first.lastModified))
        #expect(second.status == 304)
        #expect(second.notModified)
        #expect(second.body.isEmpty)
        let sent = server.requests(for: "/feed")
        #expect(sent.count == 2)
        #expect(sent[0].headers["if-none-match"] == nil)
        #expect(sent[1].headers["if-none-match"] == "\"v7\"")
        #expect(sent[1].headers["if-modified-since"] == "Sat, 05 Dec 2026 10:00:00 GMT")
    }

    @Test func errorStatusesSayTheirCode() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/broken", .init(status: 500, contentType: "text/plain", "oops"))
        let c = client()
        #expect(throws: FetchError("HTTP 404 Not Found")) { try c.get(URL(string: server.url("/missing"))!) }
        do {
            _ = try c.get(URL(string: server.url("/broken"))!)
            Issue.record("a 500 was accepted")
        } catch {
            #expect(error.description.hasPrefix("HTTP 500"))
        }
    }

    @Test func aRedirectIsFollowedAndALoopIsStopped() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/old", .redirect(301, to: server.url("/new")))
        server.route("/new", .init(contentType: "text/plain", "moved here"))
        server.route("/a", .redirect(to: server.url("/b")))
        server.route("/b", .redirect(to: server.url("/a")))
        let c = client()
        let r = try c.get(URL(string: server.url("/old"))!)
        #expect(r.finalURL.absoluteString == server.url("/new"))
        #expect(String(decoding: r.body, as: UTF8.self) == "moved here")
        do {
            _ = try c.get(URL(string: server.url("/a"))!)
            Issue.record("a redirect loop was followed to the end")
        } catch {
            #expect(error.description.hasPrefix("redirect loop"), "\(error)")
        }
        // /a was asked for twice at most: the loop stopped at the first repeat.
        #expect(server.requests(for: "/a").count == 1)
        #expect(server.requests(for: "/b").count == 1)
    }

    @Test func aChainLongerThanTheLimitStops() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        for i in 0..<10 { server.route("/r\(i)", .redirect(to: server.url("/r\(i + 1)"))) }
        server.route("/r10", .init(contentType: "text/plain", "end"))
        do {
            _ = try client().get(URL(string: server.url("/r0"))!)
            Issue.record("10 redirects were followed")
        } catch {
            #expect(error.description == "more than 5 redirects", "\(error)")
        }
        #expect(server.requests(for: "/r10").isEmpty)
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/slow", .hang)
        do {
            _ = try client(timeout: 1).get(URL(string: server.url("/slow"))!)
            Issue.record("a hung server gave an answer")
        } catch {
            #expect(error.description.contains("timed out"), "\(error)")
        }
    }

    @Test func aBodyOverTheCapIsAbandoned() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let big = Data(repeating: UInt8(ascii: "x"), count: 300_000)
        server.route("/declared", .init(headers: [("Content-Type", "text/plain")], body: big))
        var streamed = LoopbackHTTPServer.Response(headers: [("Content-Type", "text/plain")], body: big)
        streamed.untilClose = true
        server.route("/streamed", streamed)
        server.route("/small", .init(contentType: "text/plain", "short"))
        let c = client(maxBytes: 100_000)
        for path in ["/declared", "/streamed"] {
            do {
                _ = try c.get(URL(string: server.url(path))!)
                Issue.record("\(path): 300,000 bytes passed a 100,000-byte cap")
            } catch {
                #expect(error.description.hasPrefix("larger than the 100000-byte cap"), "\(path): \(error)")
            }
        }
        #expect(try c.get(URL(string: server.url("/small"))!).body.count == 5)
    }

    @Test func gzipBodiesArriveDecoded() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let folder = try TemporaryFolder("newsroom-gzip")
        defer { folder.remove() }
        let text = String(repeating: "Harbour pilots said the tide was late. ", count: 200)
        let packed = try LoopbackHTTPServer.gzip(Data(text.utf8), scratch: folder)
        server.route("/z") { req in
            guard req.headers["accept-encoding"]?.contains("gzip") == true else {
                return .init(contentType: "text/plain", text)
            }
            return .init(headers: [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")], body: packed)
        }
        let r = try client().get(URL(string: server.url("/z"))!)
        #expect(server.requests(for: "/z").first?.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(String(decoding: r.body, as: UTF8.self) == text)
        #expect(packed.count < text.utf8.count / 10)
    }

    @Test func atMostTwoConnectionsToOneHost() throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        var slow = LoopbackHTTPServer.Response(status: 200, contentType: "text/plain", "ok")
        slow.delay = 0.3
        server.route("/slow", slow)
        let c = client()
        let group = DispatchGroup()
        for _ in 0..<6 {
            group.enter()
            Thread {
                _ = try? c.get(URL(string: server.url("/slow"))!)
                group.leave()
            }.start()
        }
        #expect(group.wait(timeout: .now() + 30) == .success)
        #expect(server.requests(for: "/slow").count == 6)
        #expect(server.mostConcurrentConnections <= 2)
    }
}
