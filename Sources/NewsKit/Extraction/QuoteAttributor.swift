/// Gives each quote its speaker (first cut: none yet).
public struct QuoteAttributor: Sendable {
    public let gazetteer: Gazetteer
    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// The quotes with speakers; `entities` may gain unnamed sources or
    /// organisations the recognizer missed.
    public func attribute(
        _ quotes: (body: [Quote], headline: [Quote]), in story: Story, entities: [Entity]
    ) -> (body: [Quote], headline: [Quote], entities: [Entity]) {
        (quotes.body, quotes.headline, entities)
    }
}
