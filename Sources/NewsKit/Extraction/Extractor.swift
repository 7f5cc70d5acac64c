/// The extraction pipeline: entities, quotes, then who said each quote.
/// Pure and thread-safe: one `Extractor` can annotate stories on many threads.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    public func annotate(_ story: Story) -> AnnotatedStory {
        let entities = EntityRecognizer(gazetteer: gazetteer).recognize(story)
        let found = QuoteFinder().find(in: story)
        let attributed = QuoteAttributor(gazetteer: gazetteer).attribute(found, in: story, entities: entities)
        return AnnotatedStory(
            story: story, quotes: attributed.body, headlineQuotes: attributed.headline,
            entities: attributed.entities)
    }
}
