/// Gives each quote its speaker: the canonical name of the person or
/// organisation who said it, an unnamed source's descriptor, or nil for scare
/// quotes and titles of works.
///
/// For each quote it looks at the reporter's words of its sentence on both
/// sides of the marks (`“…,” Quill said`, `said Quill`, `Quill told
/// reporters: “…”`, `according to Quill`, `Quill called it “excellent”`,
/// `…, Quill said.` at the end of the sentence), then resolves what it found:
/// a name to the entity whose mention it is (or the fullest form of the name in
/// the story), a pronoun to the most recent fitting subject, a descriptor to
/// itself without its article. A quote with no cue continues the speaker of the
/// quote before it in the paragraph, or of the paragraph before when that one
/// introduces it (`… he said:`) or is quoting the same speaker.
public struct QuoteAttributor: Sendable {
    public let gazetteer: Gazetteer
    public let lexicon: SpeechLexicon
    public init(gazetteer: Gazetteer, lexicon: SpeechLexicon = .shared) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
    }

    /// The quotes with speakers; `entities` may gain unnamed sources or
    /// organisations the recognizer missed.
    ///
    /// Quotes with no speaker and no speech cue that read as scare quotes or
    /// titles (short phrases in the reporter's sentence) are left out.
    public func attribute(
        _ quotes: (body: [Quote], headline: [Quote]), in story: Story, entities: [Entity]
    ) -> (body: [Quote], headline: [Quote], entities: [Entity]) {
        let session = AttributionSession(story: story, entities: entities, lexicon: lexicon, quotes: quotes.body)
        let body = session.attributeBody()
        let headline = session.attributeHeadline(quotes.headline, body: body)
        return (body, headline, entities)
    }
}
