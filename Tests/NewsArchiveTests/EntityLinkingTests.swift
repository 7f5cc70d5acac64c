import Foundation
import NewsKit
import Testing
@testable import NewsArchive

/// Part of the conformance suite: each test on every backend.
@Suite struct EntityLinkingTests {

    func story(_ n: Int, _ text: String, _ entities: [(String, EntityType, [String])],
               quotes: [(String, Int?, QuoteKind)] = []) -> IngestItem {
        StoryBuilder(source: "/w/\(n).txt", headline: "Story \(n)", date: "2031-01-\(10 + n)", paragraphs: [text],
                     entities: entities, quotes: quotes).item()
    }

    @Test(arguments: Backend.available) func oneSpeakerInThreeStoriesIsOneEntity(_ backend: Backend) throws {
        try backend.withArchive { a, _ in
            _ = try a.store([Harbour.story1().item(), Harbour.story2().item(), Harbour.story3().item()])
            let found = try a.findEntities(named: "marrow", type: .person, limit: 10)
            #expect(found.count == 1)
            #expect(found[0].name == "Ilse Marrow")
            #expect(found[0].storyCount == 3)
            #expect(found[0].quoteCount == 3)
            let ids = try a.stories(offset: 0, limit: 10).map { try a.story(id: $0.id)! }
                .map { s in s.entityIDs[s.annotated.entities.firstIndex { $0.type == .person }!] }
            #expect(Set(ids) == [found[0].id])
        }
    }

    @Test(arguments: Backend.available) func surnameOnlyJoinsTheOnlyFullName(_ backend: Backend) throws {
        try backend.withArchive { a, _ in
            _ = try a.store([story(1, "Mayor Orla Pennick opened the bridge.", [("Orla Pennick", .person, ["Orla Pennick"])])])
            _ = try a.store([story(2, "Pennick later left for Dunmere.", [("Pennick", .person, ["Pennick"]),
                                                                           ("Dunmere", .place, ["Dunmere"])])])
            let people = try a.entities(type: .person, story: nil, offset: 0, limit: 10)
            #expect(people.map(\.name) == ["Orla Pennick"])
            #expect(people[0].storyCount == 2)
        }
    }

    @Test(arguments: Backend.available) func surnameWithTwoCandidatesStaysApart(_ backend: Backend) throws {
        try backend.withArchive { a, _ in
            _ = try a.store([
                story(1, "Orla Pennick spoke first.", [("Orla Pennick", .person, ["Orla Pennick"])]),
                story(2, "Bram Pennick spoke second.", [("Bram Pennick", .person, ["Bram Pennick"])]),
            ])
            _ = try a.store([story(3, "Pennick did not comment.", [("Pennick", .person, ["Pennick"])])])
            let people = try a.entities(type: .person, story: nil, offset: 0, limit: 10)
            #expect(Set(people.map(\.name)) == ["Orla Pennick", "Bram Pennick", "Pennick"])
            #expect(people.allSatisfy { $0.storyCount == 1 })
            // A user's "penn" is ambiguous; a full name is not, and the exact
            // name keeps the surname-only entity reachable.
            guard case .ambiguous(let candidates) = try a.resolve(name: "penn") else {
                Issue.record("expected an ambiguous name")
                return
            }
            #expect(candidates.count == 3)
            guard case .one(let solo) = try a.resolve(name: "Pennick") else {
                Issue.record("expected one entity")
                return
            }
            #expect(solo.name == "Pennick")
            guard case .one(let orla) = try a.resolve(name: "orla pennick") else {
                Issue.record("expected one entity")
                return
            }
            #expect(orla.name == "Orla Pennick")
        }
    }

    @Test(arguments: Backend.available) func fullNameTakesOverAnEarlierSurnameOnlyEntity(_ backend: Backend) throws {
        try backend.withArchive { a, _ in
            _ = try a.store([story(1, "Pennick did not comment.", [("Pennick", .person, ["Pennick"])])])
            let before = try #require(try a.findEntities(named: "pennick", type: .person, limit: 5).first)
            _ = try a.store([story(2, "Orla Pennick spoke.", [("Orla Pennick", .person, ["Orla Pennick"])])])
            let after = try a.findEntities(named: "pennick", type: .person, limit: 5)
            #expect(after.count == 1)
            #expect(after[0].id == before.id)
            #expect(after[0].name == "Orla Pennick")
            #expect(after[0].storyCount == 2)
        }
    }

    @Test(arguments: Backend.available) func sameNameDifferentTypeAndAccentsLink(_ backend: Backend) throws {
        try backend.withArchive { a, _ in
            _ = try a.store([
                story(1, "Sébastien Lor met Jordan officials.", [("Sébastien Lor", .person, ["Sébastien Lor"]),
                                                                 ("Jordan", .place, ["Jordan"])]),
                story(2, "Sebastien Lor thanked Jordan Vale.", [("Sebastien Lor", .person, ["Sebastien Lor"]),
                                                                ("Jordan Vale", .person, ["Jordan Vale"])]),
            ])
            let lor = try a.findEntities(named: "sebastien", type: .person, limit: 5)
            #expect(lor.count == 1 && lor[0].storyCount == 2)
            #expect(try a.findEntities(named: "jordan", type: .place, limit: 5).count == 1)
            #expect(try a.findEntities(named: "jordan", type: .person, limit: 5).map(\.name) == ["Jordan Vale"])
        }
    }
}
