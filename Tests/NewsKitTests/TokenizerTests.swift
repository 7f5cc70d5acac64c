import Testing
@testable import NewsKit

@Suite struct TokenizerTests {
    func words(_ s: String) -> [String] { Tokenizer.tokenize(s).map { $0.text(in: s) } }

    @Test func keepsApostrophesInsideWords() {
        #expect(words("Ms. Varga’s team don’t know O’Leary's plan") ==
                ["Ms", ".", "Varga’s", "team", "don’t", "know", "O’Leary's", "plan"])
    }

    @Test func trailingAndLeadingApostrophesAreSeparate() {
        #expect(words("the drivers’ union in the ’90s") == ["the", "drivers", "’", "union", "in", "the", "’", "90s"])
    }

    @Test func initialismsKeepTheirDots() {
        #expect(words("the U.S. envoy met U.N. staff in Washington, D.C. today") ==
                ["the", "U.S.", "envoy", "met", "U.N.", "staff", "in", "Washington", ",", "D.C.", "today"])
    }

    @Test func numbersAndHyphens() {
        #expect(words("a 2,000-page report, 3.5 percent, three-year-old war") ==
                ["a", "2,000-page", "report", ",", "3.5", "percent", ",", "three-year-old", "war"])
    }

    @Test func doubledMarksAreOneToken() {
        #expect(words("''Yes,'' she said. ``No''") == ["''", "Yes", ",", "''", "she", "said", ".", "``", "No", "''"])
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let s = "Élodie Brandt — “ok”"
        let t = Tokenizer.tokenize(s)
        #expect(t[0].start == 0 && t[0].end == 7)
        #expect(t[0].isCapitalized)
        #expect(t.map { $0.text(in: s) } == ["Élodie", "Brandt", "—", "“", "ok", "”"])
    }

    @Test func controlAndEmojiAreNotWords() {
        let s = "go 🚀 now\u{1B}x"
        #expect(words(s) == ["go", "🚀", "now", "\u{1B}", "x"])
    }

    /// `lowercasedQuickly` gives the bytes `lowercased()` gives, ASCII or not.
    @Test func quickLowerCaseMatchesTheStandardLibrary() {
        let samples = ["“It’s TIME,” SAID Quill", "ΟΔΟΣ ΣΑΣ", "İstanbul", "Straße ẞ", "Kelvin \u{212A}", "ﬃ Ǆ ǅ",
                       "Ω\u{0301} É", "plain ascii", "", "\u{1F600} EMOJI"]
        for s in samples {
            #expect(Array(s.lowercasedQuickly().utf8) == Array(s.lowercased().utf8))
        }
    }
}
