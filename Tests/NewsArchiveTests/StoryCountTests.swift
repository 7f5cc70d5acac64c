import Foundation
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

/// Schema v6: the story count the reader shows on its first frame is kept by
/// triggers, so it is read from one row and stays exact on every write path.
@Suite struct StoryCountTests {
    static func counted(_ path: String) throws -> (kept: Int, real: Int) {
        try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT n FROM story_count") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM story") ?? -1)
        }
    }

    @Test func theKeptCountFollowsAddsUpdatesAndRemovals() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("count.sqlite")
        let archive = try SQLiteArchive(path: path)
        #expect(try archive.storyCount() == 0)
        _ = try archive.store([Harbour.story1().item(), Harbour.story2().item()])
        #expect(try archive.storyCount() == 2)
        #expect(try Self.counted(path) == (2, 2))

        // A new version of a stored file replaces it: still two stories.
        var changed = Harbour.story2()
        changed.paragraphs[0] += " Inspectors arrive on Monday."
        _ = try archive.store([changed.item()])
        #expect(try archive.storyCount() == 2)

        _ = try archive.store([Harbour.story3().item()])
        #expect(try archive.storyCount() == 3)
        #expect(try Self.counted(path) == (3, 3))

        // A file that becomes a copy of another story drops its old version.
        var copy = Harbour.story3()
        copy.source = Harbour.story1().source
        _ = try archive.store([copy.item(hash: Harbour.story3().item().contentHash)])
        #expect(try archive.storyCount() == 2)
        #expect(try Self.counted(path) == (2, 2))
    }

    @Test func anArchiveWrittenBeforeTheCountIsCountedOnUpgrade() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("v5.sqlite")
        // Two stories as v5 wrote them, with no kept count.
        try OlderArchive.make(at: path, upTo: "v5: quote text kept in the body") { db in
            for id: Int64 in [4, 9] {
                try OlderArchive.insertStory(db, id: id, headline: "Quay reopens", paragraphs: ["Quay reopens."])
            }
        }
        let archive = try SQLiteArchive(path: path)
        #expect(try archive.storyCount() == 2)
        _ = try archive.store([Harbour.story1().item()])
        #expect(try archive.storyCount() == 3)
        #expect(try Self.counted(path) == (3, 3))
    }
}
