import Foundation
import GRDB
import NewsKit
import Testing
@testable import NewsArchive

/// Mentions are stored packed, one `story_entity` row per entity and story
/// (`MentionSpans`); archives written with one row per mention upgrade.
@Suite struct MentionPackingTests {
    @Test func spansRoundTripInStoryOrderOnePerPosition() {
        let spans = [
            MentionSpan(ordinal: 1, field: 2, paragraph: 3, start: 40, end: 45, text: nil),
            MentionSpan(ordinal: 0, field: 0, paragraph: 0, start: 0, end: 9, text: "Édith Roux"),
            MentionSpan(ordinal: 2, field: 2, paragraph: 3, start: 40, end: 45, text: "dropped: same place"),
            MentionSpan(ordinal: 1, field: 2, paragraph: 0, start: 300, end: 100_000, text: nil),
        ]
        let normalized = MentionSpans.normalize(spans)
        #expect(normalized.map(\.start) == [0, 300, 40])
        #expect(normalized.last?.ordinal == 1, "the first span given at a position is kept")
        #expect(MentionSpans.decode(MentionSpans.pack(normalized)) == normalized)
        #expect(MentionSpans.decode([]) == [])
        // A cut blob gives the whole records before the cut, never garbage.
        let packed = MentionSpans.pack(normalized)
        #expect(MentionSpans.decode(Array(packed.dropLast(3))) == Array(normalized.prefix(2)))
    }

    @Test func twoLocalEntitiesLinkedToOnePersonShareOneRow() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let archive = try SQLiteArchive(path: folder.file("a.sqlite"))
        // The story's own clustering kept "Brandt" and "Oskar Brandt" apart;
        // the archive links both to one person.
        let story = StoryBuilder(
            source: "/mill/1.txt", headline: "Mill reopens", date: "2031-05-01",
            paragraphs: ["Brandt reopened the mill on Monday.", "Mill owner Oskar Brandt said the wheel turns again."],
            entities: [("Brandt", .person, ["Brandt"]), ("Oskar Brandt", .person, ["Oskar Brandt"])])
        _ = try archive.store([story.item()])
        let brandt = try #require(try archive.findEntities(named: "Oskar Brandt", type: .person, limit: 5).first)
        #expect(brandt.mentionCount == 2 && brandt.storyCount == 1)
        let mentions = try archive.mentions(entity: brandt.id, offset: 0, limit: 10)
        #expect(mentions.map(\.text) == ["Brandt", "Oskar Brandt"])
        #expect(mentions.map(\.paragraph) == [0, 1])
        #expect(try archive.mentions(entity: brandt.id, offset: 1, limit: 10).map(\.text) == ["Oskar Brandt"])
        let stored = try #require(try archive.story(id: mentions[0].story))
        #expect(stored.annotated.entities.map { $0.mentions.map(\.text) } == [["Brandt"], ["Oskar Brandt"]])
    }

    @Test func anArchiveWithOneRowPerMentionUpgrades() throws {
        let folder = try TempFolder()
        defer { folder.cleanUp() }
        let path = folder.file("old.sqlite")
        let body = "Ana Lind opened the bridge. Lind cut the ribbon."
        do {
            // The archive as the first schema wrote it.
            let queue = try DatabaseQueue(path: path)
            try ArchiveSchema.migrator.migrate(queue, upTo: "v1: stories, quotes, entities, mentions, full text")
            try queue.write { db in
                let layout = StoredLayout(paragraphs: [[body.utf8.count, 0]], bylineText: nil, byline: [],
                                          dateline: nil, credits: [], media: [])
                try db.execute(sql: """
                    INSERT INTO story (id, source, contentHash, headline, date, dateKey, agency, body, layout,
                                       entityIds, quoteCount, entityCount)
                    VALUES (7, '/old/1.txt', 'h7', 'Bridge opens', NULL, 0, NULL, ?, ?, '3', 0, 1)
                    """, arguments: [body, layout.json])
                try db.execute(sql: """
                    INSERT INTO entity (id, name, type, nameKey, surname, mentionCount, storyCount)
                    VALUES (3, 'Ana Lind', 'person', 'ana lind', 'lind', 2, 1)
                    """)
                try db.execute(sql: "INSERT INTO story_entity VALUES (3, 0, 7, 2, 0)")
                // Written in reverse order; the second is stored with its own text.
                try db.execute(sql: "INSERT INTO mention VALUES (3, 0, 7, 2, 0, 28, 32, 0, 'Ana Lind')")
                try db.execute(sql: "INSERT INTO mention VALUES (3, 0, 7, 2, 0, 0, 8, 0, NULL)")
            }
        }
        // Reading alone does not upgrade: it says how to.
        #expect(throws: ArchiveError.self) { try SQLiteArchive(path: path, mode: .readOnly) }
        let archive = try SQLiteArchive(path: path)
        let mentions = try archive.mentions(entity: 3, offset: 0, limit: 10)
        #expect(mentions.map(\.text) == ["Ana Lind", "Ana Lind"])
        #expect(mentions.map(\.range) == [[0, 8], [28, 32]])
        let next = try archive.mention(of: 3, from: ArchivePosition(story: 7, field: .body, paragraph: 0, offset: 0),
                                       direction: .forward)
        #expect(next?.range == [28, 32])
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(!tables.contains("mention"))
    }
}
