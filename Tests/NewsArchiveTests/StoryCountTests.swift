import Foundation
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

/// Schema v6: the story count the reader shows on its first frame is kept by
/// triggers, so it is read from one row and stays exact on every write path.
@Suite struct StoryCountTests {
    static func item(_ b: StoryBuilder) -> IngestItem {
        IngestItem(annotated: b.annotated(), contentHash: ContentHash.of(Data(b.source.utf8)))
    }

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
        _ = try archive.store([Self.item(Harbour.story1()), Self.item(Harbour.story2())])
        #expect(try archive.storyCount() == 2)
        #expect(try Self.counted(path) == (2, 2))

        // A new version of a stored file replaces it: still two stories.
        var changed = Harbour.story2()
        changed.paragraphs[0] += " Inspectors arrive on Monday."
        _ = try archive.store([IngestItem(annotated: changed.annotated(), contentHash: ContentHash.of(Data("v2".utf8)))])
        #expect(try archive.storyCount() == 2)

        _ = try archive.store([Self.item(Harbour.story3())])
        #expect(try archive.storyCount() == 3)
        #expect(try Self.counted(path) == (3, 3))
    }

    @Test func anArchiveWrittenBeforeTheCountIsCountedOnUpgrade() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("v5.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try ArchiveSchema.migrator.migrate(queue, upTo: "v5: quote text kept in the body")
            // Two stories as v5 wrote them, with no kept count.
            let layout = StoredLayout(paragraphs: [[12, 0]], bylineText: nil, byline: [], dateline: nil,
                                      credits: [], media: [])
            try queue.write { db in
                for id in [4, 9] {
                    try db.execute(sql: """
                        INSERT INTO story (id, source, contentHash, headline, date, dateKey, agency, body, layout,
                                           entityIds, quoteCount, entityCount)
                        VALUES (?, ?, ?, 'Quay reopens', NULL, 0, NULL, 'Quay reopens', ?, '', 0, 0)
                        """, arguments: [id, "/old/\(id).txt", "h\(id)", layout.json])
                }
            }
        }
        let archive = try SQLiteArchive(path: path)
        #expect(try archive.storyCount() == 2)
        _ = try archive.store([Self.item(Harbour.story1())])
        #expect(try archive.storyCount() == 3)
        #expect(try Self.counted(path) == (3, 3))
    }
}
