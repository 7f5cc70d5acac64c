import Testing
@testable import NewsKit

@Suite struct EntityLookupTests {
    let story = storyFrom([
        "Department spokesperson Wren Halloway met Tobias Kerr in Lisbon.",
        "“We are close,” Halloway said. Kerr’s deputy Mina Kerr disagreed.",
    ])

    @Test func findsTheEntityCoveringASpan() {
        let entities = recognize(story)
        let lookup = EntityLookup(entities)
        let start = "“We are close,” ".utf8.count
        let span = Span(paragraph: 1, start: start, end: start + "Halloway".utf8.count)
        let index = lookup.entityIndex(covering: span)
        #expect(index.map { entities[$0].name } == "Wren Halloway")
        #expect(lookup.entityIndex(covering: Span(paragraph: 1, start: 0, end: 3)) == nil)
        #expect(lookup.entityIndex(paragraph: 0, offset: start).map { entities[$0].name } == nil)
    }

    @Test func lastPersonBeforeAPosition() {
        let entities = recognize(story)
        let lookup = EntityLookup(entities)
        let end = story.paragraphs[1].text.utf8.count
        let person = lookup.lastPerson(before: Span(paragraph: 1, start: end, end: end))
        #expect(person.map { entities[$0].name } == "Mina Kerr")
        let place = lookup.lastPerson(before: Span(paragraph: 1, start: 0, end: 0), type: .place)
        #expect(place.map { entities[$0].name } == "Lisbon")
        #expect(lookup.lastPerson(before: Span(paragraph: 0, start: 0, end: 0)) == nil)
    }

    @Test func canonicalNameForShortForms() {
        let lookup = EntityLookup(recognize(story))
        #expect(lookup.canonicalName(for: "Halloway") == "Wren Halloway")
        #expect(lookup.canonicalName(for: "Mr. Halloway") == "Wren Halloway")
        #expect(lookup.canonicalName(for: "Halloway’s") == "Wren Halloway")
        // Two people named Kerr: a bare "Kerr" is ambiguous.
        #expect(lookup.canonicalName(for: "Kerr") == nil)
        #expect(lookup.canonicalName(for: "Nobody") == nil)
    }

    @Test func mentionsOfAParagraphInOrder() {
        let lookup = EntityLookup(recognize(story))
        let starts = lookup.mentions(inParagraph: 0).map(\.span.start)
        #expect(starts == starts.sorted())
        #expect(starts.count == 3)
    }
}
