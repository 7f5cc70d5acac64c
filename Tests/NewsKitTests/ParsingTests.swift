import Foundation
import Testing
@testable import NewsKit

/// Parsing of plain-text wire and newspaper copy, one pattern or trap a test.
@Suite struct ParsingTests {
    func parse(_ text: String) throws -> Story {
        try WireStoryParser().parse(text: text, source: "test.txt")
    }

    static let wire = """
    Lagoon council ‘will not back down’ on ferry fares, says mayor

    By Odile Fenwick, Marek Szabo and Tunde Bakare

    LISBON/MADEIRA (Reuters) -Lisbon’s ferry council said on Monday it would keep fares frozen.

    “We will not back down,” Mayor Ana Quaresma said.

    FARES FROZEN UNTIL JUNE

    The council meets again in June.

    (Reporting by Odile Fenwick in Lisbon and Marek Szabo in Funchal; additional reporting by Tunde Bakare, Ines Moura; Rui Pato; writing by Odile Fenwick; Editing by Carl Vance and Jo Brink)

    tagreuters.com2026binary_TESTIMAGE01-VIEWIMAGE

    tagreuters.com2026binary_TESTIMAGE02-VIEWIMAGE
    """

    @Test func wireStoryParts() throws {
        let story = try parse(Self.wire)
        #expect(story.headline == "Lagoon council ‘will not back down’ on ferry fares, says mayor")
        #expect(story.bylineText == "By Odile Fenwick, Marek Szabo and Tunde Bakare")
        #expect(story.byline == ["Odile Fenwick", "Marek Szabo", "Tunde Bakare"])
        #expect(story.dateline == Dateline(raw: "LISBON/MADEIRA (Reuters) -", places: ["LISBON", "MADEIRA"], agency: "Reuters"))
        #expect(story.paragraphs.map(\.kind) == [.body, .body, .subhead, .body, .credit])
        #expect(story.paragraphs[0].text == "Lisbon’s ferry council said on Monday it would keep fares frozen.")
        #expect(story.paragraphs[1].text == "“We will not back down,” Mayor Ana Quaresma said.")
        #expect(story.media == ["tagreuters.com2026binary_TESTIMAGE01-VIEWIMAGE", "tagreuters.com2026binary_TESTIMAGE02-VIEWIMAGE"])
    }

    @Test func creditRolesWithoutPlaces() throws {
        let story = try parse(Self.wire)
        #expect(story.credits == [
            Credit(role: .reporting, people: ["Odile Fenwick", "Marek Szabo"]),
            Credit(role: .additionalReporting, people: ["Tunde Bakare", "Ines Moura", "Rui Pato"]),
            Credit(role: .writing, people: ["Odile Fenwick"]),
            Credit(role: .editing, people: ["Carl Vance", "Jo Brink"]),
        ])
        #expect(story.paragraphs.last?.text.hasPrefix("(Reporting by Odile Fenwick") == true)
    }

    @Test func datelineWithDateAndDashes() throws {
        let cases: [(String, Dateline, String)] = [
            ("ROME, April 17 (Reuters) - The senate voted.",
             Dateline(raw: "ROME, April 17 (Reuters) -", places: ["ROME"], date: "April 17", agency: "Reuters"), "The senate voted."),
            ("BERLIN (AFP) — The senate voted.",
             Dateline(raw: "BERLIN (AFP) —", places: ["BERLIN"], agency: "AFP"), "The senate voted."),
            ("OTTAWA (Bloomberg) – The senate voted.",
             Dateline(raw: "OTTAWA (Bloomberg) –", places: ["OTTAWA"], agency: "Bloomberg"), "The senate voted."),
            ("LEEDS, England, Feb. 2, 2026 (AP) — The senate voted.",
             Dateline(raw: "LEEDS, England, Feb. 2, 2026 (AP) —", places: ["LEEDS", "England"], date: "Feb. 2, 2026", agency: "AP"),
             "The senate voted."),
            ("NAIROBI — The senate voted.", Dateline(raw: "NAIROBI —", places: ["NAIROBI"]), "The senate voted."),
            ("New York (AFP) - The senate voted.",
             Dateline(raw: "New York (AFP) -", places: ["New York"], agency: "AFP"), "The senate voted."),
            ("SAINT-MALO, France - The senate voted.",
             Dateline(raw: "SAINT-MALO, France -", places: ["SAINT-MALO", "France"]), "The senate voted."),
        ]
        for (first, expected, rest) in cases {
            let story = try parse("Headline\n\n\(first)\n\nSecond paragraph.")
            #expect(story.dateline == expected, "\(first)")
            #expect(story.paragraphs.first?.text == rest, "\(first)")
        }
    }

    @Test func datelineTraps() throws {
        let dated = try parse("Headline\n\nMar 3 (Reuters) - Ferry fares rose.\n\nMore.")
        #expect(dated.dateline == Dateline(raw: "Mar 3 (Reuters) -", places: [], date: "Mar 3", agency: "Reuters"))
        #expect(dated.paragraphs[0].text == "Ferry fares rose.")
        // A place that starts like a month or weekday is still a place.
        let monroe = try parse("Headline\n\nMONROE, La., Dec. 4 (AP) — Ferry fares rose.\n\nMore.")
        #expect(monroe.dateline?.places == ["MONROE", "La."])
        #expect(monroe.dateline?.date == "Dec. 4")
        // The dateline ends at the first dash; a bracket after it is no agency.
        let party = try parse("Headline\n\nDOVER, Del. — Sen. Ada Vine (D-Del.) spoke.\n\nMore.")
        #expect(party.dateline == Dateline(raw: "DOVER, Del. —", places: ["DOVER", "Del."]))
        #expect(party.paragraphs[0].text == "Sen. Ada Vine (D-Del.) spoke.")
        let agencyOnly = try parse("Headline\n\n(Bloomberg) -- Copper rose.\n\nMore.")
        #expect(agencyOnly.dateline == Dateline(raw: "(Bloomberg) --", places: [], agency: "Bloomberg"))
        #expect(agencyOnly.paragraphs[0].text == "Copper rose.")
        let aside = try parse("Headline\n\n(This story corrects a name) The port reopened.\n\nMore.")
        #expect(aside.dateline == nil)
        let update = try parse("Headline\n\nUPDATE: 5/12 — The listing was removed.\n\nMore.")
        #expect(update.dateline == nil)
    }

    @Test func datelineAfterAnEditorsNote() throws {
        let story = try parse("Headline\n\n(This story corrects the spelling of the mayor's name in the second paragraph)\n\nBERGEN (Reuters) - Fares rose.\n\nMore.")
        #expect(story.dateline?.places == ["BERGEN"])
        #expect(story.paragraphs.map(\.text) == [
            "(This story corrects the spelling of the mayor's name in the second paragraph)", "Fares rose.", "More.",
        ])
    }

    @Test func datelineAloneOnItsLine() throws {
        let story = try parse("Headline\n\nBERGEN (Reuters) -\n\nFares rose.\n\n(Reporting by Lu Wen; Editing by Kit Marr)")
        #expect(story.dateline?.places == ["BERGEN"])
        #expect(story.paragraphs.map(\.text) == ["Fares rose.", "(Reporting by Lu Wen; Editing by Kit Marr)"])
        #expect(story.paragraphs.map(\.kind) == [.body, .credit])
    }

    @Test func datelineWithoutSpaceBeforeText() throws {
        let story = try parse("Headline\n\nDUBLIN (Reuters) -U.N. envoys met.\n\nMore.")
        #expect(story.dateline?.agency == "Reuters")
        #expect(story.paragraphs[0].text == "U.N. envoys met.")
    }

    @Test func ordinaryOpeningIsNoDateline() throws {
        for first in [
            "U.S.-backed talks — the first in years — opened on Monday.",
            "The mayor (a Green) said - quietly - that fares would rise.",
            "NATO allies met in Brussels.",
            "“Nobody (Reuters) - knows,” she said.",
            "The mayor (Green) - who won in May - spoke first.",
        ] {
            let story = try parse("Headline\n\n\(first)\n\nMore.")
            #expect(story.dateline == nil, "\(first)")
            #expect(story.paragraphs[0].text == first)
        }
    }

    @Test func storyWithoutBylineDatelineOrCredits() throws {
        let story = try parse("Quiet day at the harbour\n\nBoats stayed in port.\n\nThe wind dropped by evening.\n")
        #expect(story.bylineText == nil)
        #expect(story.byline.isEmpty)
        #expect(story.dateline == nil)
        #expect(story.credits.isEmpty)
        #expect(story.media.isEmpty)
        #expect(story.paragraphs == [Paragraph("Boats stayed in port."), Paragraph("The wind dropped by evening.")])
    }

    @Test func sentenceStartingWithByIsNoByline() throws {
        let story = try parse("Headline\n\nBy the end of the week, the strike was over.\n\nMore.")
        #expect(story.bylineText == nil)
        #expect(story.paragraphs.count == 2)
    }

    @Test func bylineDropsAgencyWords() throws {
        let story = try parse("Headline\n\nBy Amira Dahl and Jonas Reiter, Associated Press\n\nBody.")
        #expect(story.byline == ["Amira Dahl", "Jonas Reiter"])
        let caps = try parse("Headline\n\nBy AMIRA DAHL and JONAS REITER Associated Press\n\nBody.")
        #expect(caps.byline == ["AMIRA DAHL", "JONAS REITER"])
        let staff = try parse("Headline\n\nBy Reuters Staff\n\nOSLO (Reuters) - Fares rose.")
        #expect(staff.bylineText == "By Reuters Staff")
        #expect(staff.byline.isEmpty)
        #expect(staff.paragraphs.map(\.text) == ["Fares rose."])
        let twoLines = try parse("Headline\n\nBy Amira Dahl\nAssociated Press\n\nDOVER, Del. (AP) — Fares rose.")
        #expect(twoLines.byline == ["Amira Dahl"])
        #expect(twoLines.dateline?.agency == "AP")
        #expect(twoLines.paragraphs.map(\.text) == ["Fares rose."])
    }

    @Test func crlfLoneCRAndBOM() throws {
        let crlf = try parse("\u{FEFF}Headline\r\n\r\nBy Amira Dahl\r\n\r\nFirst.\r\n\r\nSecond.\r\n")
        #expect(crlf.headline == "Headline")
        #expect(crlf.byline == ["Amira Dahl"])
        #expect(crlf.paragraphs.map(\.text) == ["First.", "Second."])
        let cr = try parse("Headline\r\rFirst.\r\rSecond.")
        #expect(cr.paragraphs.map(\.text) == ["First.", "Second."])
    }

    @Test func noBreakSpacesAreTrimmedAndBlank() throws {
        let story = try parse("Headline\n\n\u{00A0}Boats stayed in port.\u{00A0}\n\u{00A0}\nThe wind dropped.")
        #expect(story.paragraphs.map(\.text) == ["Boats stayed in port.", "The wind dropped."])
    }

    @Test func singleNewlineParagraphs() throws {
        let text = """
        Mayor vows to fix potholes
        Gov. Hal Brisco said on Friday the state would pay half the bill.
        "We will fix every one of them," Brisco said.
        Rep. Nia Calder called the plan ''overdue.''
        ``It is about time,'' she said.
        """
        let story = try parse(text)
        #expect(story.headline == "Mayor vows to fix potholes")
        #expect(story.paragraphs.count == 4)
        #expect(story.paragraphs[2].text == "Rep. Nia Calder called the plan ''overdue.''")
        #expect(story.paragraphs[3].text == "``It is about time,'' she said.")
    }

    @Test func wrappedHeadlineIsJoined() throws {
        let story = try parse("Harbour council votes to keep ferry fares\nfrozen until June\n\nBy Ada Lind\n\nBody.")
        #expect(story.headline == "Harbour council votes to keep ferry fares frozen until June")
        #expect(story.byline == ["Ada Lind"])
    }

    @Test func hardWrappedParagraphsAreJoined() throws {
        let text = """
        Storm closes ferry routes

        High winds closed three ferry routes on Sunday and the coast
        guard warned boats to stay in port until the storm had passed
        over the islands.

        Officials said the routes would reopen on Tuesday.
        """
        let story = try parse(text)
        #expect(story.paragraphs.count == 2)
        #expect(story.paragraphs[0].text == "High winds closed three ferry routes on Sunday and the coast guard warned boats to stay in port until the storm had passed over the islands.")
    }

    @Test func titleAndListLinesAreNotJoined() throws {
        let text = """
        Ferry news

        Island Mayor Wins ‘Historic’ Vote On Ferry Fares
        See the results below

        1
        Harbour Fees Frozen For A Year
        """
        let story = try parse(text)
        #expect(story.paragraphs.map(\.text) == [
            "Island Mayor Wins ‘Historic’ Vote On Ferry Fares", "See the results below", "1",
            "Harbour Fees Frozen For A Year",
        ])
    }

    @Test func wrappedLinesMayOpenWithAQuote() throws {
        let text = "Headline\n\nThe mayor called the plan\n\"a disgrace\" and said she\nwould fight it in court."
        let story = try parse(text)
        #expect(story.paragraphs.map(\.text) == ["The mayor called the plan \"a disgrace\" and said she would fight it in court."])
    }

    @Test func gluedParagraphsAndQuotesStayAsWritten() throws {
        let story = try parse("Headline\n\nThe mayor made her case.The talks ended. She said \"no\" and ‘never’.\n\nMore.")
        #expect(story.paragraphs[0].text == "The mayor made her case.The talks ended. She said \"no\" and ‘never’.")
    }

    @Test func subheadsAreAllCaps() {
        #expect(StoryBody.isSubhead("FARES FROZEN UNTIL JUNE"))
        #expect(StoryBody.isSubhead("ÉLAN AT THE SÉNAT"))
        #expect(!StoryBody.isSubhead("Fares frozen until June"))
        #expect(!StoryBody.isSubhead("NATO"))
        #expect(!StoryBody.isSubhead("ÉLAN at the sénat"))
        #expect(!StoryBody.isSubhead("(REPORTING BY NOBODY)"))
    }

    @Test func mediaLinesLeaveTheText() throws {
        let story = try parse("Headline\n\nBody text.\n\nImage: harbour at dawn\n\nPhoto: the mayor\n\n#ferries #lisbon")
        #expect(story.paragraphs.map(\.text) == ["Body text."])
        #expect(story.media == ["Image: harbour at dawn", "Photo: the mayor", "#ferries #lisbon"])
    }

    @Test func creditsBeforeClosingBoilerplate() throws {
        let story = try parse("Headline\n\nBody one.\n\nBody two.\n\n(Reporting by Lu Wen; Editing by Kit Marr)\n\nOur Standards: The Harbour Trust Principles.")
        #expect(story.credits == [Credit(role: .reporting, people: ["Lu Wen"]), Credit(role: .editing, people: ["Kit Marr"])])
        #expect(story.paragraphs.map(\.kind) == [.body, .body, .credit, .body])
    }

    @Test func contributorLineIsACredit() throws {
        let story = try parse("Headline\n\nBody one.\n\nBody two.\n\nAssociated Press writers Lu Wen in Accra and Sam Ode contributed to this report.")
        #expect(story.credits == [Credit(role: .additionalReporting, people: ["Lu Wen", "Sam Ode"])])
        #expect(story.paragraphs.last?.kind == .credit)
        let money = try parse("Headline\n\nBody one.\n\nBody two.\n\nLu Wen contributed $5 million to the campaign.")
        #expect(money.credits.isEmpty)
    }

    @Test func captionsInsideTheBodyAreMedia() throws {
        let story = try parse("Headline\n\nFILE PHOTO: The harbour at dawn, March 3. REUTERS/Ada Lind/File Photo\n\nOSLO (Reuters) - Fares rose.\n\nThe mayor spoke.\n\nFerries at the quay. REUTERS/Ben Ode\n\nMore.")
        #expect(story.media == ["FILE PHOTO: The harbour at dawn, March 3. REUTERS/Ada Lind/File Photo", "Ferries at the quay. REUTERS/Ben Ode"])
        #expect(story.paragraphs.map(\.text) == ["Fares rose.", "The mayor spoke.", "More."])
        #expect(story.dateline?.places == ["OSLO"])
    }

    @Test func finalSentenceWithByIsNoCredit() throws {
        let story = try parse("Headline\n\nBody text.\n\nThe bill was passed by the senate.")
        #expect(story.credits.isEmpty)
        #expect(story.paragraphs.last?.kind == .body)
    }

    @Test func creditPlacesWithStateAreNotPeople() {
        let credits = CreditReader.credits("(Additional reporting by Lu Wen in Accra, Sam Ode in Fort Wayne, Indiana and Kit Marr; Editing by Jo Brink)")
        #expect(credits?.first == Credit(role: .additionalReporting, people: ["Lu Wen", "Sam Ode", "Kit Marr"]))
    }

    @Test func creditDesksAreNotPeople() {
        let credits = CreditReader.credits("(Reporting by Lu Wen and Reuters Television; Editing by Kit Marr)")
        #expect(credits?.first == Credit(role: .reporting, people: ["Lu Wen"]))
    }

    @Test func creditRolesSeparatedByCommas() {
        let credits = CreditReader.credits("(Reporting By Lu Wen in Accra, editing by Kit Marr and Jo Brink)")
        #expect(credits == [Credit(role: .reporting, people: ["Lu Wen"]), Credit(role: .editing, people: ["Kit Marr", "Jo Brink"])])
    }

    @Test func creditWithoutParenthesesAndContinuation() throws {
        let credits = CreditReader.credits("Reporting by Lu Wen and Sam Ode in Accra; Editing by Kit Marr.")
        #expect(credits == [Credit(role: .reporting, people: ["Lu Wen", "Sam Ode"]), Credit(role: .editing, people: ["Kit Marr"])])
    }

    @Test func emptyTextIsAnError() {
        #expect(throws: StoryInputError.empty(path: "test.txt")) { try parse("\n\n  \n") }
    }

    @Test func offsetsPointIntoParagraphText() throws {
        let story = try parse(Self.wire)
        let text = story.paragraphs[1].text
        let start = text.utf8.firstIndex(of: UInt8(ascii: "W"))!
        #expect(text.utf8.distance(from: text.utf8.startIndex, to: start) == 3)
    }

    // Byte-level stand-ins for Foundation (ByteText): the same answers as
    // `trimmingCharacters(in: .whitespaces)` and `Character.isUppercase`.

    @Test func blanksTrimmedAreUnicodeSpaceSeparatorsAndTabs() {
        // Tab, no-break space, en quad, narrow no-break space, ideographic space.
        #expect(ByteText.trimmingBlanks("\t\u{00A0}\u{2000} Lu Wen\u{202F}\u{3000} ") == "Lu Wen")
        #expect(ByteText.trimmingBlanks("Lu Wen") == "Lu Wen")
        #expect(ByteText.trimmingBlanks(" \u{00A0} ") == "")
        // Line ends and zero-width spaces are no blanks (not in `.whitespaces`).
        #expect(ByteText.trimmingBlanks("\nLu Wen\u{200B}") == "\nLu Wen\u{200B}")
        // A multi-byte letter next to the edge stays whole.
        #expect(ByteText.trimmingBlanks(" Ødegård ") == "Ødegård")
    }

    @Test func uppercaseCharacterByBytesAndByScalar() {
        let bytes = Array("in Åre in paris in A\u{0301}".utf8)
        #expect(ByteText.isUppercaseCharacter(bytes, at: 3, end: bytes.count))  // Å
        #expect(!ByteText.isUppercaseCharacter(bytes, at: 11, end: bytes.count))  // p
        #expect(ByteText.isUppercaseCharacter(bytes, at: 20, end: bytes.count))  // A + combining acute
        #expect(!ByteText.isUppercaseCharacter(bytes, at: 3, end: 3))
    }

    @Test func creditNamesSplitAtAndAmpersandAndCommas() {
        #expect(CreditReader.splitNames("Lu Wen, Sam Ode & Kit Marr and Jo Brink.") == ["Lu Wen", "Sam Ode", "Kit Marr", "Jo Brink"])
        #expect(CreditReader.splitNames(" , Lu Wen,,") == ["Lu Wen"])
        // Only full stops and closing brackets are trimmed from names.
        #expect(CreditReader.splitNames("(Lu Wen) & Kit Marr") == ["(Lu Wen", "Kit Marr"])
        // "Andersen" holds "and" but not " and ".
        #expect(CreditReader.splitNames("Mia Andersen and Ole Sand") == ["Mia Andersen", "Ole Sand"])
    }

    @Test func creditPlacesCutOnlyBeforeACapital() {
        // "in town" is no place name: the part stays whole and is no name.
        #expect(CreditReader.creditNames("Lu Wen in Åre and Sam Ode in town") == ["Lu Wen"])
        #expect(CreditReader.creditNames("Lu Wen in Åre, Sweden and Sam Ode") == ["Lu Wen", "Sam Ode"])
    }

    @Test func otherCreditRolesAndCase() {
        #expect(CreditReader.credits("(REPORTING BY Lu Wen; Graphics by Sam Ode)")
            == [Credit(role: .reporting, people: ["Lu Wen"]), Credit(role: .other, people: ["Sam Ode"])])
        // More than 24 characters before "by" is no role of its own: the segment
        // goes on the last role, where "the …" names nobody.
        #expect(CreditReader.credits("(Reporting by Lu Wen; the very long graphic design team by Sam Ode)")
            == [Credit(role: .reporting, people: ["Lu Wen"])])
    }
}
