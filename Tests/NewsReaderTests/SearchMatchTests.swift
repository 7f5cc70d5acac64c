import NewsArchive
import NewsKit
@testable import NewsReader
import Testing

@Suite struct SearchMatchTests {
    func words(_ query: String, in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SearchMatches(query: query).ranges(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func wholeWordsCaseAndAccentsFoldedLikeTheIndex() {
        #expect(words("sebastien", in: "Sébastien Oduya met SEBASTIEN’s sister, not Sebastiena.") == ["Sébastien", "SEBASTIEN"])
        #expect(words("quay", in: "The quay, the quays and the quayside: “quay”.") == ["quay", "quay"])
        #expect(words("quay*", in: "The quay, the quays and the quayside.") == ["quay", "quays", "quayside"])
        #expect(words("Ærø harbour", in: "ærø’s harbour 🚢 harbour-master") == ["ærø", "harbour", "harbour"])
        #expect(words("2031", in: "In 2031, 20310 boats.") == ["2031"])
    }

    @Test func fieldPrefixesAndSyntaxAreNotWordsOfTheText() {
        #expect(words("speaker:marrow kind:direct quay", in: "Marrow spoke at the quay, directly.") == ["quay"])
        #expect(words("NEAR( \"", in: "near the harbour") == ["near"])
        #expect(SearchMatches(query: "kind:direct").isEmpty)
        #expect(SearchMatches(query: "*** ()").ranges(in: "anything") == [])
    }

    @Test func spansAreInReadingOrderHeadlineFirst() {
        let spans = SearchMatches(query: "marrow").spans(in: Fixtures.quay.annotated.story)
        #expect(spans.map(\.field) == [.body, .body, .body])
        #expect(spans.map(\.paragraph) == [0, 1, 3])
        let quay = SearchMatches(query: "quay").spans(in: Fixtures.quay.annotated.story)
        #expect(quay.map(\.field) == [.headline, .body])
    }

    static func hit(_ s: ArchivedStory) -> SearchHit {
        SearchHit(story: s.id, headline: s.annotated.story.headline, snippet: "", rank: 0)
    }

    @Test func nAndNStepThroughMatchesAndOnIntoTheOtherResults() {
        var s = Fixtures.state()
        // The first result is the story already open: no request, straight to its first match.
        #expect(Reducer.reduce(&s, .searchLoaded(query: "marrow", [Self.hit(Fixtures.quay), Self.hit(Fixtures.fleet)])) == [])
        #expect(s.message == "“marrow”: match 1 of 3 · result 1 of 2")
        #expect(s.open?.focus?.paragraph == 0)
        #expect(Reducer.reduce(&s, .key(.character("n"))) == [])
        #expect(s.open?.focus?.paragraph == 1)
        _ = Reducer.reduce(&s, .key(.character("n")))
        #expect(s.message == "“marrow”: match 3 of 3 · result 1 of 2")
        #expect(s.open?.focus?.paragraph == 3)
        // Past the last match: the next result's story, at its first match.
        #expect(Reducer.reduce(&s, .key(.character("n"))) == [.openStory(2, focus: nil)])
        _ = Reducer.reduce(&s, .storyLoaded(Fixtures.fleet, focus: nil))
        #expect(s.message == "“marrow”: match 1 of 2 · result 2 of 2")
        #expect(s.open?.focus == Span(paragraph: 1, start: 51, end: 57))
        _ = Reducer.reduce(&s, .key(.character("n")))
        _ = Reducer.reduce(&s, .key(.character("n")))
        #expect(s.message == "last match for “marrow” · N goes back")
        #expect(s.open?.focus?.paragraph == 2)
        // N goes back through the story, then into the previous result at its last match.
        _ = Reducer.reduce(&s, .key(.character("N")))
        #expect(s.open?.focus?.paragraph == 1)
        #expect(Reducer.reduce(&s, .key(.character("N"))) == [.openStory(1, focus: nil)])
        _ = Reducer.reduce(&s, .storyLoaded(Fixtures.quay, focus: nil))
        #expect(s.message == "“marrow”: match 3 of 3 · result 1 of 2")
        #expect(s.open?.focus?.paragraph == 3)
    }

    @Test func aMatchFarDownALongStoryIsScrolledIntoView() {
        var paragraphs = (1...40).map { "Paragraph \($0) says nothing of note about the tides." }
        paragraphs[33] = "Only here does the word lighthouse appear."
        let long = Fixtures.story(id: 7, headline: "A long story", paragraphs: paragraphs, quotes: [], entities: [], ids: [:])
        var s = Fixtures.state(width: 80, height: 24)
        #expect(Reducer.reduce(&s, .searchLoaded(query: "lighthouse", [Self.hit(long)])) == [.openStory(7, focus: nil)])
        _ = Reducer.reduce(&s, .storyLoaded(long, focus: nil))
        #expect(s.open?.scroll ?? 0 > 0)
        let text = Renderer.render(s).text
        #expect(text.contains("Only here does the word lighthouse appear."))
        #expect(!text.contains("Paragraph 1 says"))
        #expect(s.message == "“lighthouse”: match 1 of 1 · result 1 of 1")
    }
}
