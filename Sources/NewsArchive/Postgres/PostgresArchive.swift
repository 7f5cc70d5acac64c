import Foundation
import NewsKit

/// The shared archive: a PostgreSQL database that several readers browse
/// and several ingesters (on other machines too) write at once. Open it with
/// `PostgresArchive(url:mode:)`; the URL is a libpq connection URL
/// (`postgresql://user@host:5432/news`, `postgresql:///news?host=/run/sock`).
/// Passwords come from `PGPASSWORD` or `~/.pgpass`, as libpq reads them.
///
/// The API is synchronous like `SQLiteArchive`'s. Reads and writes go through
/// two connections (a reader may query while a batch is written); each is
/// used by one thread at a time.
public struct PostgresArchive: ArchiveStore {
    public typealias Mode = SQLiteArchive.Mode

    /// The connection URL, as given (it holds no password).
    public let url: String
    let reader: PGConnection
    let writer: PGConnection
    /// How many stories one write transaction holds.
    public var batchSize = 256
    /// One-line messages about a lost connection being retried (the CLI prints them).
    public var notice: (@Sendable (String) -> Void)?
    /// How often a batch or a read is tried when the connection drops.
    static let attempts = 3

    /// Whether `location` names a PostgreSQL archive rather than an SQLite file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// Connects and checks the schema; in `.readWrite` creates or upgrades it.
    /// Throws an `ArchiveError` naming the URL: a password in the URL, no
    /// server, no such database, no archive there (read-only), a newer schema.
    public init(url: String, mode: Mode = .readWrite) throws {
        self.url = url
        try Self.checkURL(url)
        // A read-only archive never writes, whatever it is asked.
        // JIT compiling pays off for long analytic queries, never for the
        // archive's (a few ms each); a default server has jit = on and
        // compiles any query whose cost estimate crosses jit_above_cost.
        let setup = ["SET jit = off"] + (mode == .readOnly ? ["SET default_transaction_read_only = on"] : [])
        reader = PGConnection(url: url, setup: setup)
        writer = PGConnection(url: url, setup: setup, prepares: true)
        let display = url
        try Self.describing(url: display) {
            try reader.locked { c in
                switch mode {
                case .readWrite:
                    _ = try PostgresSchema.migrate(c, url: display)
                case .readOnly:
                    guard let applied = try PostgresSchema.appliedVersions(c) else {
                        throw ArchiveError("\(display): no archive here (create one with 'newsroom migrate' or 'newsroom ingest')",
                                           kind: .unusable)
                    }
                    let newest = applied.max() ?? 0
                    if newest > PostgresSchema.version {
                        throw ArchiveError(
                            "\(display): written by a newer Newsroom (schema version \(newest)); this one knows up to \(PostgresSchema.version) — upgrade newsroom",
                            kind: .newerSchema)
                    }
                    if PostgresSchema.migrations.contains(where: { !applied.contains($0.version) }) {
                        throw ArchiveError("\(display): written by an older Newsroom; upgrade it with 'newsroom migrate'",
                                           kind: .unusable)
                    }
                }
            }
        }
    }

    /// Creates or upgrades the schema at `url`; returns the versions applied
    /// (empty when it was current).
    public static func migrate(url: String) throws -> [Int] {
        try checkURL(url)
        let c = PGConnection(url: url)
        return try describing(url: url) { try c.locked { try PostgresSchema.migrate($0, url: url) } }
    }

    /// The schema version of the archive at `url` (nil: no archive there),
    /// and the newest this binary knows.
    public static func schemaVersion(url: String) throws -> (stored: Int?, known: Int) {
        try checkURL(url)
        let c = PGConnection(url: url)
        let applied = try describing(url: url) { try c.locked { try PostgresSchema.appliedVersions($0) } }
        return (applied?.max(), PostgresSchema.version)
    }

    /// A URL libpq can read, without a password in it.
    static func checkURL(_ url: String) throws {
        switch PGConnection.options(of: url) {
        case .failure(let e):
            throw ArchiveError("\(redacted(url)): \(e.message)", kind: .unusable)
        case .success(let options):
            if options["password"] != nil {
                throw ArchiveError(
                    "\(redacted(url)): a password in the URL shows in 'ps'; give it in PGPASSWORD or ~/.pgpass",
                    kind: .unusable)
            }
        }
    }

    /// The URL with any password replaced, for messages.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else {
            return url.replacingOccurrences(of: #"password=[^&]*"#, with: "password=…", options: .regularExpression)
        }
        return String(url[..<scheme.upperBound]) + rest[..<colon] + ":…" + rest[at...]
    }

    /// Runs `body`, turning server errors into one line naming the URL.
    static func describing<T>(url: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ArchiveError {
            throw e
        } catch let e as PGError {
            throw describe(e, url: url)
        }
    }

    static func describe(_ e: PGError, url: String) -> ArchiveError {
        if e.connectionLost {
            return ArchiveError("\(url): cannot reach the server: \(e.message)", kind: .unusable)
        }
        switch e.sqlState ?? "" {
        case "25006":
            return ArchiveError("\(url): the archive is opened read-only", kind: .readOnly)
        case "42501":
            return ArchiveError("\(url): permission denied: \(e.message)", kind: .readOnly)
        case "53100":
            return ArchiveError("\(url): the server's disk is full; the archive keeps its last committed batch",
                                kind: .writeFailed)
        default:
            return ArchiveError("\(url): archive error: \(e.message)")
        }
    }

    /// A read on the reader connection; again on a new connection if it drops.
    func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try onConnection(reader, pause: 200_000, lost: { "\(url): connection lost (\($0.message)); reconnecting" }, body)
    }

    /// Runs `body` on `connection`; when the connection drops, says so on one
    /// line (`lost`) and runs it again on a new connection, up to `attempts`
    /// times, waiting a little longer each time. Other PostgreSQL errors
    /// become one-line archive errors.
    func onConnection<T>(_ connection: PGConnection, pause: Int, lost: (PGError) -> String,
                         _ body: (PGConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try connection.locked(body)
            } catch let e as PGError where e.connectionLost && attempt < Self.attempts {
                notice?(lost(e))
                attempt += 1
                connection.disconnect()
                usleep(useconds_t(pause * attempt))
            } catch let e as PGError {
                throw Self.describe(e, url: url)
            }
        }
    }
}
