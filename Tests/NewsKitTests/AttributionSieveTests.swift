import Testing
@testable import NewsKit

/// The cases of issue 13 on invented copy: collective sources, organisations,
/// surnames with particles, the addressee of `told`, pronoun gender; and
/// `Quote.attribution`, which pass gave each quote its speaker.
@Suite struct AttributionSieveTests {
    static let extractor = Extractor()

    func annotate(_ paragraphs: [String], headline: String = "Harbour levy passes") -> AnnotatedStory {
        Self.extractor.annotate(Story(source: "test", headline: headline, paragraphs: paragraphs.map { Paragraph($0) }))
    }

    func quote(_ a: AnnotatedStory, _ prefix: String) -> Quote? {
        a.quotes.first { $0.kind != .indirect && $0.text.hasPrefix(prefix) }
    }

    @Test func collectiveTheyStaysWithTheGroupThatSpoke() {
        let a = annotate([
            "The Harbour Workers Union had opposed the plan for months.",
            "Critics said the bill was rushed. “This is a disaster for the docks,” they said.",
        ])
        #expect(quote(a, "This is a disaster")?.speaker == "critics")
        #expect(a.quotes.first { $0.kind == .indirect }?.speaker == "critics")
    }

    @Test func organisationSpeaksAfterBeingNamed() {
        let a = annotate([
            "Tidewater Shipping said it would review its routes.",
            "“The company will decide by March,” the company said.",
        ])
        let q = quote(a, "The company will")
        #expect(q?.speaker == "Tidewater Shipping")
        #expect(q?.attribution?.chain == ["company", "Tidewater Shipping"])
    }

    @Test func particleSurnamesJoinTheFullName() throws {
        let a = annotate([
            "Councillor Ramon de la Cruz voted against the levy.",
            "“It falls hardest on the smallest boats,” de la Cruz said.",
            "Pieter van der Berg runs a ferry line. “Nobody asked us,” van der Berg said.",
        ])
        let cruz = try #require(quote(a, "It falls"))
        #expect(cruz.speaker == "Ramon de la Cruz")
        #expect(cruz.attribution?.chain == ["de la Cruz", "Ramon de la Cruz"])
        #expect(quote(a, "Nobody asked")?.speaker == "Pieter van der Berg")
    }

    @Test func surnameOnlySpeakerIsAnEntityWithAMentionAtItsSpan() throws {
        let text = "“We kept our promise to the families on the quay,” Ferreira-Stone said."
        let a = annotate(["Mayor Lucia Ferreira-Stone opened the session.", text])
        let q = try #require(quote(a, "We kept"))
        #expect(q.speaker == "Lucia Ferreira-Stone")
        let e = try #require(q.speakerEntity)
        #expect(a.entities[e].name == "Lucia Ferreira-Stone")
        let span = try #require(q.speakerSpan)
        #expect(a.entities[e].mentions.contains { $0.span.paragraph == span.paragraph && $0.span.start <= span.start && span.end <= $0.span.end })
        #expect(a.entities.allSatisfy { !$0.mentions.isEmpty })
    }

    @Test func datelinePlaceTakesTheBodyMentionNoEmptyEntity() {
        let story = Story(source: "test", headline: "Levy passes",
                          dateline: Dateline(raw: "BRELMOUTH (Reuters) -", places: ["BRELMOUTH"], agency: "Reuters"),
                          paragraphs: [Paragraph("The Brelmouth city council passed a harbour levy on Tuesday."),
                                       Paragraph("“It will pay for the new breakwater,” Mayor Ada Quill said.")])
        let a = Self.extractor.annotate(story)
        let places = a.entities.filter { $0.name == "Brelmouth" }
        #expect(places.count == 1)
        #expect(places.first?.type == .place)
        #expect(places.first?.mentions.isEmpty == false)
    }

    @Test func theAddresseeOfToldIsNotReportedSpeech() {
        let a = annotate(["Mayor Lucia Ferreira-Stone told the council she would not raise taxes again this year."])
        let reported = a.quotes.first { $0.kind == .indirect }
        #expect(reported?.text == "she would not raise taxes again this year")
        #expect(reported?.speaker == "Lucia Ferreira-Stone")
    }

    @Test func aRepeatedDescriptorKeepsTheWordsAtTheQuote() {
        let a = annotate([
            "A senior council official said the vote was final.",
            "“There will be no second vote on this,” the official said.",
        ])
        let q = quote(a, "There will be")
        #expect(q?.speaker == "official")
        #expect(q?.attribution?.method == "cue-after-quote")
    }

    @Test func pronounGenderComesFromTheFirstNameLexicon() {
        // Marisol (she) and Thaddeus (he) are in the census list only, not in speaker-given-names.txt.
        let a = annotate([
            "Marisol Quent chaired the meeting. Thaddeus Vale presented the budget.",
            "“We will not borrow more,” she said.",
            "“The numbers add up,” he said.",
        ])
        #expect(quote(a, "We will not")?.speaker == "Marisol Quent")
        #expect(quote(a, "The numbers")?.speaker == "Thaddeus Vale")
    }

    @Test func theStorysOwnHonorificWinsOverTheLexicon() {
        // The census says Marisol is a woman's name; the story calls this Marisol "Mr.".
        let a = annotate([
            "Harbour pilot Marisol Quent and engineer Thaddeus Vale inspected the pier.",
            "Mr. Quent said the pier was sound.",
            "“It will stand another fifty years,” he said.",
        ])
        #expect(quote(a, "It will stand")?.speaker == "Marisol Quent")
    }

    @Test func capitalisedSourceNounOpeningASentenceIsADescriptor() {
        let a = annotate(["Officials said the port would reopen. “The channel is clear,” they said."])
        #expect(quote(a, "The channel")?.speaker == "officials")
    }

    @Test func confidenceAtOrAboveNineTenthsOnlyForTheMostPrecisePasses() {
        for (method, c) in AttributionPass.calibrated {
            if c.direct >= 0.9 || c.partial >= 0.9 {
                #expect([AttributionPass.cueAfterQuote, AttributionPass.cueBeforeQuote].contains(method), "\(method)")
            }
        }
    }

    @Test func pronounAfterATitleDescriptorIsThePersonOfThatTitle() {
        let a = annotate([
            "Vice President Ida Marlowe toured the shipyard with the mayor, Kofi Brandt.",
            "The vice president said the welders were the best in the country.",
            "“They built this country,” she said.",
        ])
        #expect(quote(a, "They built")?.speaker == "Ida Marlowe")
    }

    @Test func nameWithAnAgeInApposition() {
        let a = annotate(["“We sail at dawn,” Harlan Oduya, 52, of Port Tenby, said on Monday."])
        #expect(quote(a, "We sail")?.speaker == "Harlan Oduya")
    }

    @Test func aClauseAfterButHasItsOwnSubject() {
        let a = annotate([
            "Mayor Otto Fenn opened the fair on Saturday.",
            "Ms. Quent avoids the topic with her brother, but their neighbour Bertram Ash knows what the town needs.",
            "“It takes a stubborn mule,” he said.",
        ])
        #expect(quote(a, "It takes")?.speaker == "Bertram Ash")
    }

    @Test func aPronounSubjectKeepsItsPersonAsTheTopic() {
        let a = annotate([
            "Tomas Brandvold has run the island ferry for thirty years.",
            "He believes that Mayor Otto Fenn has forgotten the island.",
            "“Nobody listens to us,” he said.",
        ])
        #expect(quote(a, "Nobody listens")?.speaker == "Tomas Brandvold")
    }

    @Test func participleAfterAnEarlierQuoteTakesTheSentenceSubject() {
        let a = annotate([
            "Harbour master Edda Lunn met the ferry crews on Monday. “The bar is safe,” said pilot Jonas Reeve.",
            "Lunn waved off the “experts,” saying, “Not one of them has crossed the bar in a storm.”",
        ])
        #expect(quote(a, "Not one of them")?.speaker == "Edda Lunn")
    }

    // MARK: Quote.attribution: which pass, from which words

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

    @Test func speakerAfterAPartyAndStateTagBetweenCommas() {
        let a = annotate([
            "“The levy is not the view of this council,” Senate Majority Leader Mitchell Canter, R-Ky., said. “We will vote it down.”",
        ])
        #expect(quote(a, "The levy is not")?.speaker == "Mitchell Canter")
        #expect(quote(a, "We will vote")?.speaker == "Mitchell Canter")
    }

    @Test func shortSpeechSentenceAfterAFullStopAttributesTheQuote() {
        let a = annotate([
            "“We will find the missing ledgers.” Tomas Varga said.",
            "“The ferry runs at noon.” Ilse Brandt said the timetable would change in May.",
        ])
        #expect(quote(a, "We will find")?.speaker == "Tomas Varga")
        // A sentence that goes on past its verb reports something else.
        #expect(quote(a, "The ferry runs")?.speaker != "Ilse Brandt")
    }

    @Test func colonIntroductionAfterAPartyBracket() {
        let a = annotate(["Rep. Trina Gowers (R-S.C.):“I have not heard anyone cite that figure.”"])
        #expect(quote(a, "I have not heard")?.speaker == "Trina Gowers")
    }

    @Test func asSomeonePutIt() {
        let a = annotate([
            "As Akim Ramar, professor of law at Westbrook, put it, “A compromise today may be far better for them.”",
        ])
        #expect(quote(a, "A compromise today")?.speaker == "Akim Ramar")
    }

    @Test func appositiveAfterAPartyBracket() {
        let a = annotate([
            "The harbour council approved the levy on Tuesday.",
            "Rep. Elias Cumber (D-Md.), chair of the Platform Committee, said that it was “fully committed to an open process.”",
        ])
        #expect(quote(a, "fully committed")?.speaker == "Elias Cumber")
    }

    @Test func mannerVerbsAndWrittenSources() {
        let a = annotate([
            "“You fool,” Oliver Brandt barked.",
            "“The mayor has shown less spine than an eel,” reads an editorial in the Portmere Ledger.",
        ])
        #expect(quote(a, "You fool")?.speaker == "Oliver Brandt")
        #expect(quote(a, "The mayor has shown")?.speaker == "editorial")
    }

    @Test func aShowTitleInMarksIsNoSubjectForALaterPronoun() {
        let a = annotate([
            "PORTMERE (Wirewell) - The council voted on the levy.",
            "Mr. Greeve said there was no evidence. “If he has lied, it is terrible,” Mr. Greeve said.",
            "Later on “This Week,” Senator Brent Sandvik questioned Mr. Greeve's honesty. He called him a “pathological liar” for his claims.",
        ])
        #expect(quote(a, "pathological liar")?.speaker == "Brent Sandvik")
    }

    @Test func theMainClauseSubjectAfterAnOpeningClauseIsNearestForAPronoun() {
        let a = annotate([
            "Asked whether he was worried that Dorian Tramp, the council's treasurer, could be the next mayor, Bo Kimmel demurred.",
            "“There is just one ledger,” he said.",
            "Although the vote was far from the last word on Mayor Hilda Varga's budget, Treasurer Lorena Lynde closed the inquiry.",
            "“I accepted their unanimous recommendation,” she said.",
        ])
        #expect(quote(a, "There is just one")?.speaker == "Bo Kimmel")
        #expect(quote(a, "I accepted")?.speaker == "Lorena Lynde")
    }

    @Test func pluralSourceNounsWithoutAnSAreNoAntecedentOfHe() {
        let a = annotate([
            "Senator Brent Sandvik spoke at the rally in Tarn on Sunday.",
            "People said the ferry plan was popular. “In a campaign things get heated,” he said.",
        ])
        #expect(quote(a, "In a campaign")?.speaker == "Brent Sandvik")
    }

    @Test func thePersonBeforeAWhoClauseSpeaksForALaterPronoun() {
        let a = annotate([
            "Former senator Marten Humber leads the effort to stop the levy.",
            "“The first thing is to stop the levy,” Humber said.",
            "The plan was backed on Friday by Sen. Dana Whitlock of Tarn, the ranking member on the harbour committee, who said none of the ledgers was lost.",
            "“It never made sense to blame the mayor,” she said.",
            "It was a reversal for the Tarn Republican, who had pledged to oppose the plan.",
        ])
        #expect(quote(a, "It never made sense")?.speaker == "Dana Whitlock")
    }

    @Test func theSpeakerIsTheNameProperWithoutAnOpenerOrTitle() {
        let a = annotate([
            "The harbour council voted on Tuesday.",
            "Meanwhile Rhiannon Olsen, who was honoured, spoke about the levy. “The minute you love yourself, you are free,” she said.",
            "However, as Archbishop Aris Shirvanian of the Harbour Patriarchate told reporters, “We have suffered the same fate.”",
        ])
        #expect(quote(a, "The minute you love")?.speaker == "Rhiannon Olsen")
        #expect(quote(a, "We have suffered")?.speaker == "Aris Shirvanian")
        for q in a.quotes where q.kind != .indirect {
            #expect(a.entities.contains { $0.name == q.speaker }, "\(q.speaker ?? "nil") is an entity")
        }
    }

    @Test func aNameInARelativeClauseAfterTheSpeakerIsNoAntecedent() {
        let a = annotate([
            "The ferry inquiry opened in Tarn on Monday.",
            "“The harbour failed us,” said Odile Marchetti, who lost her sister Ines Marchetti-Vale in the storm. “We want answers,” she added.",
        ])
        #expect(quote(a, "We want answers")?.speaker == "Odile Marchetti")
    }

    @Test func theFirstOfTwoJoinedVerbsHasTheSpeaker() {
        let a = annotate([
            "Senator Brent Sandvik toured the Tarn shipyard on Monday.",
            "When asked whom she backed, Ms. Odile Ferrant smiled and said, “I am waiting for the harbour vote.”",
            "He praised Ferrant and added, “The yard will stay open.”",
        ])
        #expect(quote(a, "I am waiting")?.speaker == "Odile Ferrant")
        #expect(quote(a, "The yard will stay")?.speaker == "Brent Sandvik")
    }

    @Test func theNameBeforeAnAppositiveIsTheSubjectOfAParaphrase() {
        let a = annotate([
            "Senator Bernie Sandvik toured the Tarn shipyard on Monday.",
            "Dottie Marsh, the chairwoman of the Tarn Harbour Party, is supporting Sandvik as a delegate and in a statement credited him for “an exciting campaign.”",
            "“He has a desire to ensure that those voters feel heard,” she said.",
        ])
        #expect(quote(a, "an exciting campaign")?.speaker == "Dottie Marsh")
        #expect(quote(a, "He has a desire")?.speaker == "Dottie Marsh")
    }

    @Test func aNameAfterAVerbFormIsAnObjectNotTheSubject() {
        let a = annotate([
            "The harbour board met on Monday.",
            "Oren Blaise kept the ledger for years.",
            "A week ago the panel grilled Oren Blaise over his “work of fiction.”",
        ])
        #expect(quote(a, "work of fiction") == nil || quote(a, "work of fiction")?.speaker != "Oren Blaise")
    }

    @Test func aQuoteInTheFirstClauseIsNotTheJoinedClausesSpeakers() {
        let a = annotate([
            "The harbour candidates met in Tarn on Monday.",
            "Senator Ada Quill said she would make the levy “vanish overnight,” and Mayor Oren Tramp vowed to “sink the plan” for good.",
            "Contrast that with Quill, who has called the ferry pact “insanity,” and Tramp, who says it is “disastrous.”",
            "Both issued a statement, Quill saying she was “very encouraged” and Tramp calling it a “great meeting.”",
        ])
        #expect(quote(a, "vanish overnight")?.speaker == "Ada Quill")
        #expect(quote(a, "sink the plan")?.speaker == "Oren Tramp")
        #expect(quote(a, "insanity")?.speaker == "Ada Quill")
        #expect(quote(a, "disastrous")?.speaker == "Oren Tramp")
        #expect(quote(a, "very encouraged")?.speaker == "Ada Quill")
        #expect(quote(a, "great meeting")?.speaker == "Oren Tramp")
    }

    @Test func pressedIsACue() {
        let a = annotate([
            "The radio host Odile Ferrant interviewed the mayor on Monday.",
            "“Would the levy be negotiable?” Ferrant pressed. “Maybe for the fishing crews?”",
        ])
        #expect(quote(a, "Would the levy")?.speaker == "Odile Ferrant")
        #expect(quote(a, "Would the levy")?.cue == "pressed")
    }

    @Test func theOpeningClausesPronounIsNotTheParaphrasesSubject() {
        let a = annotate([
            "Mayor Hilda Varga and Senator Lorena Lynde met in Tarn.",
            "Ever since she endorsed Varga this month, Ms. Lynde has been a powerful surrogate with a simple message: “Do not lose the harbour.”",
        ])
        #expect(quote(a, "Do not lose")?.speaker == "Lorena Lynde")
    }

    @Test func theMainClauseSubjectAfterAnOpeningPhraseIsAnAntecedent() {
        let a = annotate([
            "Harbour director Tomas Verhoeven said the yard would move. “This was a tough decision,” he said.",
            "Outside the old yard on Galeana Street in the suburb of Santa Rosa, a welder named Anton Ferrow has nothing but praise for the job. “The atmosphere is relaxed,” he said.",
        ])
        #expect(quote(a, "The atmosphere")?.speaker == "Anton Ferrow")
    }

    @Test func aCommonWordOpeningASentenceIsNoSubject() {
        let a = annotate([
            "Berhan Negash, a professor, and Andar Tsegaw, a rebel, hid for some days in 2008.",
            "Tsegaw was arrested in June.",
            "Days after Tsegaw's arrest, Negash volunteered to replace him. “Was I going to stay an academic?” he told me.",
        ])
        #expect(quote(a, "Was I going")?.speaker == "Berhan Negash")
    }

    @Test func anHonorificPicksTheFullNameOfASharedSurname() {
        let a = annotate([
            "Omar Kahn and Leila Kahn spoke at the harbour rally in Tarn.",
            "“I implore the voters,” Mr. Kahn said.",
            "Mr. Kahn then left the stage. Ms. Kahn wrote an article. “All the town felt my pain,” Ms. Kahn wrote. She continued: “Does he really need to ask why I did not speak?”",
        ])
        #expect(quote(a, "I implore")?.speaker == "Omar Kahn")
        #expect(quote(a, "All the town")?.speaker == "Leila Kahn")
        #expect(quote(a, "Does he really")?.speaker == "Leila Kahn")
    }

    @Test func aSourceNounKeepsItsObject() {
        let a = annotate([
            "The harbour levy vote was delayed again on Monday.",
            "“We will not go back to the old ways of the harbour,” a spokesman for the ferry company said.",
            "“The mayor knew about the ledger for months,” the head of the audit office said.",
            "“It is a disgrace,” the secretary of state said.",
            "“Nothing was lost,” the spokesman said.",
            "Earlier, Quill said in a letter to the board that she would stay.",
        ])
        #expect(quote(a, "We will not go back")?.speaker == "spokesman for the ferry company")
        #expect(quote(a, "The mayor knew")?.speaker == "head of the audit office")
        #expect(quote(a, "It is a disgrace")?.speaker == "secretary of state")
        #expect(quote(a, "Nothing was lost")?.speaker == "spokesman")
        #expect(!a.quotes.contains { $0.speaker == "board" || $0.speaker == "letter to the board" })
    }

    @Test func theStorysOwnPronounsGiveANeutralNameItsGender() {
        let a = annotate([
            "Bernie Sandvik opened his campaign in Tarn, where he grew up.",
            "Sandvik spoke about his father.",
            "Dana Whitlock, who chairs the harbour party, was there.",
            "Sandvik endorsed the harbour plan on Monday.",
            "“Do not let the perfect be the enemy of the good,” she said.",
        ])
        #expect(quote(a, "Do not let")?.speaker == "Dana Whitlock")
    }

    @Test func aGenderedSourceNounIsNoAntecedentOfTheOtherPronoun() {
        let a = annotate([
            "Lorena Lynde has known the mayor for forty years.",
            "What angered her, she said, was a question at a town hall last week, when a young man asked the mayor why she lied. “I really got angry,” she said.",
        ])
        #expect(quote(a, "I really got angry")?.speaker == "Lorena Lynde")
    }

    @Test func nationalityWordsAloneAreNoSpeaker() {
        let a = annotate([
            "The harbour vote is near.",
            "Across town, “shouting from the rooftops” for the Sandvik campaign, is Wayne Borders, a 33-year-old African American and “child of the ferry years” who left his job in November.",
        ])
        #expect(!a.quotes.contains { $0.speaker == "African American" })
    }

    @Test func noBeforeANumberIsNoSentenceEnd() {
        let a = annotate([
            "Mayor Hilda Varga agreed to a call on Wednesday.",
            "As Oren Tramp, the No. 2 in the harbour council, put it: “This levy will not pass.”",
        ])
        #expect(quote(a, "This levy will not pass")?.speaker == "Oren Tramp")
    }

    @Test func aCueVerbBeforeAnInfinitiveIsNoCue() {
        let a = annotate([
            "Senator Ben Lorrin left the race on Tuesday.",
            "In a statement, Mayor Ada Quill said she is certain Lorrin will continue to be “a champion for the harbour.”",
        ])
        #expect(quote(a, "a champion for the harbour")?.speaker == "Ada Quill")
    }

    @Test func aCueInsideAnotherCuesComplementIsTheOuterSpeakers() {
        let a = annotate([
            "The harbour vote is near.",
            "Oren Tramp says if people think the levy will be fixed by “harbour politics and harbour money, you have a fine candidate but it is not me.”",
            "On Sunday, Mayor Ada Quill said she expected that voters will say “no” to his plans.",
        ])
        #expect(quote(a, "harbour politics")?.speaker == "Oren Tramp")
        #expect(quote(a, "no")?.speaker == "Ada Quill")
    }

    @Test func theRoleTitledNameOpeningASentenceIsItsSubject() {
        let a = annotate([
            "The vote is near.",
            "Republican presidential nominee Oren Tramp, during multiple interviews on Thursday, referred to Mayor Ada Quill as “the most valuable player” for the harbour.",
        ])
        #expect(quote(a, "the most valuable player")?.speaker == "Oren Tramp")
    }

    @Test func anOpeningInPhraseIsNotTheSubject() {
        let a = annotate([
            "Mayor Hilda Varga released her harbour emails on Thursday.",
            "In one exchange between Varga and her chief of staff Cheryl Mallow in April, Mallow forwards an email with the subject line “Photo gone viral!”",
        ])
        #expect(quote(a, "Photo gone viral")?.speaker == "Cheryl Mallow")
    }

    @Test func subjectsBehindOpenersRolesAndObjects() {
        let a = annotate([
            "Senator Bernie Sandvik skipped the harbour forum on Sunday.",
            "Filling in for Sandvik at the same forum, author Cornel Westbrook landed a sharp dig at the mayor. “I took harbour money but it didn't affect me?” he said.",
            "Reports indicate the ferry vote put Mayor Hilda Varga over the line.",
            "One delegate, Tarn Harbour Party chairwoman Nancy Worley, pledged her vote to Varga. “We really need to close this race,” she said.",
            "One pastor supporting Mr. Sandvik, Darran Whiting of Liberty Chapel, said he had made many calls. “Find your polling place,” he tells his flock.",
            "Another said he hoped with his whole heart that Varga wins. “That way I can watch the show,” he said.",
        ])
        #expect(quote(a, "I took harbour money")?.speaker == "Cornel Westbrook")
        #expect(quote(a, "We really need")?.speaker == "Nancy Worley")
        #expect(quote(a, "Find your polling")?.speaker == "Darran Whiting")
        #expect(quote(a, "That way I can")?.speaker == "another")
    }

    @Test func aSpeechVerbAfterAnArticleIsANoun() {
        let a = annotate([
            "The harbour board met on Monday.",
            "“They feel he is the one who says what is on their minds,” Tomas Hanifer, the president of the Tarn state firefighters union, said.",
            "“Today the kingdom leads the fight,” the Keldish state in the paper.",
            "On Friday, Mayor Oren Tramp joined in, saying in a Tramp-style post on the board: “The new ledger is a disaster for Varga.”",
        ])
        #expect(quote(a, "They feel he")?.speaker == "Tomas Hanifer")
        #expect(quote(a, "The new ledger")?.speaker == "Oren Tramp")
    }

    @Test func namesArePlainSpaced() {
        let a = annotate([
            "The harbour board met on Monday.",
            "“Imagine the levy going up against the ferry,” said Tarn co-host Stu\u{00A0}Burgwin, on his show.",
        ])
        #expect(quote(a, "Imagine the levy")?.speaker == "Stu Burgwin")
        #expect(a.entities.contains { $0.name == "Stu Burgwin" })
        #expect(!a.entities.contains { $0.name.unicodeScalars.contains("\u{00A0}") })
    }

    @Test func aNationalityBeforeASourceNounIsADescriptorThatMayGiveAName() {
        let a = annotate([
            "The harbour board met on Monday.",
            "“We will not go back to the old ways,” said the Keldish ambassador at the time, John Herbert.",
            "“Nothing was lost,” said the French ambassador.",
        ])
        #expect(quote(a, "We will not go back")?.speaker == "John Herbert")
        #expect(quote(a, "Nothing was lost")?.speaker == "French ambassador")
    }

    @Test func subjectsAcrossRelativeClauses() {
        let a = annotate([
            "The wage vote is near.",
            "“There are areas where I fall short or have to borrow money from my father,” Valdez Andersen, who works at a heating and cooling company in Tarn, said on a media call set up by labor unions.",
            "Although there is no overlap, a harbour official who spoke anonymously to discuss internal strategy said Wednesday, “Certainly there are talks between the board and the campaign.”",
            "The latest is Rep. Joe Wilmot, the Tarn congressman who gained attention in 2009 when he yelled “You lie!” at the mayor.",
        ])
        #expect(quote(a, "There are areas")?.speaker == "Valdez Andersen")
        #expect(quote(a, "Certainly there are talks")?.speaker == "harbour official")
        #expect(quote(a, "You lie")?.speaker == "Joe Wilmot")
    }

    @Test func aQuestionsSpeakerAfterAnAppositive() {
        let a = annotate([
            "The first two volunteers inside the door are Eva Millard and Gloria Mayer.",
            "“I am calling from the harbour campaign. How are you today?” Millard, a retired worker from the ferry yard, said into the phone.",
        ])
        #expect(quote(a, "I am calling")?.speaker == "Eva Millard")
    }

    @Test func aQuoteInAnOpeningClauseIsTheMainClauseSubjects() {
        let a = annotate([
            "Mayor Hilda Varga sees similar benefits in the levy.",
            "But while denouncing the “perversion” of harbour tax avoidance to audiences, she has not outlined a plan.",
            "In declaring Oren Tramp's statements “not neighbourly,” the senior harbour official again showed his knack for politics.",
            "Retired Army Col. Lars Wilkers started the row when he brought up the bombing and later said, “It is not just the harbour.”",
        ])
        #expect(quote(a, "perversion")?.speaker == "Hilda Varga")
        #expect(quote(a, "not neighbourly")?.speaker == "senior harbour official")
        #expect(quote(a, "It is not just")?.speaker == "Lars Wilkers")
    }

    @Test func aParagraphThatIsOnlyAQuoteContinuesTheReportedSpeakerBefore() {
        let a = annotate([
            "Defence Minister Tomas Varga spoke in Halden on Monday.",
            "Varga said that for decades critics had predicted a withdrawal from the region, but this would not happen.",
            "“That is because this region remains the most important one for us.”",
            "Lena Ostrova praised the minister’s leadership and his ability to get things done in a heavily Tarnish state.",
            "“We need someone who is going to cut through the noise.”",
        ])
        let q = quote(a, "That is because")
        #expect(q?.speaker == "Tomas Varga")
        #expect(q?.attribution?.method == AttributionPass.sentenceBefore)
        // `state` after `a heavily Tarnish` is a noun, not the cue.
        #expect(quote(a, "We need someone")?.speaker == "Lena Ostrova")
    }

    @Test func aNameBeforeAContractedHasIsTheSubject() {
        let a = annotate([
            "The row came early in the debate, where Carl Brandt lit into Marco Feld for giving the same speech again.",
            "Brandt's been making the case for weeks that Feld is not ready. “You have not made one hard decision,” he said.",
        ])
        #expect(quote(a, "You have not made")?.speaker == "Carl Brandt")
    }

    @Test func rolesWithObjectsAndLocalRolesBeforeTheNameAfterTheVerb() {
        let a = annotate([
            "“The first line of defence is the community,” said former secretary of state Hilda Varga, who praised the mayor.",
            "“The distraction gets you off message,” said Harbour party boss Reinhold Prieb, though he added more.",
            "“Anyone who refuses is at risk,” said Varga constituent Dan Golvach when asked.",
        ])
        #expect(quote(a, "The first line")?.speaker == "Hilda Varga")
        #expect(quote(a, "The distraction")?.speaker == "Reinhold Prieb")
        #expect(quote(a, "Anyone who refuses")?.speaker == "Dan Golvach")
    }

    @Test func theSubjectBeforeTheVerbPastAppositivesAndPlaces() {
        let a = annotate([
            "At one point, Oren Tramp said harbour executives were calling “every 15 minutes.”",
            "Stacy Bakker of Halden, South Tarnia says she really thinks Varga can win if he keeps “doing what he is doing.”",
            "Anthony Anton, president and CEO of Tarn Restaurant Association stated, “It is not a political problem.”",
            "But Tom Fitton, the president of Harbour Watch, a group that has sued to obtain records from the Ferry Department, said that “the damage is done.”",
        ])
        #expect(quote(a, "every 15 minutes")?.speaker == "Oren Tramp")
        #expect(quote(a, "doing what he is")?.speaker == "Stacy Bakker")
        #expect(quote(a, "It is not a political")?.speaker == "Anthony Anton")
        #expect(quote(a, "the damage is done")?.speaker == "Tom Fitton")
    }

    @Test func unnamedSourcesKeepWhatTheyAreFamiliarWith() {
        let a = annotate([
            "“The deal is off,” a source familiar with the talks said.",
            "“We will not sign,” said an official involved in the planning, who asked not to be named.",
            "People close to the mayor said “nothing is decided.”",
            "Another source familiar with Varga’s thinking said, “He will try again in the spring.”",
            "A spokeswoman for the Harbour Services Committee emailed reporters, arguing, “The text of the law says nothing of the kind.”",
            "The billionaire businessman began by talking about the ferries, saying that a ticket is now “cheaper than candy.”",
        ])
        #expect(quote(a, "The deal is off")?.speaker == "source familiar with the talks")
        #expect(quote(a, "We will not sign")?.speaker == "official involved in the planning")
        #expect(quote(a, "nothing is decided")?.speaker == "People close to the mayor")
        #expect(quote(a, "He will try again")?.speaker == "Another source familiar with Varga’s thinking")
        #expect(quote(a, "The text of the law")?.speaker == "spokeswoman for the Harbour Services Committee")
        #expect(quote(a, "cheaper than candy")?.speaker == "billionaire businessman")
    }

    @Test func aPartOfAGroupIsTheSource() {
        let a = annotate([
            "“Nothing has been decided yet,” one of the sources said.",
            "“No,” said two of his aides.",
            "“We will see,” said one of the protesters, a teacher.",
        ])
        #expect(quote(a, "Nothing has been")?.speaker == "one of the sources")
        #expect(quote(a, "No,")?.speaker == "two of his aides")
        #expect(quote(a, "We will see")?.speaker == "one of the protesters")
    }

    @Test func aQuotesHeMakesANameOfUnknownGenderNotASheLater() {
        // `Marty` tells no gender; the quote's `he` does, so the later `she` is Lindqvist.
        let a = annotate([
            "Standing before a crowd of 600 dock workers and their families inside Halden's old Guild Hall with Mayor Marty Quade by her side, Hanna Lindqvist turned Sunday to a subject that she has rarely raised on the trail: ferry fares.",
            "Quade, a former union organiser, had close ties to Vice President Tom Brask. But on Sunday he finally gave Lindqvist a warm endorsement.",
            "“We need someone who has been tested, someone who works hard, someone who makes the people around them better,” he said introducing Lindqvist as a “champion of the harbour….Nobody comes close to her record. She’s got nerve and she’s got grit.”",
            "“Get your hard hats ready because we’ve got a harbour to rebuild!” he told the crowd.",
            "But after focusing her attention on issues such as the fuel crisis ravaging the islands, Lindqvist delivered a message Sunday that resonates for many mayors.",
            "“Our piers and ferries are rusting and falling apart,\" she said. \"Families wait hours because our boats break down in bad weather.”",
        ], headline: "Lindqvist's ferry politics.")
        #expect(quote(a, "Get your hard hats")?.speaker == "Marty Quade")
        #expect(quote(a, "Our piers and ferries")?.speaker == "Hanna Lindqvist")
    }

    @Test func aQuoteParagraphAfterAPersonsSentenceIsTheirs() {
        // No cue at the quote: the person the paragraph before ends on speaks, when the quote
        // is a whole sentence; a slogan or a headline in quote marks stays unattributed.
        let a = annotate([
            "Harbour councillors met on Monday to discuss the levy.",
            "Mara Quill is upbeat about the levy, in part because she sees it as fair to the islands.",
            "“It will pass in the spring, and the ferries will be the better for it.”",
            "Tomas Brink is running on a new slogan this week.",
            "“A harbour warrior.”",
        ])
        #expect(quote(a, "It will pass")?.speaker == "Mara Quill")
        #expect(quote(a, "It will pass")?.attribution?.method == "topic-before")
        #expect(quote(a, "A harbour warrior")?.speaker == nil)
    }

    @Test func rolesInNoListBeforeAFullNameAfterAnInvertedCue() {
        let a = annotate([
            "The vote was close.",
            "“I am not going to call it a mistake, so forget about it,” said retired neurosurgeon Ben Cardo, asked about his claims.",
            "“We will be back,” said veteran harbour pilot Ada Renholm of Tarn.",
        ])
        #expect(quote(a, "I am not going")?.speaker == "Ben Cardo")
        #expect(quote(a, "We will be back")?.speaker == "Ada Renholm")
        // A rank's ordinal between the service and the name.
        let b = annotate(["The vote was close.", "“I really don’t understand it,” said Air Force 1st Lt. Tyler Livingstone, who is from Tarn."])
        #expect(quote(b, "I really don’t")?.speaker == "Tyler Livingstone")
        // Roles joined by `and`, then the name.
        let c = annotate(["The vote was close.", "“He is reprising that role,” said former Tarn Gov. and Harbour National Committee Chairman Ed Rondell.",
                          "“We are fine,” said the mayor and her deputy."])
        #expect(quote(c, "He is reprising")?.speaker == "Ed Rondell")
        #expect(quote(c, "We are fine")?.speaker == "mayor")
    }

    @Test func aFirstPersonStorysWriterSpeaksAsI() {
        let paragraphs = [
            "I stood before the harbour court in May and waited for the judge to speak.",
            "“Your Honour,” I said, “I would like to answer the question you raised.”",
            "No wonder Mara Quill said, and I quote, “We love the ferries.” She meant it.",
        ]
        let a = annotate(paragraphs)
        #expect(quote(a, "Your Honour")?.speaker == "I")
        #expect(quote(a, "I would like")?.speaker == "I")
        // `and I quote` is the writer's aside: the cue is Quill's.
        #expect(quote(a, "We love the ferries")?.speaker == "Mara Quill")
        // With one author in the byline, the author.
        let signed = Self.extractor.annotate(Story(source: "test", headline: "Before the court", byline: ["Ada Renholm"],
                                                   paragraphs: paragraphs.map { Paragraph($0) }))
        #expect(quote(signed, "Your Honour")?.speaker == "Ada Renholm")
    }

    @Test func aSuffixKeepsItsDotWhenAPronounNamesThePerson() {
        let a = annotate([
            "The commander in charge of the region, Adm. Harry B. Hollis Jr., who has turned heads in Tarn, said the fleet would stay.",
            "“We are ready,” he said.",
        ])
        #expect(quote(a, "We are ready")?.speaker == "Harry B. Hollis Jr.")
        #expect(a.entities.contains { $0.name == "Harry B. Hollis Jr." && $0.type == .person })
    }

    @Test func aSpeechNounAfterAnAdjectiveIsTheSourceNotItsVerb() {
        let a = annotate([
            "The harbour board met in the spring.",
            "“The ferries were left to rust,” the congressional report said.",
            "The ad claims “Quill is the mayor you can trust.”",
            "“We are fine,” the officials report.",
        ])
        #expect(quote(a, "The ferries were")?.speaker == "congressional report")
        #expect(quote(a, "Quill is the mayor")?.speaker == "ad")
        #expect(quote(a, "We are fine")?.speaker == "officials")
        // `state` after `of` is the office, not a verb.
        let b = annotate(["The harbour board met in the spring.", "“We will not sign,” said the former secretary of state."])
        #expect(quote(b, "We will not sign")?.speaker == "former secretary of state")
    }

    @Test func aPluralPartyWordIsNoPartOfTheNameAfterIt() {
        let a = annotate([
            "Dave Quill hopes to work across the aisle.",
            "Republicans Quill of Tarn Shores and Brinks of Halden are against the levy.",
            "“Let’s not create more waste,” he said.",
        ])
        #expect(quote(a, "Let’s not create")?.speaker == "Dave Quill")
        #expect(!a.entities.contains { $0.name.hasPrefix("Republicans") })
        #expect(a.entities.first { $0.name == "Dave Quill" }?.mentions.count == 2)
    }

    @Test func aDocumentSpeaksButIsNoOnesAntecedent() {
        let a = annotate([
            "Mara Quill was “very tired,” according to a Tarn Wire account.",
            "A yearly Harbour Gazette poll found her the most trusted mayor. She urged her peers to work at “making the ferries run.”",
            "Transcript as follows:",
            "“Tonight we arrived in Halden, and we went to a restaurant.”",
        ])
        #expect(quote(a, "very tired")?.speaker == "Tarn Wire account")
        #expect(quote(a, "making the ferries run")?.speaker == "Mara Quill")
        #expect(quote(a, "Tonight we arrived")?.speaker == "transcript")
    }

    @Test func theWholeSubjectBeforeACueVerb() {
        let a = annotate([
            "The harbour board met in the spring.",
            "Some Democrats warned of the “death of inevitability” for the mayor.",
            "Harbour Chairman G.K. Butterly of North Tarnia said he was “outraged” by the vote.",
            "A 2014 Harbour Intelligence Committee report found “no evidence” of a plot.",
            "The union-backed “Fight for Ferries” movement plans to protest the vote, the Daily Tarn reports.",
        ])
        #expect(quote(a, "death of inevitability")?.speaker == "Some Democrats")
        #expect(quote(a, "outraged")?.speaker == "G.K. Butterly")
        #expect(quote(a, "no evidence")?.speaker == "2014 Harbour Intelligence Committee report")
        #expect(quote(a, "Fight for Ferries")?.speaker == "Daily Tarn")
    }

    @Test func aNameModifyingASpeechNounIsNoSubject() {
        let a = annotate([
            "The harbour board met in the spring.",
            "After the Halden attacks, Tom Tramp released a new radio ad calling it “dangerous” that the mayor had no plan.",
            "Ada Quill offered a Tramp-style retort, tweeting at him, “you are not just a loser, you are a liar.”",
            "“We are done,” the Daily Tarn reports.",
        ])
        #expect(quote(a, "dangerous")?.speaker == "Tom Tramp")
        #expect(quote(a, "you are not just a loser")?.speaker == "Ada Quill")
        #expect(quote(a, "We are done")?.speaker == "Daily Tarn")
    }

    @Test func aGerundsSubjectAfterAPrepositionIsNoSpeaker() {
        let a = annotate([
            "Gordon Humbert, a harbour delegate, backs the push.",
            "Humbert, for example, said he is hopeful that the effort results in John Kasten claiming the nomination.",
            "“The first thing, obviously, is to stop Tramp on the first ballot,” he said.",
        ])
        #expect(quote(a, "The first thing")?.speaker == "Gordon Humbert")
    }

    @Test func aGerundOpeningTheSentenceIsNoPartOfTheName() {
        let a = annotate([
            "Tom Tramp spoke on Monday.",
            "Rebuking Tramp, Quill said the levy was fair.",
            "“We are fine,” Tramp said.",
        ])
        #expect(!a.entities.contains { $0.name.hasPrefix("Rebuking") })
        #expect(quote(a, "We are fine")?.speaker == "Tom Tramp")
        // Nor `Neither`: `Neither Johnsen nor Weld` names one Johnsen, Gary.
        let b = annotate([
            "Gary Johnsen is running for the harbour board.",
            "Neither Johnsen nor his deputy had a plan.",
            "“This is a crazy election,” Johnsen said.",
        ])
        #expect(!b.entities.contains { $0.name.hasPrefix("Neither") })
        #expect(quote(b, "This is a crazy")?.speaker == "Gary Johnsen")
    }

    @Test func aSurnameFindsItsFullNameThroughASuffix() {
        let a = annotate([
            "Vice President Joseph R. Bidon Jr. spoke on Monday in Halden.",
            "“We are fine,” Bidon said.",
            "Brent Bozzel III leads the league. Brent Bozzel has said so before.",
            "“It is clear cut,” Bozzel said.",
        ])
        #expect(quote(a, "We are fine")?.speaker == "Joseph R. Bidon Jr.")
        #expect(quote(a, "It is clear cut")?.speaker?.hasPrefix("Brent Bozzel") == true)
        // A capital after an opening bracket is no first name (`(See Saxton’s timeline below.)`).
        let b = annotate([
            "The writer Jared Saxton teaches at Tarn Southern University. Students come to see him.",
            "(See Saxton’s full timeline of the rally below.)",
            "“I was surprised by the casualness,” said Saxton.",
        ])
        #expect(quote(b, "I was surprised")?.speaker == "Jared Saxton")
    }

    @Test func anEntertainersRoleOpeningTheSentenceIsNoPartOfTheName() {
        let a = annotate([
            "Actor Clint Howwerd admits his choice is “not the most handsome man in the field.”",
            "“He has courage,” Howwerd said.",
        ])
        #expect(a.entities.contains { $0.name == "Clint Howwerd" && $0.type == .person })
        #expect(!a.entities.contains { $0.name.hasPrefix("Actor") })
        #expect(quote(a, "He has courage")?.speaker == "Clint Howwerd")
    }
}
