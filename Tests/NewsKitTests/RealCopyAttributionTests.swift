import Testing
@testable import NewsKit

/// Patterns of real wire and newspaper copy that the attributor once got wrong,
/// on invented stories: names with initials and affiliations, `X of Y said`,
/// unnamed sources, pronouns.
@Suite struct RealCopyAttributionTests {
    static let extractor = Extractor()

    func annotate(_ paragraphs: [String]) -> AnnotatedStory {
        Self.extractor.annotate(Story(source: "test", headline: "Harbour talks end", paragraphs: paragraphs.map { Paragraph($0) }))
    }

    /// Speaker of the quoted (not reported) quote whose text starts with `prefix`.
    func speaker(_ a: AnnotatedStory, _ prefix: String) -> String? {
        a.quotes.first { $0.kind != .indirect && $0.text.hasPrefix(prefix) }?.speaker
    }

    @Test func middleInitialStaysInTheName() {
        let a = annotate([
            "“The fees will stay where they are,” said Austan D. Quellmore, an adviser to the board.",
            "“We sail at dawn,” Susan B. Marrow said.",
        ])
        #expect(speaker(a, "The fees") == "Austan D. Quellmore")
        #expect(speaker(a, "We sail") == "Susan B. Marrow")
    }

    @Test func personOfAPlaceOrOrganisation() {
        let a = annotate([
            "“We have no plan to sell,” Tobias Wren of the Porthaven Ferry Company said on Monday.",
            "“This is a good day for the town,” Mayor Ingrid Halvard of Porthaven said.",
            "“Rates will hold,” the Bank of Aldmoor said.",
        ])
        #expect(speaker(a, "We have no") == "Tobias Wren")
        #expect(speaker(a, "This is a good") == "Ingrid Halvard")
        #expect(speaker(a, "Rates will") == "Bank of Aldmoor")
    }

    @Test func partyWordBeforeARoleIsNoSubject() {
        let a = annotate([
            "Democratic presidential candidate Oren Blaise toured the docks on Friday.",
            "“I will fight for these jobs,” he said.",
            "Harbour minister Talia Voss opened the new quay.",
            "“It took four years,” she said.",
        ])
        #expect(speaker(a, "I will fight") == "Oren Blaise")
        #expect(speaker(a, "It took four") == "Talia Voss")
    }

    @Test func ageAndNewspaperAsUnnamedSources() {
        let a = annotate([
            "“Nobody asked us,” said the 46-year-old, who has fished there for decades.",
            "“The board must listen,” the newspaper wrote in an editorial.",
        ])
        #expect(speaker(a, "Nobody asked") == "46-year-old")
        #expect(speaker(a, "The board must") == "newspaper")
    }

    @Test func honorificTellsThePronoun() {
        let a = annotate([
            "Ms. Okafor met Mr. Dunmore at the quay on Monday.",
            "Mr. Dunmore said the quay was built in 1962.",
            "“The quay is too short,” she said.",
            "Ms. Okafor left early, but Mr. Dunmore stayed to talk. “We can extend it,” he said.",
        ])
        #expect(speaker(a, "The quay") == "Okafor")
        #expect(speaker(a, "We can extend") == "Dunmore")
    }

    @Test func roleWordsBeforeANameAreNoPartOfIt() {
        let a = annotate([
            "“The vote is Tuesday,” said Senate Majority Whip Ada Brennick.",
            "“We will be ready,” said Harbour Trust founder Emil Vance Jr.",
        ])
        #expect(speaker(a, "The vote") == "Ada Brennick")
        #expect(speaker(a, "We will be") == "Emil Vance Jr.")
    }

    @Test func appositiveWithCommasKeepsItsHead() {
        let a = annotate([
            "“The nets came up empty,” Doran Pike, a 55-year-old trawlerman from Tarnby, Keldmark, said.",
            "Selma Orrin, a lawyer for the Tidewater Trust, which owns the quay, said the sale was final.",
        ])
        #expect(speaker(a, "The nets") == "Doran Pike")
        #expect(a.quotes.first { $0.kind == .indirect }?.speaker == "Selma Orrin")
    }

    @Test func personBeforeAChainOfPlaces() {
        let a = annotate([
            "“The tide tables are wrong,” Hugo Varga of the Institute of Tides at Aldmoor told reporters.",
        ])
        #expect(speaker(a, "The tide") == "Hugo Varga")
    }

    @Test func nameAfterADescriptorIsTheSpeaker() {
        let a = annotate([
            "“We will appeal,” said her campaign manager Ilse Marrak.",
            "“It is over,” said the mayor’s chief of staff, Ruben Ostrow, who ran the count.",
        ])
        #expect(speaker(a, "We will appeal") == "Ilse Marrak")
        #expect(speaker(a, "It is over") == "Ruben Ostrow")
    }

    @Test func progressiveVerbHasItsSubjectBefore() {
        let a = annotate(["Former Tarn Gov. Lisbet Crane, for her part, is calling the levy “a tax on every fisher.”"])
        #expect(speaker(a, "a tax on") == "Lisbet Crane")
    }

    @Test func unnamedSubjectOfAParticiple() {
        let a = annotate([
            "The Keldish senator took a heckler in stride, saying the man would “not be thrown out” of the hall.",
        ])
        #expect(speaker(a, "not be thrown") == "Keldish senator")
    }

    @Test func participleAfterWithHasItsOwnSubject() {
        let a = annotate([
            "Ministers failed to agree on the levy, with Harbour Secretary Tilde Marr warning that the port faced “a slow decline” without it.",
        ])
        #expect(speaker(a, "a slow decline") == "Tilde Marr")
    }

    @Test func theCompanyIsTheOrganisationThatSpokeBefore() {
        let a = annotate([
            "The ferry line’s owner, Brightwater Holdings, said in a statement that the route had lost money for years.",
            "“This was not an easy choice,” the company said.",
        ])
        #expect(speaker(a, "This was not") == "Brightwater Holdings")
    }

    @Test func objectInTheSubjectsModifierIsNotTheSpeaker() {
        let a = annotate([
            "A senior harbour official travelling with Mayor Ingrid Halvard said the quay would close in May.",
            "“We have no other choice,” the official said.",
        ])
        #expect(a.quotes.first { $0.kind == .indirect }?.speaker == "senior harbour official")
        #expect(speaker(a, "We have no") == "official")
    }

    @Test func headlineQuoteGoesToThePersonWhoSaysItInTheBody() {
        let story = Story(source: "test", headline: "Keldmark hails ‘steady progress’ in ferry talks", paragraphs: [
            Paragraph("Keldish Transport Minister Ada Quillon said on Monday the ferry talks had made “steady progress.”"),
            Paragraph("Astronomers call the new object a “dark comet,” and Quillon joked that “one dark comet is enough for any ministry.”"),
        ])
        let a = Self.extractor.annotate(story)
        #expect(a.headlineQuotes.first?.text == "steady progress")
        #expect(a.headlineQuotes.first?.speaker == "Ada Quillon")
    }

    @Test func aTermInSomeonesSentenceIsNoHeadlineEcho() {
        let story = Story(source: "test", headline: "Astronomers spot ‘dark comet’ near Neptune", paragraphs: [
            Paragraph("“One dark comet does not make a population,” said astronomer Lukas Brenner."),
        ])
        let a = Self.extractor.annotate(story)
        #expect(a.headlineQuotes.first?.text == "dark comet")
        #expect(a.headlineQuotes.first?.speaker == nil)
    }

    @Test func adjectivesBeforeARoleNounAndTheName() {
        let a = annotate([
            "“The ferry vote was lost in the suburbs,” said Keldish political consultant Arvo Lemming.",
        ])
        #expect(speaker(a, "The ferry vote") == "Arvo Lemming")
    }

    @Test func sentenceOpenerIsNoSubject() {
        let a = annotate([
            "Mayor Dunja Farrow met the ferry owners on Monday.",
            "Hours later, Farrow issued a statement, calling the levy “a tax on islanders.”",
        ])
        #expect(speaker(a, "a tax on") == "Dunja Farrow")
    }

    @Test func nameInAppositionToADescriptor() {
        let a = annotate([
            "Councillor Mara Lindqvist opened the session.",
            "A spokeswoman for Tidewater Ferries, Joan Ferrant, said the company welcomed the audit. “We have nothing to hide,” she said.",
            "Lindqvist’s Labour counterpart, Councillor Edda Brun, voted against the plan. She said it was “a levy looking for a reason.”",
        ])
        #expect(a.quotes.first { $0.kind == .indirect && $0.text.hasPrefix("the company") }?.speaker == "Joan Ferrant")
        #expect(speaker(a, "We have nothing") == "Joan Ferrant")
        #expect(speaker(a, "a levy looking") == "Edda Brun")
    }

    @Test func quoteAfterASentenceThatReportsSpeech() {
        let a = annotate([
            "Harbour master Ilse Brandvold distanced herself from the plan by saying the port could not afford it. “We would be paying for ships that never come.”",
        ])
        #expect(speaker(a, "We would be paying") == "Ilse Brandvold")
    }

    @Test func organisationAndInvertedMusedAsCues() {
        let a = annotate([
            "“Our members do not support the levy,” the organization wrote.",
            "“Imagine the ferry running on time,” mused radio host Pelle Strand.",
        ])
        #expect(speaker(a, "Our members") == "organization")
        #expect(speaker(a, "Imagine the ferry") == "Pelle Strand")
    }

    @Test func capitalisedQuantifierStaysInTheDescriptor() {
        let a = annotate([
            "“The levy will empty the harbour,” one official said.",
            "Some officials said the levy was “a death sentence” for the island.",
        ])
        #expect(speaker(a, "The levy will") == "one official")
        #expect(speaker(a, "a death sentence") == "Some officials")
    }

    @Test func workersAsUnnamedSources() {
        let a = annotate(["“The levy will empty the harbour,” one fisherman said."])
        #expect(speaker(a, "The levy will") == "one fisherman")
    }

    @Test func nameAfterAPrepositionIsNoSubject() {
        // `in April` opens the sentence but is no subject: `he` is Blaise, the subject after it.
        let a = annotate([
            "Ada Quill met Oren Blaise on Tuesday to discuss the dock strike.",
            "During an interview in April, Blaise was talking about the wage offer when he told reporters, “We are not moving an inch on this.”",
        ])
        #expect(speaker(a, "We are not moving") == "Oren Blaise")
    }

    @Test func invertedSpeakerOfReportedSpeechIsTheAntecedent() {
        // `…, said Tomas Verhoeven, …` with no quote marks: the next `he said` is Verhoeven, not Blaise.
        let a = annotate([
            "Oren Blaise, the port director, opened the new berth on Monday.",
            "The strike has cost the port millions, said Tomas Verhoeven, a union organiser who has led the walkout since March.",
            "“We will stay out as long as it takes,” he said.",
        ])
        #expect(speaker(a, "We will stay out") == "Tomas Verhoeven")
    }

    @Test func nameBetweenCommasAfterAnOrganisationObjectSpeaks() {
        // `The leader of the Harbour Workers League, Jonas Greeve, warned`: the league is an object.
        let a = annotate([
            "Dock groups also condemned the proposal to close the port.",
            "The leader of the Harbour Workers League, Jonas Greeve, warned that such a ban would be “unacceptable and wrong for the town.” He said dockers “know all too well what can happen when a trade is singled out for blame.”",
        ])
        #expect(speaker(a, "unacceptable and wrong") == "Jonas Greeve")
        #expect(speaker(a, "know all too well") == "Jonas Greeve")
    }
}
