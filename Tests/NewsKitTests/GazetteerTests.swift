import Testing
@testable import NewsKit

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
