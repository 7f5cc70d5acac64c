import Testing
@testable import NewsKit

@Suite struct SentenceSplitterTests {
    func sentences(_ s: String) -> [String] { SentenceSplitter.split(s).map { s.utf8Slice($0.lowerBound, $0.upperBound) } }

    @Test func splitsOnFullStops() {
        #expect(sentences("The dam held. Engineers were relieved! Was it luck? Nobody knew.") ==
                ["The dam held.", "Engineers were relieved!", "Was it luck?", "Nobody knew."])
    }

    @Test func abbreviationsAndInitialsDoNotSplit() {
        #expect(sentences("Sen. Ada Quill met Dr. P. Okafor on Jan. 4 in the U.S. Capitol. They spoke.") ==
                ["Sen. Ada Quill met Dr. P. Okafor on Jan. 4 in the U.S. Capitol.", "They spoke."])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("“We are ready.” The mayor smiled. \"Go now.\" He left.") ==
                ["“We are ready.”", "The mayor smiled.", "\"Go now.\"", "He left."])
    }

    @Test func questionInsideQuoteBeforeAttributionDoesNotSplit() {
        #expect(sentences("“Why wait?” she asked. Then she went.") == ["“Why wait?” she asked.", "Then she went."])
    }

    @Test func gluedFullStopSplits() {
        #expect(sentences("They argued the town’s case.The vote came later, see quillnews.com.") ==
                ["They argued the town’s case.", "The vote came later, see quillnews.com."])
    }

    @Test func lineBreaksSplit() {
        #expect(sentences("First line without stop\nSecond line.") == ["First line without stop", "Second line."])
    }

    @Test func decimalsAndLowercaseContinuations() {
        #expect(sentences("Growth was 3.5 percent. Prices rose... and so on. e.g. here") ==
                ["Growth was 3.5 percent.", "Prices rose... and so on. e.g. here"])
    }
}
