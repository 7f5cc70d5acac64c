import Testing
@testable import NewsKit

/// A story from body paragraphs alone (no parser involved).
func storyFrom(_ paragraphs: [String], headline: String = "Talks resume", source: String = "test") -> Story {
    Story(source: source, headline: headline, paragraphs: paragraphs.map { Paragraph($0) })
}

func recognize(_ story: Story) -> [Entity] { EntityRecognizer().recognize(story) }

extension Array where Element == Entity {
    func named(_ name: String) -> Entity? { first { $0.name == name } }
    var people: [String] { filter { $0.type == .person }.map(\.name) }
    var places: [String] { filter { $0.type == .place }.map(\.name) }
    var organizations: [String] { filter { $0.type == .organization }.map(\.name) }
}

/// Every mention's text is exactly the bytes its span names, on UTF-8 boundaries.
func expectSpansMatchText(_ entities: [Entity], in story: Story, sourceLocation: SourceLocation = #_sourceLocation) {
    for entity in entities {
        for mention in entity.mentions {
            let text = story.text(of: mention.span.field, paragraph: mention.span.paragraph)
            #expect(slice(text, mention.span) == mention.text, "\(entity.name): \(mention)", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct EntityRecognizerTests {
    @Test func titlesAreNotPartOfNames() {
        let story = storyFrom([
            "Secretary of State Marlo Venn said the deal was close, and U.S. Defense Secretary Petra Quill agreed.",
            "Sen. Ottilie Brandt and Gov. Hollis Karp spoke after Dr. Imre Szabo.",
        ])
        let entities = recognize(story)
        #expect(Set(entities.people) == ["Marlo Venn", "Petra Quill", "Ottilie Brandt", "Hollis Karp", "Imre Szabo"])
        let venn = entities.named("Marlo Venn")
        #expect(venn?.mentions.first?.text == "Marlo Venn")
        #expect(venn?.mentions.first?.span.start == "Secretary of State ".utf8.count)
        #expect(entities.places == ["U.S."])
        expectSpansMatchText(entities, in: story)
    }

    @Test func surnameJoinsFullNameEarlierOrLater() {
        let story = storyFrom([
            "Venn arrived first. Officials said Venn looked tired.",
            "Foreign Minister Marlo Venn later met Dario Pell.",
            "Pell and Venn’s aides left together, Pell said.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Marlo Venn", "Dario Pell"])
        #expect(entities.named("Marlo Venn")?.mentions.map(\.text) == ["Venn", "Venn", "Marlo Venn", "Venn"])
        #expect(entities.named("Dario Pell")?.mentions.count == 3)
        expectSpansMatchText(entities, in: story)
    }

    @Test func sharedFirstNameIsNeverMerged() {
        let story = storyFrom([
            "President Gideon Tarrow hosted envoy Gideon Halsey in the capital.",
            "Tarrow said Halsey would return. Halsey declined to comment.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Gideon Tarrow", "Gideon Halsey"])
        #expect(entities.named("Gideon Tarrow")?.mentions.count == 2)
        #expect(entities.named("Gideon Halsey")?.mentions.count == 3)
    }

    @Test func sameSurnameStaysApartAndBareSurnameGoesToNearest() {
        let story = storyFrom([
            "Clara Ostrander, the mayor, praised the plan.",
            "Her brother Paul Ostrander, a farmer, opposed it. Ostrander said prices would rise.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Clara Ostrander", "Paul Ostrander"])
        #expect(entities.named("Clara Ostrander")?.mentions.count == 1)
        #expect(entities.named("Paul Ostrander")?.mentions.count == 2)
    }

    @Test func possessivesAreNotPartOfNames() {
        let story = storyFrom([
            "Lorna Fitch’s office said Fitch's plan was ready, and Fitch’s aides agreed.",
            "The Jameses' house stood near Norway’s border.",
        ])
        let entities = recognize(story)
        let fitch = entities.named("Lorna Fitch")
        #expect(fitch?.mentions.map(\.text) == ["Lorna Fitch", "Fitch", "Fitch"])
        #expect(entities.places.contains("Norway"))
        expectSpansMatchText(entities, in: story)
    }

    @Test func honorificJoinsSurname() {
        let story = storyFrom([
            "Anselm Crowther, 61, runs the mill. Mr. Crowther said demand was weak.",
            "Ms. Ridley, who works there, disagreed. Nessa Ridley said orders were up.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Anselm Crowther", "Nessa Ridley"])
        #expect(entities.named("Anselm Crowther")?.mentions.map(\.text) == ["Anselm Crowther", "Crowther"])
        #expect(entities.named("Nessa Ridley")?.mentions.map(\.text) == ["Ridley", "Nessa Ridley"])
    }

    @Test func monthsWeekdaysDemonymsAndUSAreNotPeople() {
        let story = storyFrom([
            "On Thursday in March, French and Ukrainian officials met U.S. negotiators.",
            "However, Europeans said the U.S. would wait until May. Christian groups objected on Sunday.",
        ])
        let entities = recognize(story)
        #expect(entities.people.isEmpty)
        #expect(entities.places == ["U.S."])
        #expect(entities.named("U.S.")?.mentions.count == 2)
    }

    @Test func organisationsFromCuesAndAcronyms() {
        let story = storyFrom([
            "The Ministry of Fisheries and Quenby University signed a deal with Valdon Bank.",
            "NATO and the Harlow Township Council backed it, the Justice Department said.",
            "Marisol Pike of the Pike Family Foundation welcomed it.",
        ])
        let entities = recognize(story)
        #expect(Set(entities.organizations).isSuperset(of: [
            "Ministry of Fisheries", "Quenby University", "Valdon Bank", "NATO", "Harlow Township Council",
            "Justice Department", "Pike Family Foundation",
        ]))
        #expect(entities.people == ["Marisol Pike"])
    }

    @Test func placesFromGazetteersAndContext() {
        let story = storyFrom([
            "Talks moved from Geneva to Nairobi, then to Texas and the Middle East.",
            "Residents of the town of Vellmarsh fled, while Chile and Peru sent aid.",
        ])
        let entities = recognize(story)
        #expect(Set(entities.places) == ["Geneva", "Nairobi", "Texas", "Middle East", "Vellmarsh", "Chile", "Peru"])
        #expect(entities.people.isEmpty)
    }

    @Test func titlesOfWorksAreNotNames() {
        let story = storyFrom([
            "The Arctic is warming, and the Atlantic fleet is idle in Arctic waters.",
            "Fans sang “Glory To The Harbour,” before Mara Quint spoke. Three Baltic ministers listened.",
            "Her paper, “A Silent Harvest at the Edge,” appeared in Oslo.",
        ])
        let entities = recognize(story)
        #expect(Set(entities.places) == ["Arctic", "Atlantic", "Oslo"])
        #expect(entities.named("Arctic")?.mentions.count == 2)
        #expect(entities.named("Silent Harvest")?.type == .other)
        #expect(entities.people == ["Mara Quint"])
        #expect(entities.named("Glory To The Harbour")?.type == .other)
    }

    @Test func adjectivesCompoundsAndTeamsAreNotPeople() {
        let story = storyFrom([
            "Republican strategist Oren Falk said Latino voters in South Dakota were split.",
            "The Oslo-based fund backed the Denver Comets, and I’m sure the Brightwater Act passes, Falk said.",
            "Christian Vogel, a Catholic priest, met Prominent Republican donors.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Oren Falk", "Christian Vogel"])
        #expect(entities.places.contains("South Dakota"))
        #expect(entities.organizations.contains("Denver Comets"))
        #expect(entities.named("Brightwater Act")?.type == .other)
        #expect(!entities.contains { $0.name.contains("Republican") || $0.name.hasPrefix("I") })
    }

    @Test func commonFirstWordsAndPlaceStarts() {
        let story = storyFrom([
            "Stranded Fishermen waited in San Ardelo. Pro-Valdon Rebels fought near Fort Keller.",
            "The fishermen were stranded for days, said Maren Holt.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Maren Holt"])
        #expect(Set(entities.places).isSuperset(of: ["San Ardelo", "Fort Keller"]))
    }

    @Test func courtTitlesCamelCaseCompaniesAndPlaceNouns() {
        let story = storyFrom([
            "U.S. District Judge Orla Brennick fined LedgerKite, and Acting U.S. Attorney Nadia Park agreed.",
            "Boats sank on the Varrow river and off Skellund. Typhoon Ondine hit Central Park.",
            "Ewan McTavish and Ciara DeMarco watched.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Orla Brennick", "Nadia Park", "Ewan McTavish", "Ciara DeMarco"])
        #expect(entities.organizations == ["LedgerKite"])
        #expect(Set(entities.places) == ["U.S.", "Varrow", "Skellund", "Central Park"])
        #expect(entities.named("Typhoon Ondine")?.type == .other)
    }

    @Test func acronymsSuffixesAndDistricts() {
        let story = storyFrom([
            "The KLM Tour stopped in the South Side, where Senate Minority Whip Dora Quayle met Ronald Ames III.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Dora Quayle", "Ronald Ames III"])
        #expect(entities.organizations.contains("KLM Tour"))
        #expect(entities.places == ["South Side"])
    }

    @Test func shortFormsOfOrganisationsJoinTheFullName() {
        let story = storyFrom([
            "The European Union and Korvane Logistics signed a deal.",
            "An EU official said Korvane would hire, and the EU agreed. Korvane said so.",
        ])
        let entities = recognize(story)
        #expect(entities.organizations == ["European Union", "Korvane Logistics"])
        #expect(entities.named("European Union")?.mentions.map(\.text) == ["European Union", "EU", "EU"])
        #expect(entities.named("Korvane Logistics")?.mentions.count == 3)
    }

    @Test func wordsBeforeAGivenNameAndNicknamesOfPlaces() {
        let story = storyFrom([
            "Hall of Famer Victor Brisk met the New York Comets in the Granite State after World War II.",
        ])
        let entities = recognize(story)
        #expect(entities.people == ["Victor Brisk"])
        #expect(entities.organizations.contains("New York Comets"))
        #expect(entities.places.contains("Granite State"))
        #expect(entities.named("World War II")?.type == .other)
    }

    @Test func writtenPlaceFormsStayApart() {
        let story = storyFrom(["The U.S. and the United States are one country; US officials agreed."])
        let entities = recognize(story)
        #expect(Set(entities.places) == ["U.S.", "United States"])
        #expect(entities.named("United States")?.mentions.map(\.text) == ["United States", "US"])
    }

    @Test func loneUnknownWordsNeedToRecur() {
        let story = storyFrom(["The Quorvex platform grew. Users of Zentrip stayed, and Quorvex hired."])
        let entities = recognize(story)
        #expect(entities.named("Quorvex")?.type == .other)
        #expect(entities.named("Zentrip") == nil)
    }

    @Test func adjacentPlacesSplit() {
        let story = storyFrom(["Speaking in Kenya Uganda said it would reopen the border."])
        let entities = recognize(story)
        #expect(Set(entities.places) == ["Kenya", "Uganda"])
    }

    @Test func nameConnectorsInitialsAndHyphens() {
        let story = storyFrom([
            "Ludmila van der Berg met Omar bin Talal and Karim al-Rashed in Oslo.",
            "Siobhan O’Grady, Ewan McTavish and Jean-Luc Perrin joined Harold J. Finch.",
            "Harold Finch said van der Berg and O’Grady agreed.",
        ])
        let entities = recognize(story)
        let people = Set(entities.people)
        #expect(people == [
            "Ludmila van der Berg", "Omar bin Talal", "Karim al-Rashed", "Siobhan O’Grady", "Ewan McTavish",
            "Jean-Luc Perrin", "Harold J. Finch",
        ])
        #expect(entities.named("Harold J. Finch")?.mentions.count == 2)
        #expect(entities.named("Siobhan O’Grady")?.mentions.count == 2)
        expectSpansMatchText(entities, in: story)
    }

    @Test func sentenceStartersAreNotPeople() {
        let story = storyFrom([
            "Separately, officials met. Asked about it, Meanwhile nobody spoke.",
            "Officials said the talks were useful. Little changed after that.",
        ])
        #expect(recognize(story).people.isEmpty)
    }

    @Test func cjkAndEmojiNamesKeepRangesOnBoundaries() {
        let story = storyFrom([
            "Officials said 王小明 met Zoë Ångström 🎉 in Oslo on Friday.",
            "🎉🎉 Ångström said “très bien” — 王小明 smiled. Ωmega Çelik nodded.",
            "\u{301}Ábel Nagy and Ábel Kovács 😀😀 waved.",
        ])
        let entities = recognize(story)
        #expect(entities.people.contains("Zoë Ångström"))
        #expect(entities.named("Zoë Ångström")?.mentions.count == 2)
        #expect(entities.contains { $0.mentions.contains { $0.text == "王小明" } })
        #expect(entities.people.contains("Ábel Nagy"))
        #expect(entities.people.contains("Ábel Kovács"))
        expectSpansMatchText(entities, in: story)
    }

    @Test func bylineAndCreditPeopleCountOnce() {
        let credit = "(Reporting by Ines Marlowe in Oslo and Tomas Reyne; Editing by Ines Marlowe and Kit Barrow)"
        let story = Story(
            source: "t", headline: "Fishing quotas cut",
            bylineText: "By Ines Marlowe and Tomas Reyne", byline: ["Ines Marlowe", "Tomas Reyne"],
            paragraphs: [
                Paragraph("Quotas fell sharply, Norway said on Monday."),
                Paragraph(credit, kind: .credit),
            ],
            credits: [
                Credit(role: .reporting, people: ["Ines Marlowe", "Tomas Reyne"]),
                Credit(role: .editing, people: ["Ines Marlowe", "Kit Barrow"]),
            ])
        let entities = recognize(story)
        #expect(entities.people == ["Ines Marlowe", "Tomas Reyne", "Kit Barrow"])
        let marlowe = entities.named("Ines Marlowe")
        #expect(marlowe?.mentions.first?.span.field == .byline)
        #expect(marlowe?.mentions.first?.span.start == 3)
        #expect(marlowe?.mentions.count == 3)
        #expect(Set(entities.places) == ["Norway", "Oslo"])
        expectSpansMatchText(entities, in: story)
    }

    @Test func datelinePlacesAndAgencyCount() {
        let raw = "OSLO/NAIROBI (Reuters) -"
        let story = Story(
            source: "t", headline: "Ferry sinks",
            dateline: Dateline(raw: raw, places: ["OSLO", "NAIROBI"], agency: "Reuters"),
            paragraphs: [Paragraph(raw + "A ferry sank off Lamu, officials said.")])
        let entities = recognize(story)
        #expect(entities.places.starts(with: ["Oslo", "Nairobi"]))
        #expect(entities.named("Oslo")?.mentions.first?.text == "OSLO")
        #expect(entities.organizations == ["Reuters"])
        expectSpansMatchText(entities, in: story)
    }

    /// The parser took the dateline off the text, so its places have no words
    /// there: a place is an entity only where the text names it (every entity
    /// has a mention to jump to), and the dateline says a bare "Lamu" in the
    /// body is the town, not the first word of "Lamu Ferry Company".
    @Test func aDatelinePlaceOutsideTheTextIsAnEntityOnlyWhereTheBodyNamesIt() {
        let story = Story(
            source: "t", headline: "Ferry sinks",
            dateline: Dateline(raw: "LAMU, Kenya (Reuters) -", places: ["LAMU", "Kenya"], agency: "Reuters"),
            paragraphs: [Paragraph("The Lamu Ferry Company said one of its boats sank on Tuesday."),
                         Paragraph("Fishermen in Lamu pulled 40 people from the water.")])
        let entities = recognize(story)
        #expect(entities.places == ["Lamu"])
        #expect(entities.named("Lamu")?.mentions.map(\.span.paragraph) == [1])
        #expect(entities.organizations.contains("Lamu Ferry Company"))
        #expect(entities.named("Lamu Ferry Company")?.mentions.count == 1)
        #expect(!entities.contains { $0.mentions.isEmpty }, "\(entities.map(\.name))")
        expectSpansMatchText(entities, in: story)
    }

    @Test func subheadsAndTitleCaseHeadlinesOnlyGetKnownNames() {
        let story = storyFrom(
            [
                "Prime Minister Hedda Lindqvist met Arvo Kask in Tallinn.",
                "BALTIC LEADERS MEET AGAIN IN TALLINN",
                "Lindqvist said the talks went well.",
            ],
            headline: "Lindqvist Hails Productive Talks With Estonia")
        let entities = recognize(story)
        #expect(entities.people == ["Hedda Lindqvist", "Arvo Kask"])
        let lindqvist = entities.named("Hedda Lindqvist")
        #expect(lindqvist?.mentions.first?.span.field == .headline)
        #expect(lindqvist?.mentions.count == 3)
        #expect(Set(entities.places) == ["Estonia", "Tallinn"])
        #expect(entities.named("Tallinn")?.mentions.map(\.text) == ["Tallinn", "TALLINN"])
        #expect(!entities.contains { $0.name.contains("Hails") || $0.name.contains("Productive") })
        expectSpansMatchText(entities, in: story)
    }

    @Test func entitiesAreInStoryOrderWithOrderedMentions() {
        let story = storyFrom(
            ["Oslo hosted the talks. Bram Tiller spoke in Oslo.", "Tiller left Oslo."],
            headline: "Oslo talks end")
        let entities = recognize(story)
        #expect(entities.map(\.name) == ["Oslo", "Bram Tiller"])
        let spans = entities[0].mentions.map(\.span)
        #expect(spans.first?.field == .headline)
        #expect(spans.dropFirst().map(\.paragraph) == [0, 0, 1])
    }

    @Test func emptyAndOddInputsDoNotCrash() {
        for text in ["", " ", "’s", "A.", "U.S.", "-", "““", "O’", "al-", "\u{301}", "🎉", "J. K.", "Mr.", "'s'", "A B C D E F G"] {
            let story = storyFrom([text], headline: text)
            let entities = recognize(story)
            expectSpansMatchText(entities, in: story)
        }
    }

    @Test func findMatchesWholeWordsOnly() {
        let text = "Marrow and Marr met Marr’s aide; Marr"
        #expect(find("Marr", in: text, from: 0) == 11..<15)
        // "Marr’s" is skipped: the curly apostrophe's bytes count as word bytes.
        #expect(find("Marr", in: text, from: 12) == 35..<39)
        #expect(find("Marr", in: text, from: 0, limit: 14) == nil)
        #expect(find("", in: text, from: 0) == nil)
        #expect(find("Marr", in: "", from: 0) == nil)
        #expect(find("Marr", in: text, from: 100) == nil)
    }

    @Test func formsEndingWithAWord() {
        #expect(EntityClusters.endsWithWord("LU WEN MARR", "WEN MARR"))
        #expect(!EntityClusters.endsWithWord("LU WENMARR", "MARR"))
        #expect(!EntityClusters.endsWithWord("MARR", "MARR"))
        #expect(!EntityClusters.endsWithWord("MARR", "LU MARR"))
    }
}
