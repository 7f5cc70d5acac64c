import NewsArchive

/// The one place the runner names the concrete archive type.
enum ArchiveOpening {
    static func open(path: String, readOnly: Bool) throws -> any ArchiveStore {
        try SQLiteArchive(path: path, mode: readOnly ? .readOnly : .readWrite)
    }
}
