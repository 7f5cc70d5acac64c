import Testing
@testable import NewsKit

/// Quote marks, nesting, apostrophes and paragraph joins, on invented copy.
@Suite struct QuoteFinderTests {
    func story(_ paragraphs: [String], headline: String = "Harbour council meets") -> Story {
        Story(source: "test", headline: headline, paragraphs: paragraphs.map { Paragraph($0) })
    }

    func texts(_ paragraphs: [String]) -> [String] {
        QuoteFinder().find(in: story(paragraphs)).body.map(\.text)
    }

    @Test func curlyQuoteWithAttribution() {
        let p = "“The dam will hold through the winter,” engineer Mara Ostrowski said."
        let qs = QuoteFinder().find(in: story([p])).body
        #expect(qs.count == 1)
        #expect(qs[0].text == "The dam will hold through the winter,")
        #expect(qs[0].kind == .direct)
        // The part is the byte range inside the marks.
        let part = qs[0].parts[0]
        #expect(p.utf8Slice(part.start, part.end) == qs[0].text)
        #expect(part.start == "“".utf8.count)
    }

    @Test func interruptedQuoteIsTwoQuotes() {
        let p = "“We counted every boat,” she continued. “None were missing.”"
        #expect(texts([p]) == ["We counted every boat,", "None were missing."])
    }

    @Test func straightAndDoubledMarks() {
        #expect(texts(["\"Tolls will rise,\" the mayor said. \"Not by much.\""]) == ["Tolls will rise,", "Not by much."])
        #expect(texts(["''Nobody warned us,'' a ferry pilot said."]) == ["Nobody warned us,"])
        #expect(texts(["``Nobody warned us,'' a ferry pilot said."]) == ["Nobody warned us,"])
    }

    @Test func guillemetsAndLowNineMarks() {
        #expect(texts(["«Nous restons ici», a dit Odile Fanchon."]) == ["Nous restons ici"])
        #expect(texts(["„Wir bleiben hier“, sagte Jonas Kettler."]) == ["Wir bleiben hier"])
    }

    @Test func singleQuotesNestedInsideDoublesStayInside() {
        let p = "“They keep calling it a ‘temporary’ closure, but it’s been a year,” Ilse Varga said."
        #expect(texts([p]) == ["They keep calling it a ‘temporary’ closure, but it’s been a year,"])
    }

    @Test func apostrophesAreNotQuoteMarks() {
        let p = "Quill’s crew don’t fish in the ’90s style, O’Leary said of rock ’n’ roll and the drivers’ union."
        #expect(texts([p]).isEmpty)
        let q = "“The workers’ pay and Quill’s boats aren’t the issue,” Nadia Ferro said."
        #expect(texts([q]) == ["The workers’ pay and Quill’s boats aren’t the issue,"])
    }

    @Test func multiParagraphQuoteIsOneQuote() {
        let paragraphs = [
            "“We lost the north road in an hour,” fire chief Bram Keller said. “The water came over the bank at dawn.",
            "“By noon the bridge was gone.”",
        ]
        let qs = QuoteFinder().find(in: story(paragraphs)).body
        #expect(qs.count == 2)
        #expect(qs[1].text == "The water came over the bank at dawn. By noon the bridge was gone.")
        #expect(qs[1].parts.count == 2)
        #expect(qs[1].parts.map(\.paragraph) == [0, 1])
    }

    @Test func unbalancedMarkStaysInItsParagraph() {
        let paragraphs = [
            "The mayor said “the vote is off and left the room.",
            "Councillors went home early.",
            "Later, “nothing changes,” an aide said.",
        ]
        let qs = QuoteFinder().find(in: story(paragraphs)).body
        #expect(qs.allSatisfy { $0.parts.allSatisfy { $0.paragraph != 1 } })
        #expect(qs.contains { $0.text == "nothing changes," })
    }

    @Test func partialAndDirectKinds() {
        let qs = QuoteFinder().find(in: story(["Tomas Reyes called the talks “excellent” and said: “We will meet again in May.”"])).body
        #expect(qs.map(\.kind) == [.partial, .direct])
    }

    @Test func headlineQuotesAreKeptApart() {
        let s = story(["The council met on Monday."], headline: "Mayor hails ‘historic’ harbour deal")
        let found = QuoteFinder().find(in: s)
        #expect(found.body.isEmpty)
        #expect(found.headline.map(\.text) == ["historic"])
        #expect(found.headline[0].parts[0].field == .headline)
    }

    @Test func manyMarksStayLinear() {
        // 2,000 marks in one paragraph and quotes nested five deep: all found, nothing swallowed.
        let many = Array(repeating: "“aye,” ", count: 1_000).joined() + "the end."
        let qs = QuoteFinder().find(in: story([many])).body
        #expect(qs.count == 1_000)
        let deep = "“one ‘two “three ‘four “five” four’ three” two’ one” after"
        let nested = QuoteFinder().find(in: story([deep])).body
        #expect(nested.count == 1)
        #expect(nested[0].text.hasPrefix("one") && nested[0].text.hasSuffix("one"))
    }

    @Test func emptyOrPunctuationOnlyQuotesAreSkipped() {
        #expect(texts(["He wrote “…” and “ ” then left."]).isEmpty)
    }
}

@Suite struct QuoteFinderTrapTests {
    func texts(_ p: String) -> [String] {
        QuoteFinder().find(in: Story(source: "t", headline: "h", paragraphs: [Paragraph(p)])).body.map(\.text)
    }

    @Test func leftMarkTypedAsCloser() {
        #expect(texts("The board asked for an “urgent audit“ of the ferry accounts.") == ["urgent audit"])
        // At the end of the paragraph, after a space: it can only close.
        #expect(texts("“They will vote for us,” she said. “They know that. “") == ["They will vote for us,", "They know that."])
    }

    @Test func elisionsAndNamesWithApostrophesInsideSingleQuotes() {
        #expect(texts("Fans sang ‘Rock ’n’ Roll Harbour’ all night.") == ["Rock ’n’ Roll Harbour"])
        #expect(texts("The ’80s were ‘good years for O’Rourke’, she said.") == ["good years for O’Rourke"])
    }

    @Test func quoteOpeningAtParagraphEndDoesNotSwallowTheNext() {
        let s = Story(source: "t", headline: "h", paragraphs: [Paragraph("He shouted “stop"), Paragraph("Nobody stopped.")])
        let qs = QuoteFinder().find(in: s).body
        #expect(qs.count == 1)
        #expect(qs[0].parts.count == 1 && qs[0].parts[0].paragraph == 0)
    }
}

/// German, Czech, French and Swiss quote marks: each opening mark is closed by
/// its own partner, so `»…«` does not run on into the next sentence.
@Suite struct EuropeanQuoteMarkTests {
    func texts(_ paragraphs: [String]) -> [String] {
        QuoteFinder().find(in: Story(source: "t", headline: "h", paragraphs: paragraphs.map { Paragraph($0) })).body.map(\.text)
    }

    @Test func germanReversedGuillemetsCloseAtTheirPartner() {
        #expect(texts(["»We will not borrow more,« Tilde Ambrosch said. The council then voted."]) == ["We will not borrow more,"])
        #expect(texts(["»Not now,« she said. »Not this year.«"]) == ["Not now,", "Not this year."])
    }

    @Test func germanAndCzechLowNineMarks() {
        #expect(texts(["„Wir bleiben hier“, sagte Jonas Kettler. „Auch morgen.“"]) == ["Wir bleiben hier", "Auch morgen."])
        #expect(texts(["„Zůstaneme tady,“ řekla Hana Vlková."]) == ["Zůstaneme tady,"])
    }

    @Test func frenchGuillemetsWithNoBreakSpaces() {
        // U+00A0 and the narrow U+202F inside the marks are not part of the quote.
        #expect(texts(["«\u{00A0}Nous restons ici\u{00A0}», a dit Odile Fanchon."]) == ["Nous restons ici"])
        #expect(texts(["«\u{202F}Nous restons ici\u{202F}», a dit Odile Fanchon. «\u{202F}Demain aussi.\u{202F}»"])
                == ["Nous restons ici", "Demain aussi."])
    }

    @Test func innerSingleMarksStayInsideTheirQuote() {
        // Swiss: «…» with ‹…› inside; German: »…« with ›…‹, and „…“ with ‚…‘.
        #expect(texts(["«They told us ‹not this year› and left», Urs Gisler said. Then he went home."])
                == ["They told us ‹not this year› and left"])
        #expect(texts(["»They told us ›not this year‹ and left«, Urs Gisler said. Then he went home."])
                == ["They told us ›not this year‹ and left"])
        #expect(texts(["„They told us ‚not this year‘ and left“, Urs Gisler said. Then he went home."])
                == ["They told us ‚not this year‘ and left"])
    }

    @Test func germanQuoteOverTwoParagraphsIsOneQuote() {
        let qs = QuoteFinder().find(in: Story(source: "t", headline: "h", paragraphs: [
            Paragraph("»The tunnel stays shut until spring."), Paragraph("»Nobody drives through it before April,« Urs Gisler said."),
        ])).body
        #expect(qs.map(\.text) == ["The tunnel stays shut until spring. Nobody drives through it before April,"])
        #expect(qs.first?.parts.map(\.paragraph) == [0, 1])
    }
}

/// Titles of works and programmes in quote marks are nobody's words.
@Suite struct TitleOfWorkTests {
    func texts(_ p: String) -> [String] {
        QuoteFinder().find(in: Story(source: "t", headline: "h", paragraphs: [Paragraph(p)])).body.map(\.text)
    }

    @Test func programmesAndWorksAfterAPossessiveOrIntroducerAreLeftOut() {
        #expect(texts("Mayor Ines Calder told Harbour TV’s “Morning Tide” on Monday that the quay would open.").isEmpty)
        #expect(texts("Calder said on KVLM's \"Coast to Coast Tonight,\" that she would run again.").isEmpty)
        #expect(texts("Dr. Amara Osei described it in a paper titled “A Cold Wanderer at the Edge of the System” last week.").isEmpty)
        #expect(texts("She appeared on ''Meet the Harbour.'' in April.").isEmpty)
        #expect(texts("His new book, “The Last Ferry,” came out in May.").isEmpty)
    }

    @Test func speechAndPhrasesInTheSamePlacesStay() {
        // Not Title Case: someone's words, even after a possessive or `on`.
        #expect(texts("Calder’s “we will not move the quay” promise was repeated on Monday.") == ["we will not move the quay"])
        #expect(texts("The talks were on “the edge of collapse,” Calder said.") == ["the edge of collapse,"])
        // Title Case after another word (a nickname, a slogan someone chanted) stays for the attributor.
        #expect(texts("Protesters chanted “Save Our Quay” outside the hall.") == ["Save Our Quay"])
        // A sentence in marks is speech, capitals or not.
        #expect(texts("He said on “Monday We Go. Then We Stop,” to nobody.") == ["Monday We Go. Then We Stop,"])
    }
}

/// Markup left in wire copy (`<tweet author="…">`): its attribute values are not quotes.
@Suite struct MarkupAttributeQuoteTests {
    func texts(_ p: String) -> [String] {
        QuoteFinder().find(in: Story(source: "test", headline: "Ferry", paragraphs: [Paragraph(p)])).body.map(\.text)
    }

    @Test func attributeValuesAreSkippedAndTheQuoteAfterThemIsFound() {
        let p = #"<tweet pic="" author="@maren_holt" date="May 2, 2026">The ramp "will not open before the frost," Holt wrote."#
        #expect(texts(p) == ["will not open before the frost,"])
    }
}
