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

    /// The eight-byte tests scanners skip with say exactly whether some byte matches.
    @Test func eightByteTestsAreExact() {
        let fillers: [UInt8] = [0x00, 0x01, 0x20, 0x21, 0x41, 0x7F, 0x80, 0xC3, 0xE2, 0xFF]
        for filler in fillers {
            for target: UInt8 in [0x00, 0x0A, 0x21, 0x22, 0x27, 0x2E, 0x3F, 0x5C, 0x60] {
                for position in -1..<8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    if position >= 0 { bytes[position] = target }
                    let x = bytes.withUnsafeBufferPointer { UTF8Scalar.load8($0, 0) }
                    #expect((UTF8Scalar.bytes(x, equal: target) != 0) == bytes.contains(target))
                    #expect((UTF8Scalar.bytes(x, below: 0x20) != 0) == bytes.contains { $0 < 0x20 })
                    #expect((UTF8Scalar.nonASCIIBytes(x) != 0) == bytes.contains { $0 >= 0x80 })
                }
            }
        }
    }

    /// `splitAtSpaces` gives the words `split(separator: " ")` gives, also where
    /// a space is part of a larger `Character`.
    @Test func splitAtSpacesMatchesTheCharacterSplit() {
        let samples = ["Ada B. Quill", "  two  spaces ", "", " ", "Zoë Ångström", "O’Brien said",
                       "e \u{301}x", "a\u{600} b", "tab\tand space", "\r\n x", "last ", "Élysée Palace"]
        for s in samples {
            #expect(s.splitAtSpaces().map(String.init) == s.split(separator: " ").map(String.init))
            #expect(s.splitAtSpaces().map { Array($0.utf8) } == s.split(separator: " ").map { Array($0.utf8) })
        }
    }
}
