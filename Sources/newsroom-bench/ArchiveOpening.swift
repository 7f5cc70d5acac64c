import NewsArchive

/// The one place the runner names the concrete archive type.
enum ArchiveOpening {
    static func open(path: String, readOnly: Bool) throws -> any ArchiveStore {
        // TODO(archive): SQLiteArchive is not on the archive branch yet; open it here when it is.
        throw ArchiveError("SQLiteArchive is not merged yet: no archive to open at \(path)")
    }
}
