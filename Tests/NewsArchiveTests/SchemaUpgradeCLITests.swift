import Foundation
import GRDB
import Testing
import TestSupport
@testable import NewsArchive

/// A new binary on an archive an older Newsroom wrote: the commands that only
/// read it upgrade it in place when they may write it, and otherwise say in
/// one line how to.
@Suite struct SchemaUpgradeCLITests {
    static func olderArchive(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try ArchiveSchema.migrator.migrate(queue, upTo: "v2: mentions packed into story_entity; full text indexed per batch")
    }

    @Test func readingAnOlderArchiveUpgradesItWhenItMayBeWritten() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let bin = try NewsroomBinary.find()
        let path = folder.file("old.sqlite")
        try Self.olderArchive(at: path)
        let r = try bin.run(["stories", "--db", path], in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let applied = try DatabaseQueue(path: path).read { db in try ArchiveSchema.migrator.appliedIdentifiers(db) }
        #expect(applied.count == ArchiveSchema.migrator.migrations.count, "\(applied)")
    }

    @Test func anOlderArchiveThatCannotBeWrittenSaysHowToUpgradeIt() throws {
        // Root may write anything: a read-only file proves nothing as root.
        if getuid() == 0 { try Test.cancel("skipped: as root every file is writable; the message is checked as a user") }
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let bin = try NewsroomBinary.find()
        let path = folder.file("old.sqlite")
        try Self.olderArchive(at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let r = try bin.run(["stories", "--db", path], in: folder)
        #expect(r.status == 1)
        #expect(r.stderr.contains("newsroom migrate --db \(path)"), "\(r.stderr)")
    }
}
