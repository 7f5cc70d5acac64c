import ArgumentParser
import Foundation
import NewsArchive
import NewsKit

/// `newsroom migrate --db URL`: creates or upgrades the archive's schema.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or upgrade the archive's schema (an SQLite file or a PostgreSQL database).",
        discussion: "Migrations are numbered and applied in one transaction; an archive written by a newer Newsroom is refused and left as it is.")

    @OptionGroup var archive: ArchiveOptions

    func run() throws {
        let location = archive.path
        var applied: [Int] = []
        let version: Int
        do {
            if PostgresArchive.isURL(location) {
                applied = try PostgresArchive.migrate(url: location)
                version = try PostgresArchive.schemaVersion(url: location).stored ?? 0
            } else {
                // Opening an SQLite archive for writing creates or upgrades it.
                _ = try SQLiteArchive(path: location, mode: .readWrite)
                version = SQLiteArchive.schemaVersion
            }
        } catch {
            throw fail(error)
        }
        if archive.json {
            emit(String(decoding: try JSONOutput.encode(MigrateJSON(schemaVersion: version, applied: applied)), as: UTF8.self) + "\n")
        } else if applied.isEmpty {
            emit("\(location): schema version \(version), up to date\n")
        } else {
            emit("\(location): schema version \(version) (applied \(applied.map(String.init).joined(separator: ", ")))\n")
        }
    }
}

/// `newsroom migrate --json`.
struct MigrateJSON: Encodable {
    var formatVersion = 1
    var schemaVersion: Int
    var applied: [Int]
}
