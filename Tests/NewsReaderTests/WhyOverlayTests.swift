import NewsArchive
import NewsKit
import Testing
@testable import NewsReader

/// `w`: why the selected quote has its speaker, and the `?` on unsure ones.
@Suite struct WhyOverlayTests {
    /// The quay story with hand-built attributions: Marrow's quote by a
    /// trusted cue, Brandt's by a weak rule (below `QuotesPane.lowConfidence`).
    static func quay() -> ArchivedStory {
        var s = Fixtures.quay
        let p1 = s.annotated.story.paragraphs[1].text, p2 = s.annotated.story.paragraphs[2].text
        s.annotated.quotes[0].attribution = QuoteAttribution(
            method: "cue-after-quote", cue: "told", mention: Fixtures.span(of: "Marrow", in: p1, paragraph: 1),
            chain: ["Marrow", "Ilse Marrow"], confidence: 0.9)
        s.annotated.quotes[1].attribution = QuoteAttribution(
            method: "paraphrase-subject", cue: nil, mention: Fixtures.span(of: "Oskar Brandt", in: p2, paragraph: 2),
            chain: ["Oskar Brandt"], confidence: 0.6)
        return s
    }

    static func state() -> ReaderState {
        var s = Fixtures.state()
        _ = Reducer.reduce(&s, .storyLoaded(quay(), focus: nil))
        // Focus the quotes pane: Marrow's quote is selected.
        while s.focus != .quotes { _ = Reducer.reduce(&s, .key(.tab)) }
        return s
    }

    /// The screen row holding `text`, if any.
    func row(_ screen: CellBuffer, _ text: String) -> Int? {
        (0..<screen.height).first { screen.line($0).contains(text) }
    }

    @Test func unsureAttributionsAreMarkedWithADimQuestionMark() throws {
        let s = Self.state()
        let screen = Renderer.render(s)
        let unsure = try #require(row(screen, "‘? a slow drowning"))
        let sure = try #require(row(screen, "“  We need another month"))
        let mark = try #require(screen.line(unsure).range(of: "‘?"))
        let x = screen.line(unsure).distance(from: screen.line(unsure).startIndex, to: mark.lowerBound) + 1
        #expect(screen[x, unsure].text == "?")
        #expect(screen[x, unsure].style.dim)
        #expect(!screen.line(sure).contains("“?"))
    }

    @Test func wExplainsTheSelectedQuoteAndEnterJumpsToTheMention() throws {
        var s = Self.state()
        #expect(s.selectedQuote?.text == "We need another month to read the survey,")
        #expect(Reducer.reduce(&s, .key(.character("j"))).isEmpty)
        #expect(s.selectedQuote?.text == "a slow drowning")
        _ = Reducer.reduce(&s, .key(.character("w")))
        let text = Renderer.render(s).text
        #expect(text.contains("Why this speaker"))
        #expect(text.contains("Speaker      Oskar Brandt"))
        #expect(text.contains("Rule         paraphrase-subject"))
        #expect(text.contains("Cue          none"))
        #expect(text.contains("Mention      “Oskar Brandt” · paragraph 3"))
        #expect(text.contains("Chain        Oskar Brandt"))
        #expect(text.contains("Confidence   0.60 · low (below 0.70)"))
        // Enter closes it and shows the mention's words in the story, focused.
        let requests = Reducer.reduce(&s, .key(.enter))
        #expect(requests.isEmpty)
        #expect(s.overlay == nil)
        let p2 = s.open!.story.paragraphs[2].text
        #expect(s.open?.focus == Fixtures.span(of: "Oskar Brandt", in: p2, paragraph: 2))
    }

    @Test func theChainGoesFromTheMentionToTheSpeaker() {
        var s = Self.state()
        _ = Reducer.reduce(&s, .key(.character("w")))
        let text = Renderer.render(s).text
        #expect(text.contains("Chain        Marrow → Ilse Marrow"))
        #expect(text.contains("Cue          “told”"))
        #expect(text.contains("Confidence   0.90"))
        #expect(!text.contains("low (below"))
        // w again (or Esc) closes it without moving anything.
        _ = Reducer.reduce(&s, .key(.character("w")))
        #expect(s.overlay == nil)
        #expect(s.open?.focus == nil)
    }

    @Test func aQuoteOfAnotherStoryOpensItAtTheMention() throws {
        var s = Fixtures.state()
        var q = try #require(s.quoteRows.compactMap(\.quote).first)
        q.story = 2
        q.attribution = ArticleJSON.AttributionJSON(
            method: "pronoun", cue: "said",
            mention: ArticleJSON.MentionJSON(text: "Marrow", field: "body", paragraph: 2, range: [30, 36]),
            chain: ["Marrow", "Ilse Marrow"], confidence: 0.75)
        s.overlay = .why(q)
        #expect(Reducer.reduce(&s, .key(.enter)) == [.openStory(2, focus: Span(paragraph: 2, start: 30, end: 36))])
    }

    @Test func withoutAnAttributionItSaysSoAndEnterStays() {
        var s = Fixtures.state()
        while s.focus != .quotes { _ = Reducer.reduce(&s, .key(.tab)) }
        _ = Reducer.reduce(&s, .key(.character("w")))
        #expect(Renderer.render(s).text.contains("none: no rule gave this quote a speaker"))
        #expect(Reducer.reduce(&s, .key(.enter)).isEmpty)
        #expect(s.message?.contains("nothing to jump to") == true)
        // No quote selected: a hint instead of an empty window.
        var empty = ReaderState()
        _ = Reducer.reduce(&empty, .key(.character("w")))
        #expect(empty.overlay == nil)
        #expect(empty.message?.contains("select a quote") == true)
    }
}
