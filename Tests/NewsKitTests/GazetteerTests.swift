import Foundation
import Testing
@testable import NewsKit
@testable import NewsResources

@Suite struct GazetteerTests {
    let gazetteer = Gazetteer.shared

    @Test func placesAndShortForms() {
        #expect(gazetteer.place("U.S.") == "United States")
        #expect(gazetteer.place("PARIS") == "Paris")
        #expect(gazetteer.place("Kyiv") == "Kyiv")
        #expect(gazetteer.place("Texas") == "Texas")
        #expect(gazetteer.place("us") == nil)
        #expect(gazetteer.place("Paris Hilton") == nil)
    }

    /// The folded-key filter rules out only phrases that no name upper-cases to.
    @Test func foldedKeysRuleOutOnlyUnknownPhrases() {
        let keys = FoldedKeys(["UNITED STATES", "PARIS", "U.S."])
        for known in ["Paris", "PARIS", "paris", "United States", "u.s."] { #expect(!keys.excludes(known)) }
        for unknown in ["London", "Pari", "Parisx", "United  States", ""] { #expect(keys.excludes(unknown)) }
        #expect(!keys.excludes("Pär"))  // not ASCII: never ruled out
        let mixed = FoldedKeys(["ZÜRICH", "PARIS"])
        #expect(!mixed.excludes("London"))  // a name not ASCII: nothing is ruled out
        for place in ["Paris", "Kyiv", "Texas", "U.S."] { #expect(!gazetteer.foldedNameKeys.excludes(place)) }
        #expect(gazetteer.place("Rubble") == nil)
        #expect(gazetteer.organization("Reuters") == "Reuters")
    }

    @Test func demonymsMapToPlaces() {
        #expect(gazetteer.demonymPlace("French") == "France")
        #expect(gazetteer.demonymPlace("Ukrainians") == "Ukraine")
        #expect(gazetteer.demonymPlace("Frenchmen") == "France")
        #expect(gazetteer.demonymPlace("Fitch") == nil)
    }

    @Test func titlesRolesAndPronouns() {
        #expect(gazetteer.isTitle("Sen."))
        #expect(gazetteer.isTitle("Secretary of State"))
        #expect(!gazetteer.isTitle("Rubble"))
        #expect(gazetteer.isRoleNoun("spokesperson"))
        #expect(gazetteer.isRoleNoun("chief of staff"))
        #expect(gazetteer.isPronoun("She"))
        #expect(!gazetteer.isPronoun("Shem"))
    }

    @Test func organisations() {
        #expect(gazetteer.organization("NATO") == "NATO")
        #expect(gazetteer.organization("REUTERS") == "Reuters")
        #expect(gazetteer.organizationCues.contains("Ministry"))
    }
}

/// The gazetteer reader splits by scalars and bytes (for start-up time); it
/// must give the lines and fields the `Character` and Foundation versions gave.
@Suite struct GazetteerReadingTests {
    static let samples = [
        "alpha\nbeta\r\n  gamma  \n\n# comment\n\tdelta\t\n",
        "one\u{2028}two\u{2029}three\u{85}four\u{0B}five\u{0C}six\rseven",
        "\u{00A0}wide\u{3000}\n \u{2003}em space\u{202F}\n#x\n  # y\nz",
        "Mar\u{0301}ia f\nJos\u{00E9}\tm\n",
        "",
    ]

    @Test func linesMatchTheCharacterSplit() {
        for text in Self.samples {
            var expected: [String] = []
            for line in text.split(whereSeparator: \.isNewline) {
                let entry = line.trimmingCharacters(in: .whitespaces)
                if entry.isEmpty || entry.hasPrefix("#") { continue }
                expected.append(entry)
            }
            #expect(NewsResources.entries(in: text) == expected)
        }
    }

    @Test func fieldsMatchTheCharacterSplit() {
        for line in ["Maria f", "Jose\tm", "  two  spaces ", "a\t \tb", "", " ", "Mar\u{0301}ia f", "x \u{0301}y"] {
            #expect(NewsResources.fields(of: line) == line.split(whereSeparator: { $0 == "\t" || $0 == " " }))
        }
    }
}
