import NewsArchive

/// The one place the runner opens an archive (an SQLite file or a PostgreSQL URL).
enum ArchiveOpening {
    static func open(path: String, readOnly: Bool) throws -> any ArchiveStore {
        try ArchiveLocation.open(path, mode: readOnly ? .readOnly : .readWrite)
    }
}
