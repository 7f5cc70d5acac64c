import Testing
@testable import NewsKit

/// Who said what, on invented copy: one pattern a test.
@Suite struct AttributionTests {
    static let extractor = Extractor()

    func annotate(_ paragraphs: [String], headline: String = "Harbour talks end") -> AnnotatedStory {
        Self.extractor.annotate(Story(source: "test", headline: headline, paragraphs: paragraphs.map { Paragraph($0) }))
    }

    /// Speaker of the quoted (not reported) quote whose text starts with `prefix`.
    func speaker(_ a: AnnotatedStory, _ prefix: String) -> String? {
        a.quotes.first { $0.kind != .indirect && $0.text.hasPrefix(prefix) }?.speaker
    }

    @Test func nameAfterQuote() {
        let a = annotate(["“The harbour stays open,” Mayor Elena Brask said on Tuesday."])
        #expect(speaker(a, "The harbour") == "Elena Brask")
    }

    @Test func invertedSaidName() {
        let a = annotate(["“Fees are too high,” said Okon Adeyemi, a ferry operator in Lagos."])
        #expect(speaker(a, "Fees") == "Okon Adeyemi")
    }

    @Test func colonBeforeQuote() {
        let a = annotate(["Dr. Hanne Solberg told a news briefing: “The vaccine works in older patients.”"])
        #expect(speaker(a, "The vaccine") == "Hanne Solberg")
    }

    @Test func surnameJoinsFullName() {
        let a = annotate([
            "Transport Minister Ruth Okafor opened the bridge on Monday.",
            "“It took nine years,” Okafor said.",
        ])
        #expect(speaker(a, "It took") == "Ruth Okafor")
    }

    @Test func partialQuoteBelongsToTheSpeakerOfItsSentence() {
        let a = annotate([
            "Union leader Piet Vermaas called the offer “an insult” and said the strike would go on.",
            "Finance chief Lara Moody said the plan was “dead on arrival.”",
        ])
        #expect(speaker(a, "an insult") == "Piet Vermaas")
        #expect(speaker(a, "dead on arrival") == "Lara Moody")
    }

    @Test func pronounResolvesToTheMostRecentPerson() {
        let a = annotate([
            "Coach Anton Bellamy watched the final from the stands.",
            "“We were second to every ball,” he said.",
        ])
        #expect(speaker(a, "We were") == "Anton Bellamy")
    }

    @Test func itResolvesToTheOrganisation() {
        let a = annotate([
            "The Harbour Authority said it would review the fees.",
            "“No decision has been taken,” it said in a statement.",
        ])
        #expect(speaker(a, "No decision") == "Harbour Authority")
    }

    @Test func unnamedSourcesKeepTheirDescriptorWithoutArticle() {
        let a = annotate([
            "A senior Brask adviser said the talks showed “real progress” on the levy.",
            "Officials in Oslo were less sure.",
            "“We are not there yet,” the adviser said.",
        ])
        #expect(speaker(a, "real progress") == "senior Brask adviser")
        #expect(speaker(a, "We are not") == "adviser")
    }

    @Test func followOnQuoteKeepsItsSpeaker() {
        let a = annotate(["“We lost the north road,” fire chief Bram Keller said. “The bridge went next.”"])
        #expect(speaker(a, "The bridge") == "Bram Keller")
    }

    @Test func paragraphIntroducedByColon() {
        let a = annotate([
            "In a speech to the dockers, Senator Ivo Marchetti declared:",
            "“This port will not close while I sit in this chamber.”",
        ])
        #expect(speaker(a, "This port") == "Ivo Marchetti")
    }

    @Test func appositiveNameIsTheSpeaker() {
        let a = annotate(["“We support rules,” the council’s chairman, Anders Lunde, said in a statement."])
        #expect(speaker(a, "We support") == "Anders Lunde")
        let b = annotate(["Nadia Roth, the port’s chief engineer, said: “The cranes are safe.”"])
        #expect(speaker(b, "The cranes") == "Nadia Roth")
    }

    @Test func accordingTo() {
        let a = annotate(["The levy is “unworkable,” according to shipping executive Karl Dunmore."])
        #expect(speaker(a, "unworkable") == "Karl Dunmore")
    }

    @Test func sentenceFinalAttributionCoversTheWholeSentence() {
        let a = annotate(["Minister Joao Pires discussed a “lasting truce” with his Spanish counterpart, spokesperson Ada Lind said."])
        #expect(speaker(a, "lasting truce") == "Ada Lind")
    }

    @Test func participleAfterPartialQuote() {
        let a = annotate(["In a post on X, Tomas Reyes called it an “excellent” meeting, saying, “We agreed on the timetable.”"])
        #expect(speaker(a, "excellent") == "Tomas Reyes")
        #expect(speaker(a, "We agreed") == "Tomas Reyes")
    }

    @Test func socialNetworkIsNotTheSpeaker() {
        let a = annotate(["“We exchanged views on the next steps,” Yusuf Demir said on X."])
        #expect(speaker(a, "We exchanged") == "Yusuf Demir")
    }

    @Test func scareQuotesAndTitlesGetNoInventedSpeaker() {
        let a = annotate([
            "The ferry, nicknamed “the Bathtub,” sailed at noon.",
            "Critics have read “A Short History of Tides” twice.",
        ])
        #expect(a.quotes.filter { $0.kind != .indirect }.allSatisfy { $0.speaker == nil })
    }

    @Test func speakerIsNeverAPronoun() {
        let a = annotate(["“We will rebuild,” she said.", "“Every house,” he added."])
        for q in a.quotes {
            let s = q.speaker?.lowercased()
            #expect(s != "she" && s != "he" && s != "it" && s != "they")
        }
    }

    @Test func reportedSpeechIsIndirect() {
        let a = annotate(["Mayor Elena Brask said that the harbour would reopen in March after repairs."])
        let indirect = a.quotes.filter { $0.kind == .indirect }
        #expect(indirect.count == 1)
        #expect(indirect.first?.speaker == "Elena Brask")
        #expect(indirect.first?.text.hasPrefix("the harbour would reopen") == true)
    }

    @Test func headlineQuoteAttribution() {
        let a = annotate(["Mayor Elena Brask spoke on Monday."], headline: "Brask says ‘no more delays’ on harbour")
        #expect(a.headlineQuotes.first?.speaker == "Elena Brask")
    }

    @Test func titlesAndRolesAreNotPartOfNames() {
        let a = annotate(["“We are ready,” U.S. Defense Secretary Colin Avery told reporters."])
        #expect(speaker(a, "We are ready") == "Colin Avery")
    }
}

@Suite struct AttributionTrapTests {
    func annotate(_ paragraphs: [String]) -> AnnotatedStory {
        Extractor().annotate(Story(source: "t", headline: "Harbour", paragraphs: paragraphs.map { Paragraph($0) }))
    }

    @Test func phraseInAParaphraseGoesToTheSubject() {
        let a = annotate(["Harbour master Ines Kolar warned of “a lost decade for the fleet” if the levy passed."])
        #expect(a.quotes.first { $0.kind != .indirect }?.speaker == "Ines Kolar")
    }

    @Test func pronounSkipsAPersonOfTheOtherGender() {
        let a = annotate([
            "Senator Maria Quell met Governor Thomas Brandt on Friday.",
            "“The levy is dead,” she said.",
        ])
        #expect(a.quotes.first { $0.kind != .indirect }?.speaker == "Maria Quell")
    }

    @Test func negatedReportingIsNotReportedSpeech() {
        let a = annotate(["The ministry had not told the fishermen about the new quotas before the vote."])
        #expect(a.quotes.filter { $0.kind == .indirect }.isEmpty)
    }

    @Test func objectOfCallingIsNotTheSpeaker() {
        let a = annotate(["Mayor Elena Brask named her deputy on Monday, calling Pavel Novak “the best manager this city has had.”"])
        #expect(a.quotes.first { $0.kind != .indirect }?.speaker == "Elena Brask")
    }
}
