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
        var archive = try SQLiteArchive(path: location, mode: mode)
        if let batchSize { archive.batchSize = batchSize }
        return archive
    }
}
