import Foundation
import NewsKit
import Testing
@testable import NewsArchive

/// Search order and snippets on each backend (part of the conformance suite).
@Suite struct SearchRankingTests {
    static func story(_ n: Int, headline: String, _ paragraphs: [String]) -> IngestItem {
        StoryBuilder(source: "/news/lamp-\(n).txt", headline: headline, date: "2031-04-0\(n)", paragraphs: paragraphs)
            .item()
    }

    @Test(arguments: Backend.available) func bestMatchFirstThenNewestAmongEquals(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            let plain = ["The council met on Tuesday to discuss the lighthouse and the budget for next year.",
                         "Members voted on the ferry timetable after a long debate."]
            _ = try archive.store([
                Self.story(1, headline: "Council sets budget", plain),
                Self.story(2, headline: "Lighthouse keepers return to Orlen Point", [
                    "The lighthouse at Orlen Point has keepers again: the lighthouse board hired two.",
                    "The lighthouse was automated in 1990.",
                ]),
                // Same length as story 1 (bm25 weighs the whole row's length): an equal score.
                Self.story(3, headline: "Council fixes budget", plain),
                Self.story(4, headline: "Ferry fares rise", ["Fares on the island ferry rise by a tenth in May."]),
            ])
            let hits = try archive.search("lighthouse", offset: 0, limit: 10)
            #expect(hits.map(\.headline) == ["Lighthouse keepers return to Orlen Point", "Council fixes budget",
                                             "Council sets budget"])
            #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.rank <= $1.rank })
            // Paging takes the same order.
            #expect(try archive.search("lighthouse", offset: 1, limit: 1).map(\.headline) == ["Council fixes budget"])
            #expect(try archive.search("lighthouse ferry", offset: 0, limit: 10).count == 2)
            #expect(try archive.search("lighthouse", offset: 3, limit: 10).isEmpty)
        }
    }

    @Test(arguments: Backend.available) func snippetsBracketTheFoundWordsInTheirLine(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            let long = "The harbour board of the island of Teskel met for six hours on Wednesday and heard from"
                + " fishermen, ferry pilots, two mayors and a delegation of divers before it turned to the matter of"
                + " the old quay, where Sébastien Orvel said: “Lighthouses are not museums.”"
            _ = try archive.store([Self.story(1, headline: "Teskel board meets", [long, "Nothing more was decided."])])

            let accent = try #require(try archive.search("sebastien", offset: 0, limit: 1).first)
            #expect(accent.snippet.contains("[Sébastien]"))
            #expect(accent.snippet.hasPrefix("…"), "the match is far into the paragraph: \(accent.snippet)")
            #expect(accent.snippet.split(separator: " ").count <= SearchSnippet.width + 1)

            let prefix = try #require(try archive.search("lighthouse*", offset: 0, limit: 1).first)
            // The curly quote stays outside the brackets.
            #expect(prefix.snippet.contains("“[Lighthouses]"), "\(prefix.snippet)")

            let two = try #require(try archive.search("MUSEUMS orvel", offset: 0, limit: 1).first)
            #expect(two.snippet.contains("[Orvel]") && two.snippet.contains("[museums]"), "\(two.snippet)")

            // A word found in the headline only: the headline is the snippet.
            let head = try #require(try archive.search("meets", offset: 0, limit: 1).first)
            #expect(head.snippet == "Teskel board [meets]")
        }
    }

    /// The writer indexes a batch's stories at its end and removes replaced
    /// ones itself: the index must follow a file replaced within one batch,
    /// and again in a later one, and stay consistent with the stored text.
    @Test(arguments: Backend.available) func fullTextFollowsReplacementsWithinAndAcrossBatches(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            func version(_ word: String) -> IngestItem {
                StoryBuilder(source: "/news/ferry.txt", headline: "Ferry timetable", date: "2031-06-01",
                             paragraphs: ["The island ferry will carry \(word) from June."]).item(hash: word)
            }
            let other = Self.story(5, headline: "Pier repaired", ["Divers repaired the pier with oak."])
            let first = try archive.store([version("bicycles"), other, version("horses")])
            #expect(first.added == 2 && first.updated == 1)
            #expect(try archive.search("bicycles", offset: 0, limit: 5).isEmpty)
            #expect(try archive.search("horses", offset: 0, limit: 5).map(\.headline) == ["Ferry timetable"])
            #expect(try archive.search("oak", offset: 0, limit: 5).map(\.headline) == ["Pier repaired"])

            #expect(try archive.store([version("cattle")]).updated == 1)
            #expect(try archive.search("horses", offset: 0, limit: 5).isEmpty)
            #expect(try archive.search("cattle", offset: 0, limit: 5).count == 1)
            #expect(try archive.search("ferry", offset: 0, limit: 5).count == 1)
            // The full-text index agrees with the stored text.
            if let sqlite = archive as? SQLiteArchive {
                try sqlite.pool.write { db in
                    try db.execute(sql: "INSERT INTO story_fts (story_fts) VALUES ('integrity-check')")
                }
            }
        }
    }

    /// Only the newest `searchCandidateLimit` matches are ranked; paging on
    /// past them lists the older ones, newest first, each story once.
    @Test(arguments: Backend.available) func pagingGoesOnPastTheRankedWindow(_ backend: Backend) throws {
        try backend.withArchive { archive, _ in
            let total = SQLiteArchive.searchCandidateLimit + 40
            let items = (0..<total).map { i in
                StoryBuilder(source: "/tides/\(i).txt", headline: "Tide table \(i)", date: "2031-07-01",
                             paragraphs: ["The harbourmaster posted tide table \(i)"
                                          + String(repeating: " with a note on the tide", count: 1 + i % 4) + "."]).item()
            }
            _ = try archive.store(items)
            var seen: [StoryID] = []
            var offset = 0
            while true {
                let page = try archive.search("tide", offset: offset, limit: 50)
                if page.isEmpty { break }
                seen += page.map(\.story)
                offset += page.count
            }
            #expect(seen.count == total && Set(seen).count == total)
            let window = SQLiteArchive.searchCandidateLimit
            let ranked = try archive.search("tide", offset: 0, limit: window)
            #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.rank <= $1.rank })
            // The oldest stories come after the window, newest first.
            let older = Array(seen.dropFirst(window))
            #expect(older == older.sorted(by: >))
            #expect(Set(older) == Set(try archive.stories(offset: 0, limit: total).map(\.id).suffix(40)))
        }
    }

    @Test func snippetWithoutAMatchIsTheStartOfTheText() {
        let words = SearchMatches(query: "absent")
        let s = SearchSnippet.make(headline: "A headline", body: "one two three", words: words)
        #expect(s == "one two three")
        // A paragraph break inside the window is one space.
        let across = SearchSnippet.make(headline: "", body: "First part ends.\n\nSecond other part", words: words)
        #expect(across == "First part ends. Second other part")
        let many = (1...40).map { "w\($0)" }.joined(separator: " ")
        let cut = SearchSnippet.make(headline: "", body: many, words: words)
        #expect(cut.hasSuffix("…") && cut.split(separator: " ").count == SearchSnippet.width)
        #expect(SearchSnippet.make(headline: "", body: "", words: words) == "")
    }
}

@Suite struct SearchMatchesByteScanTests {
    /// An ASCII query compares the text's ASCII words byte by byte; that
    /// finds exactly the words the folded-`String` comparison finds.
    @Test func asciiWordsMatchAsTheirFoldedStrings() {
        let text = "QUAY quays Quayside “quay”, quay-master 2031 20310 Sébastien SEBASTIEN sébastiens Øresund "
            + "naïve NAIVE naive’s co-op COOP e\u{301}lan elan Elan x"
        for query in ["quay", "quay*", "Quay harbour", "2031", "sebastien", "sebastien*", "naive", "elan", "coop co",
                      "e*", "x", "q* s*"] {
            let words = SearchMatches(query: query)
            var expected: [Range<Int>] = []
            SearchMatches.forEachWord(in: text) { word, range in
                if words.matches(word) { expected.append(range) }
            }
            #expect(words.ranges(in: text) == expected, "\(query)")
            #expect(!expected.isEmpty, "\(query)")
        }
    }
}
