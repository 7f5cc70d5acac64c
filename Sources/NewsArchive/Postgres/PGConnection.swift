import CLibPQ
import Foundation

/// A value bound to a statement parameter, in PostgreSQL's text form. Every
/// piece of user text reaches the server this way (`$1`, `$2` …), never
/// spliced into SQL.
protocol PGParameter {
    var pgText: String? { get }
}

extension String: PGParameter { var pgText: String? { self } }
extension Int: PGParameter { var pgText: String? { String(self) } }
extension Int64: PGParameter { var pgText: String? { String(self) } }
extension Double: PGParameter { var pgText: String? { String(self) } }
extension Optional: PGParameter where Wrapped: PGParameter { var pgText: String? { self?.pgText } }

/// `bytea` in hex form.
struct PGBytes: PGParameter {
    var bytes: [UInt8]
    var pgText: String? {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [0x5C, 0x78]  // \x
        out.reserveCapacity(2 + bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes of a `bytea` column in hex output form (`\x0a1b…`).
    static func decode(_ text: String?) -> [UInt8] {
        guard let text else { return [] }
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == 0x5C, utf8[1] == 0x78 else { return [] }
        func nibble(_ c: UInt8) -> UInt8 {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x61...0x66: return c - 0x61 + 10
            case 0x41...0x46: return c - 0x41 + 10
            default: return 0
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity((utf8.count - 2) / 2)
        var i = 2
        while i + 1 < utf8.count {
            out.append(nibble(utf8[i]) << 4 | nibble(utf8[i + 1]))
            i += 2
        }
        return out
    }
}

/// `bigint[]` as an array literal.
struct PGIDArray: PGParameter {
    var ids: [Int64]
    var pgText: String? { "{" + ids.map(String.init).joined(separator: ",") + "}" }

    static func decode(_ text: String?) -> [Int64] {
        guard let text else { return [] }
        return text.split(whereSeparator: { $0 == "{" || $0 == "}" || $0 == "," }).compactMap { Int64($0) }
    }
}

/// The rows of one statement, copied out of libpq's result (text form).
struct PGRows {
    var columns: Int
    var values: [[String?]]
    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }

    func string(_ row: Int, _ column: Int) -> String? { values[row][column] }
    func text(_ row: Int, _ column: Int) -> String { values[row][column] ?? "" }
    func int(_ row: Int, _ column: Int) -> Int { values[row][column].flatMap { Int($0) } ?? 0 }
    func optionalInt(_ row: Int, _ column: Int) -> Int? { values[row][column].flatMap { Int($0) } }
    func int64(_ row: Int, _ column: Int) -> Int64 { values[row][column].flatMap { Int64($0) } ?? 0 }
    func optionalInt64(_ row: Int, _ column: Int) -> Int64? { values[row][column].flatMap { Int64($0) } }
    func double(_ row: Int, _ column: Int) -> Double { values[row][column].flatMap { Double($0) } ?? 0 }
    func optionalDouble(_ row: Int, _ column: Int) -> Double? { values[row][column].flatMap { Double($0) } }
    func bytes(_ row: Int, _ column: Int) -> [UInt8] { PGBytes.decode(values[row][column]) }
    func ids(_ row: Int, _ column: Int) -> [Int64] { PGIDArray.decode(values[row][column]) }
}

/// A failed statement or connection, in the server's words (first line).
struct PGError: Error, CustomStringConvertible {
    var message: String
    /// The five-character SQLSTATE, when the server sent one.
    var sqlState: String?
    /// The connection is gone (server restarted, network cut, backend killed):
    /// the transaction did not commit and may be run again on a new connection.
    var connectionLost: Bool
    var description: String { message }
}

/// One libpq connection. libpq connections are not thread-safe: every use
/// goes through `locked`, one thread at a time. Connects on first use.
final class PGConnection: @unchecked Sendable {
    /// The connection string (a `postgresql://` URL), never holding a password.
    let url: String
    /// Session settings run after every (re)connect.
    let setup: [String]
    private var handle: OpaquePointer?
    private let lock = NSLock()

    /// Statements with parameters are prepared once per connection and then
    /// only bound and run (the writer's: the same few statements thousands of
    /// times, with stable plans). Names of the prepared ones, by SQL text.
    let prepares: Bool
    private var prepared: [String: String] = [:]
    static let preparedLimit = 256

    init(url: String, setup: [String] = [], prepares: Bool = false) {
        self.url = url
        self.setup = setup
        self.prepares = prepares
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Runs `body` holding the connection, connected.
    func locked<T>(_ body: (PGConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try connectIfNeeded()
        return try body(self)
    }

    /// The server process of this connection (for tests that cut it).
    var backendPID: Int32 { handle.map { PQbackendPID($0) } ?? 0 }

    private func connectIfNeeded() throws {
        if let handle, PQstatus(handle) == CONNECTION_OK { return }
        if let handle { PQfinish(handle) }
        handle = nil
        guard let h = PQconnectdb(url) else { throw PGError(message: "out of memory", connectionLost: true) }
        if PQstatus(h) != CONNECTION_OK {
            let message = Self.firstLine(PQerrorMessage(h))
            PQfinish(h)
            throw PGError(message: message, connectionLost: true)
        }
        handle = h
        prepared.removeAll()
        for sql in ["SET client_encoding = 'UTF8'", "SET client_min_messages = warning"] + setup {
            _ = try run(sql, [])
        }
    }

    /// Drops the connection; the next `locked` reconnects.
    func disconnect() {
        lock.lock()
        defer { lock.unlock() }
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Runs one statement with bound parameters (`$1` …); call inside `locked`.
    @discardableResult
    func run(_ sql: String, _ parameters: [any PGParameter]) throws -> PGRows {
        guard let handle else { throw PGError(message: "not connected", connectionLost: true) }
        let texts = parameters.map(\.pgText)
        // A C string ends at NUL: refuse rather than store a cut text.
        if texts.contains(where: { $0?.utf8.contains(0) == true }) {
            throw PGError(message: "text with a NUL character cannot be stored in PostgreSQL", connectionLost: false)
        }
        // C strings that live until PQexecParams returns.
        var storage: [UnsafeMutablePointer<CChar>?] = texts.map { $0.flatMap { strdup($0) } }
        defer { for p in storage { free(p) } }
        // Without parameters: the simple protocol, which also runs several
        // statements (a migration) in one call.
        var name = prepares && !texts.isEmpty ? prepared[sql] : nil
        if prepares && !texts.isEmpty && name == nil && prepared.count < Self.preparedLimit {
            let candidate = "newsroom_\(prepared.count)"
            let made = PQprepare(handle, candidate, sql, Int32(texts.count), nil)
            let ok = made.map { PQresultStatus($0) == PGRES_COMMAND_OK } ?? false
            PQclear(made)
            // A statement that does not prepare runs unprepared (and says why).
            if ok {
                prepared[sql] = candidate
                name = candidate
            }
        }
        let result: OpaquePointer? = texts.isEmpty ? PQexec(handle, sql) : storage.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(1, buffer.count)) {
                if let name { return PQexecPrepared(handle, name, Int32(texts.count), $0, nil, nil, 0) }
                return PQexecParams(handle, sql, Int32(texts.count), nil, $0, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let lost = PQstatus(handle) != CONNECTION_OK
            let message = result.flatMap { PQresultErrorMessage($0) }.map { Self.firstLine($0) }
                ?? Self.firstLine(PQerrorMessage(handle))
            let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
            throw PGError(message: message.isEmpty ? "connection lost" : message, sqlState: state, connectionLost: lost)
        }
        guard let result, status == PGRES_TUPLES_OK else { return PGRows(columns: 0, values: []) }
        let rows = Int(PQntuples(result)), columns = Int(PQnfields(result))
        var values: [[String?]] = []
        values.reserveCapacity(rows)
        for r in 0..<rows {
            var row: [String?] = []
            row.reserveCapacity(columns)
            for c in 0..<columns {
                if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    row.append(nil)
                } else {
                    row.append(String(cString: PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            values.append(row)
        }
        return PGRows(columns: columns, values: values)
    }

    /// Waits up to `timeout` seconds for a NOTIFY on a channel this
    /// connection LISTENs to; returns the payloads received.
    func notifications(timeout: Double) throws -> [String] {
        try locked { c in
            guard let handle = c.handle else { return [] }
            var payloads = c.drainNotifications()
            if !payloads.isEmpty { return payloads }
            let socket = PQsocket(handle)
            guard socket >= 0 else { throw PGError(message: "connection lost", connectionLost: true) }
            var fds = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, Int32(timeout * 1000))
            if ready > 0 {
                if PQconsumeInput(handle) == 0 {
                    throw PGError(message: Self.firstLine(PQerrorMessage(handle)), connectionLost: true)
                }
                payloads = c.drainNotifications()
            }
            return payloads
        }
    }

    private func drainNotifications() -> [String] {
        guard let handle else { return [] }
        var out: [String] = []
        PQconsumeInput(handle)
        while let n = PQnotifies(handle) {
            out.append(n.pointee.extra.map { String(cString: $0) } ?? "")
            PQfreemem(n)
        }
        return out
    }

    static func firstLine(_ c: UnsafePointer<CChar>?) -> String {
        guard let c else { return "" }
        let text = String(cString: c).trimmingCharacters(in: .whitespacesAndNewlines)
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.hasPrefix("ERROR:  ") ? String(line.dropFirst(8)) : line
    }

    /// The connection string's options as libpq reads them (nil when it
    /// cannot parse it, with libpq's reason).
    static func options(of url: String) -> Result<[String: String], PGError> {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &error) else {
            let message = error.map { firstLine($0) } ?? "cannot read the connection URL"
            if let error { PQfreemem(error) }
            return .failure(PGError(message: message, connectionLost: false))
        }
        defer { PQconninfoFree(options) }
        var out: [String: String] = [:]
        var i = 0
        while let keyword = options[i].keyword {
            if let value = options[i].val { out[String(cString: keyword)] = String(cString: value) }
            i += 1
        }
        return .success(out)
    }
}

/// Parameters of a statement built piece by piece: `add` binds a value and
/// returns its placeholder (`$3`), so only used parameters are sent.
struct PGBindings {
    var values: [any PGParameter] = []

    mutating func add(_ value: any PGParameter) -> String {
        values.append(value)
        return "$\(values.count)"
    }
}
