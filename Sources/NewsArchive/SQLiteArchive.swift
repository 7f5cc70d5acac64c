import Foundation
import GRDB
import NewsKit

/// The embedded archive: one SQLite file in WAL mode, so a reader can browse
/// while an ingest writes. Open it with `SQLiteArchive(path:mode:)`.
public struct SQLiteArchive: ArchiveStore {
    /// How the archive file is opened.
    public enum Mode: Sendable {
        /// Create the file (and its folder) if missing, upgrade an older schema.
        case readWrite
        /// Queries only: the file must exist; nothing is written.
        case readOnly
    }

    /// The archive file.
    public let path: String
    /// The schema version this binary writes.
    public static var schemaVersion: Int { ArchiveSchema.version }
    let pool: DatabasePool
    /// How many stories one ingest transaction writes.
    public var batchSize = 512

    /// Opens (or, in `.readWrite`, creates) the archive at `path`. Throws an
    /// `ArchiveError` naming the file when it is not an archive, is corrupt,
    /// was written by a newer Newsroom, or cannot be opened as asked.
    public init(path: String, mode: Mode = .readWrite) throws {
        self.path = path
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if isDir.boolValue {
            throw ArchiveError("\(path): is a folder, not an archive file", kind: .unusable)
        }
        if mode == .readOnly && !exists {
            throw ArchiveError("\(path): no archive here (create one with 'newsroom ingest')", kind: .unusable)
        }
        if exists && !fm.isReadableFile(atPath: path) {
            throw ArchiveError("\(path): cannot read the archive (permission denied)", kind: .unusable)
        }
        if exists, let message = Self.notSQLite(path: path) {
            throw ArchiveError("\(path): \(message)", kind: .unusable)
        }
        if mode == .readWrite {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !fm.fileExists(atPath: folder) {
                do {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw ArchiveError("\(folder): cannot create the archive folder", kind: .readOnly)
                }
            }
            if exists && !fm.isWritableFile(atPath: path) {
                throw ArchiveError("\(path): the archive is read-only", kind: .readOnly)
            }
            if !fm.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                throw ArchiveError("\(folder.isEmpty ? "." : folder): the archive folder is read-only", kind: .readOnly)
            }
        }

        var config = Configuration()
        config.readonly = mode == .readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -32000")
            if !db.configuration.readonly {
                // WAL + NORMAL: a commit survives a process crash (SIGKILL);
                // only a power cut may lose the last batch, never corrupt.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Keep the WAL file from staying at its high-water mark.
                try db.execute(sql: "PRAGMA journal_size_limit = 16777216")
            }
        }
        do {
            pool = try Self.openPool(path: path, location: path, mode: mode, config: config)
        } catch let error as ArchiveError where mode == .readOnly && error.kind == .readOnly {
            // A WAL archive in a folder this user cannot write: SQLite cannot
            // create its shared-memory file, so read the file as immutable.
            let uri = "file:" + (Self.absolute(path).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
                + "?immutable=1"
            guard let immutable = try? Self.openPool(path: path, location: uri, mode: mode, config: config) else {
                throw error
            }
            pool = immutable
        }
    }

    /// Opens the pool at `location` (a path or an SQLite URI), checks that it
    /// is a Newsroom archive this binary can read, and migrates it when writing.
    private static func openPool(path: String, location: String, mode: Mode, config: Configuration) throws -> DatabasePool {
        do {
            let pool = try DatabasePool(path: location, configuration: config)
            let migrator = ArchiveSchema.migrator
            let superseded = try pool.read { db -> Bool in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty && !tables.contains("grdb_migrations") {
                    throw ArchiveError("\(path): an SQLite file, but not a Newsroom archive", kind: .unusable)
                }
                return try migrator.hasBeenSuperseded(db)
            }
            if superseded {
                throw ArchiveError(
                    "\(path): written by a newer Newsroom (unknown schema); this one reads schema version \(ArchiveSchema.version) — upgrade newsroom",
                    kind: .newerSchema)
            }
            if mode == .readWrite {
                try migrator.migrate(pool)
            } else {
                let pending = try pool.read { db in try !migrator.hasCompletedMigrations(db) }
                if pending {
                    throw ArchiveError(
                        "\(path): written by an older Newsroom; upgrade it once with newsroom migrate --db \(path)",
                        kind: .olderSchema)
                }
            }
            return pool
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    /// A one-line reason when the file cannot be an SQLite database: empty
    /// files are fine (SQLite treats them as new), anything else must start
    /// with the SQLite header.
    static func notSQLite(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "cannot read the archive" }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 100)) ?? Data()
        if head.isEmpty { return nil }
        if head.count < 100 || !head.starts(with: Array("SQLite format 3\0".utf8)) {
            return "not an SQLite archive (wrong header)"
        }
        return nil
    }

    /// Turns a database error into one line naming the archive, without
    /// SQLite's own wording of SQL.
    static func describe(_ error: any Error, path: String) -> ArchiveError {
        if let e = error as? ArchiveError { return e }
        guard let db = error as? DatabaseError else {
            return ArchiveError("\(path): \(error)")
        }
        switch db.resultCode {
        case .SQLITE_NOTADB:
            return ArchiveError("\(path): not an SQLite archive", kind: .unusable)
        case .SQLITE_CORRUPT:
            return ArchiveError("\(path): the archive is corrupt or truncated", kind: .unusable)
        case .SQLITE_READONLY:
            return ArchiveError("\(path): the archive is read-only", kind: .readOnly)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return ArchiveError("\(path): cannot open the archive (permission or missing folder)", kind: .unusable)
        case .SQLITE_FULL:
            return ArchiveError("\(path): disk full; the archive keeps its last committed batch", kind: .writeFailed)
        case .SQLITE_IOERR:
            return ArchiveError("\(path): write failed (I/O error); the archive keeps its last committed batch",
                                kind: .writeFailed)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return ArchiveError("\(path): the archive is busy (another ingest is writing)", kind: .other)
        default:
            return ArchiveError("\(path): archive error: \(db.message ?? "\(db.resultCode)")")
        }
    }

    /// Runs a read, mapping database errors to one-line archive errors.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw Self.describe(error, path: path) }
    }

    /// Runs one write transaction, mapping database errors likewise.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw Self.describe(error, path: path) }
    }
}
