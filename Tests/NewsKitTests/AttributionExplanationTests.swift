import Testing
@testable import NewsKit

/// `Quote.attribution`: which pass gave each quote its speaker, from which words.
@Suite struct AttributionExplanationTests {
    static let extractor = Extractor()

    func annotate(_ paragraphs: [String], headline: String = "Harbour talks end") -> AnnotatedStory {
        Self.extractor.annotate(Story(source: "test", headline: headline, paragraphs: paragraphs.map { Paragraph($0) }))
    }

    func quote(_ a: AnnotatedStory, _ prefix: String) -> Quote? {
        a.quotes.first { $0.kind != .indirect && $0.text.hasPrefix(prefix) }
    }

    @Test func cueAfterQuoteNamesTheMentionAndCue() throws {
        let text = "“The harbour stays open,” Mayor Elena Brask said on Tuesday."
        let a = annotate([text])
        let at = try #require(quote(a, "The harbour")?.attribution)
        #expect(at.method == "cue-after-quote")
        #expect(at.cue == "said")
        #expect(at.chain == ["Elena Brask"])
        let m = try #require(at.mention)
        #expect(Array(text.utf8)[m.start..<m.end].elementsEqual("Elena Brask".utf8))
        #expect(at.confidence > 0 && at.confidence <= 1)
    }

    @Test func pronounChainGoesFromThePronounToTheName() throws {
        let a = annotate([
            "Coach Anton Bellamy watched the final from the stands.",
            "“We were second to every ball,” he said.",
            "“Next year we come back.”",
        ])
        let at = try #require(quote(a, "We were")?.attribution)
        #expect(at.method == "pronoun")
        #expect(at.chain == ["he", "Anton Bellamy"])
        #expect(at.mention?.paragraph == 1)
        let next = try #require(quote(a, "Next year")?.attribution)
        #expect(next.method == "conversation")
        #expect(next.mention == nil)
        #expect(next.chain == ["Anton Bellamy"])
    }

    @Test func colonIntroductionAndOrganisationNoun() throws {
        let a = annotate([
            "Dr. Hanne Solberg told a news briefing: “The vaccine works in older patients.”",
            "Crestline Health said it would expand the trial.",
            "“Enrolment opens in May,” the company said.",
        ])
        #expect(quote(a, "The vaccine")?.attribution?.method == "colon-intro")
        let org = try #require(quote(a, "Enrolment")?.attribution)
        #expect(org.method == "organisation-noun")
        #expect(org.chain == ["company", "Crestline Health"])
    }

    @Test func quotesWithoutSpeakerHaveNoAttribution() {
        let a = annotate(["The film “A Short History of Tides” opens on Friday, the studio’s schedule shows."])
        for q in a.quotes where q.speaker == nil { #expect(q.attribution == nil) }
        for q in a.quotes where q.speaker != nil { #expect(q.attribution != nil) }
    }
}
