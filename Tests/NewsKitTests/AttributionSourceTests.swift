import Testing
@testable import NewsKit

/// Unnamed and collective sources (issue 13): descriptors whose head noun is in
/// no list, texts that `read`, `put it`, abbreviations inside an appositive.
/// Invented copy only.
@Suite struct AttributionSourceTests {
    static let extractor = Extractor()

    func speaker(_ paragraphs: [String], _ prefix: String) -> String? {
        let story = Story(source: "test", headline: "Tarn ferry levy", paragraphs: paragraphs.map { Paragraph($0) })
        let a = Self.extractor.annotate(story)
        return a.quotes.first { $0.kind != .indirect && $0.text.hasPrefix(prefix) }?.speaker
    }

    @Test func invertedVerbWithAnUnlistedDescriptor() {
        #expect(speaker(["“We will not pay twice for the same pier,” said the designer, who drew the first plans."],
                        "We will not") == "designer")
        #expect(speaker(["“It falls on the smallest boats first and hardest,” wrote one commenter."],
                        "It falls") == "one commenter")
        #expect(speaker(["“The levy is a tax on islanders and nothing more,” added another Keldmark Democrat."],
                        "The levy") == "another Keldmark Democrat")
        #expect(speaker(["“We are anxious about the crossing,” said another ferry user, Ada Quill. “The boats are older than we are.”"],
                        "We are anxious") == "Ada Quill")
    }

    @Test func anUnlistedNounAfterTheVerbIsItsObjectBeforeAQuote() {
        // `say the words “…”`: the words are said, they say nothing.
        let s = speaker(["Ada Lund would not say the words “ferry tax” at the meeting on Tuesday night."], "ferry tax")
        #expect(s != "words")
        #expect(speaker(["“It is not a levy anymore, it is a movement,” said the younger Mr. Brenn."], "It is not") != "younger Mr")
    }

    @Test func aTextReads() {
        #expect(speaker(["“Ferries are a road on water and must stay free,” the statement read."], "Ferries") == "statement")
        #expect(speaker(["“Our harbour has already forced the board to change its mind,” read the email."],
                        "Our harbour") == "email")
        #expect(speaker(["The banner read: “No levy without a vote of the islanders.”"], "No levy") == "banner")
    }

    @Test func putItReportsSpeech() {
        #expect(speaker(["As Ada Lund, the board’s longest-serving member, put it, “The harbour does not belong to the board.”"],
                        "The harbour") == "Ada Lund")
    }

    @Test func abbreviationsInsideAnAppositive() {
        #expect(speaker(["“We have waited nine years for this pier,” Mara Quell, 61, a retired net maker in Tarn, Keld., said on Tuesday."],
                        "We have waited") == "Mara Quell")
        #expect(speaker(["“The guild will vote against it,” Senator Ivo Brand, R-Keld., said."], "The guild") == "Ivo Brand")
    }

    @Test func adverbBeforeTheVerbIsNotTheDescriptors() {
        #expect(speaker(["“The plan was rushed through in a single night,” the editorial board recently wrote."],
                        "The plan") == "editorial board")
    }

    @Test func aLowerCaseSubjectOpeningItsClauseBeforeTheVerb() {
        #expect(speaker(["As Lund spoke to the board, the attendees chanted, “No levy, no vote, no ferry tax for the islands!”"],
                        "No levy") == "attendees")
        #expect(speaker(["Lund said as the heckler yelled: “You are selling the harbour to the mainland!”"], "You are") == "heckler")
    }

    @Test func partyNounAfterAModifierIsADescriptor() {
        #expect(speaker(["“The board has been really reluctant to jump in on the levy,” one senior Democrat said."],
                        "The board") == "one senior Democrat")
        #expect(speaker(["“This is crucial for both of them, but more crucial for the board,” said one former Keld leadership aide."],
                        "This is crucial") == "one former Keld leadership aide")
    }

    @Test func aSentenceOfOnlySubjectAndVerbReportsTheQuoteBefore() {
        #expect(speaker(["“Keldmark, if you are listening, I hope you can find the missing ferry money.” Brenn said."],
                        "Keldmark, if") == "Brenn")
        // A sentence that goes on is no cue for the quote before it.
        #expect(speaker(["“Keldmark, if you are listening, I hope you can find the missing ferry money.” Brenn said the board knew."],
                        "Keldmark, if") == nil)
    }

    @Test func capitalisedOpenerStartingTheSentence() {
        #expect(speaker(["Another commenter said, “We all know how she feels about the harbour and the boats.”"], "We all know")
                == "another commenter")
    }

    @Test func accordingToTakesTheWholeNounPhrase() {
        #expect(speaker(["The levy cut traffic with “negligible effects on the island economy,” according to a study last year by economists at Tarn University."],
                        "negligible") == "study last year by economists at Tarn University")
        #expect(speaker(["The ferry owners were put “through the wringer over the levy,” according to their lawyers in a court filing."],
                        "through the") == "their lawyers")
    }
}
