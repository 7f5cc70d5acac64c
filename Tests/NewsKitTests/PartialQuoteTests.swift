import Testing
@testable import NewsKit

/// Phrases quoted inside someone's paraphrase (PartialQuotes.swift): kept, with
/// the speaker of the clause that frames them; names, titles, nicknames, terms
/// mentioned as words and scare quotes in no one's clause stay out.
@Suite struct PartialQuoteTests {
    /// The story helpers of the attribution cases (one helper, not two).
    let sieve = AttributionSieveTests()

    func annotate(_ paragraphs: [String]) -> AnnotatedStory { sieve.annotate(paragraphs, headline: "Ferry ramp row deepens") }

    func quote(_ a: AnnotatedStory, _ text: String) -> Quote? { sieve.quote(a, text) }

    @Test func oneWordInAFramingClauseIsTheSubjectsPartialQuote() throws {
        let a = annotate([
            "The ferry ramp in Tarnholm will stay closed for another winter.",
            "Tomasz Reyl, the harbourmaster, dismissed the council's timetable as “reckless.” He said the ramp could fail.",
        ])
        let q = try #require(quote(a, "reckless"))
        #expect(q.kind == .partial)
        #expect(q.speaker == "Tomasz Reyl")
        #expect(q.attribution?.method == "partial-in-clause")
        #expect(q.attribution?.cue == "dismissed")
        #expect(q.attribution?.confidence == AttributionPass.confidence("partial-in-clause", kind: .partial))
    }

    @Test func aPronounSubjectResolvesToTheParagraphsSpeaker() {
        let a = annotate([
            "Councillor Maren Holt blamed the delays on “neglect.”",
            "Holt spoke for an hour. She portrayed the ferry company as “indifferent” to the town.",
        ])
        #expect(quote(a, "neglect")?.speaker == "Maren Holt")
        #expect(quote(a, "indifferent")?.speaker == "Maren Holt")
        #expect(quote(a, "indifferent")?.attribution?.method == "pronoun")
        #expect(quote(a, "indifferent")?.attribution?.chain == ["she", "Maren Holt"])
    }

    @Test func theClauseSubjectWhereTheVerbHasNoSubjectOfItsOwn() {
        let a = annotate([
            "Tomasz Reyl runs the harbour. Reyl went on to say the crews were “exhausted.”",
            "Ada Lunde, who estimates that new steel would cost “a small fortune,” skippers the morning ferry.",
            "The harbour board has concluded that the ramp is “beyond repair.”",
        ])
        #expect(quote(a, "exhausted")?.speaker == "Tomasz Reyl")
        #expect(quote(a, "a small fortune")?.speaker == "Ada Lunde")
        #expect(quote(a, "beyond repair")?.speaker == "harbour board")
        #expect(quote(a, "beyond repair")?.attribution?.cue == "concluded")
        let b = annotate([
            "Maren Holt published a letter about the harbour on Monday and urged members to stay “calm.”",
        ])
        #expect(quote(b, "calm")?.speaker == "Maren Holt")
    }

    @Test func termsTitlesNicknamesAndScareQuotesStayOut() {
        let a = annotate([
            "Councillor Maren Holt spoke for an hour.",
            "Holt dismissed the word “levy” as spin, and she cited the survey “A Harbour for Everyone” as proof.",
            "The “temporary” ramp has stood for six years. On the quay the old ferry is known as “The Grey Lady.”",
        ])
        for text in ["levy", "A Harbour for Everyone", "temporary", "The Grey Lady"] {
            #expect(quote(a, text)?.speaker == nil, "\(text)")
        }
    }
}
