import Foundation
@testable import NewsArchive
import NewsKit
import Testing

/// `mentionOrdinal(of:at:)` on each backend (part of the conformance suite): the exact place of a
/// mention among all of its entity's mentions and stories.
@Suite struct MentionCountTests {
    /// `count` stories over several days; story i mentions Nadia Ferreira-Holt
    /// 1 + i % 3 times (more than the 200 a reader used to list whole), and
    /// every fifth story also mentions Tobias Wendt once.
    static func stories(_ count: Int) -> [IngestItem] {
        (0..<count).map { i in
            let times = 1 + i % 3
            var paragraphs = ["Councillor Nadia Ferreira-Holt opened sitting \(i) of the canal committee."]
            var mentions = ["Nadia Ferreira-Holt"]
            for k in 1..<times {
                paragraphs.append("Ferreira-Holt asked for lock \(k) to be dredged before spring.")
                mentions.append("Ferreira-Holt")
            }
            var entities: [(String, EntityType, [String])] = [("Nadia Ferreira-Holt", .person, mentions)]
            if i % 5 == 0 {
                paragraphs.append("Lock keeper Tobias Wendt said the water was low.")
                entities.append(("Tobias Wendt", .person, ["Tobias Wendt"]))
            }
            let day = 1 + i % 28, month = 1 + (i / 28) % 12
            return StoryBuilder(source: "/canal/sitting-\(i).txt", headline: "Canal committee sitting \(i)",
                                date: String(format: "2032-%02d-%02d", month, day), paragraphs: paragraphs,
                                entities: entities).item()
        }
    }

    /// `body` with an archive of `count` canal stories in a temporary folder.
    func withCanal(_ count: Int, on backend: Backend, _ body: (any ArchiveStore) throws -> Void) throws {
        try backend.withArchive { archive, _ in
            _ = try archive.store(Self.stories(count))
            try body(archive)
        }
    }

    @Test(arguments: Backend.available) func everyStepOfAWalkKnowsItsExactPlaceBothWays(_ backend: Backend) throws {
        try withCanal(150, on: backend) { archive in
            let nadia = try #require(try archive.findEntities(named: "Nadia Ferreira-Holt", type: .person, limit: 1).first)
            #expect(nadia.mentionCount == 300)
            #expect(nadia.storyCount == 150)

            var at: ArchivePosition?
            var n = 0, stories: [StoryID] = []
            while let m = try archive.mention(of: nadia.id, from: at, direction: .forward) {
                n += 1
                if stories.last != m.story { stories.append(m.story) }
                let o = try #require(try archive.mentionOrdinal(of: nadia.id, at: m.position))
                #expect(o == MentionOrdinal(mention: n, mentionTotal: 300, story: stories.count, storyTotal: 150),
                        "mention \(n)")
                at = m.position
            }
            #expect(n == 300)
            // Backwards from the end, the same places counted down.
            at = nil
            while let m = try archive.mention(of: nadia.id, from: at, direction: .backward) {
                let o = try #require(try archive.mentionOrdinal(of: nadia.id, at: m.position))
                #expect(o.mention == n, "mention \(n) going back")
                #expect(o.story == (stories.firstIndex(of: m.story) ?? -1) + 1)
                n -= 1
                at = m.position
            }
            #expect(n == 0)
        }
    }

    @Test(arguments: Backend.available) func anotherEntityAndUnknownIdsAreCountedApart(_ backend: Backend) throws {
        try withCanal(20, on: backend) { archive in
            let tobias = try #require(try archive.findEntities(named: "Wendt", type: .person, limit: 1).first)
            let first = try #require(try archive.mention(of: tobias.id, from: nil, direction: .forward))
            let second = try #require(try archive.mention(of: tobias.id, from: first.position, direction: .forward))
            #expect(try archive.mentionOrdinal(of: tobias.id, at: second.position)
                    == MentionOrdinal(mention: 2, mentionTotal: 4, story: 2, storyTotal: 4))
            #expect(try archive.mentionOrdinal(of: 999_999, at: second.position) == nil)
            #expect(try archive.mentionOrdinal(of: tobias.id, at: ArchivePosition(story: 999_999, paragraph: 0, offset: 0)) == nil)
        }
    }
}
