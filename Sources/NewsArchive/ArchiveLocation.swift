import Foundation

/// Where an archive lives, as a user names it: a `postgresql://` (or
/// `postgres://`) URL is the shared PostgreSQL archive, anything else an
/// SQLite file. Opening an SQLite file makes no libpq call at all.
public enum ArchiveLocation {
    /// Opens the archive at `location`. `batchSize`: stories per write
    /// transaction (the backend's default when nil); `notice`: one-line
    /// messages about a lost server connection being retried.
    public static func open(_ location: String, mode: SQLiteArchive.Mode, batchSize: Int? = nil,
                            notice: (@Sendable (String) -> Void)? = nil) throws -> any ArchiveStore {
        if PostgresArchive.isURL(location) {
            var archive = try PostgresArchive(url: location, mode: mode)
            if let batchSize { archive.batchSize = batchSize }
            archive.notice = notice
            return archive
        }
        var archive: SQLiteArchive
        do {
            archive = try SQLiteArchive(path: location, mode: mode)
        } catch let e as ArchiveError where e.kind == .olderSchema && canWrite(location) {
            // An archive from an older Newsroom that this user may write:
            // upgrade it in place (one transaction per step), then read it as
            // asked, so a new binary opens an old archive without a detour.
            _ = try SQLiteArchive(path: location, mode: .readWrite)
            archive = try SQLiteArchive(path: location, mode: mode)
        }
        if let batchSize { archive.batchSize = batchSize }
        return archive
    }

    /// Whether this user may write the file and its folder (SQLite writes its
    /// WAL and shared-memory files beside it).
    static func canWrite(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }
}
