import Foundation
import NewsKit

/// A story's stored rows, read by either backend, turned back into the
/// `ArchivedStory` that was written.
struct StoredStory {
    var id: StoryID
    var contentHash: String
    var source: String
    var headline: String
    var body: String
    /// `StoredLayout` as JSON.
    var layout: String
    /// Archive id of each local entity, in story order.
    var entityIDs: [EntityID]
    /// Archive name and type of each of `entityIDs`.
    var names: [EntityID: (name: String, type: String)]
    /// The story's mention spans of all its entities, any order.
    var spans: [MentionSpan]
    /// Its quote rows, as written (headline quotes have negative ordinals).
    var quotes: [PreparedStory.PreparedQuote]

    func archived() throws -> ArchivedStory {
        let layout = try JSONDecoder().decode(StoredLayout.self, from: Data(self.layout.utf8))
        var story = Story(
            source: source, headline: headline, bylineText: layout.bylineText, byline: layout.byline,
            dateline: layout.dateline, paragraphs: StoredBody.split(body, layout: layout.paragraphs),
            credits: layout.credits, media: layout.media, url: layout.url, published: layout.published)
        story.isSummary = layout.isSummary ?? false
        // The story's entities under their archive names.
        var entities = entityIDs.map { eid -> Entity in
            let n = names[eid]
            return Entity(name: n?.name ?? "", type: EntityType(rawValue: n?.type ?? "") ?? .other)
        }
        let sorted = spans.sorted {
            ($0.ordinal, $0.position.0, $0.position.1, $0.position.2) < ($1.ordinal, $1.position.0, $1.position.1, $1.position.2)
        }
        for m in sorted {
            guard entities.indices.contains(m.ordinal) else { continue }
            let span = Span(field: FieldCode.field(m.field), paragraph: m.paragraph, start: m.start, end: m.end)
            let text = m.text ?? StoredText.words(in: story.text(of: span.field, paragraph: span.paragraph),
                                                  start: span.start, end: span.end)
            entities[m.ordinal].mentions.append(Mention(text: text, span: span))
        }
        var quotes: [Quote] = []
        var headlineQuotes: [Quote] = []
        for q in self.quotes.sorted(by: { $0.ordinal < $1.ordinal }) {
            let detail = QuoteDetail.decode(q.detail, speaker: q.speaker, confidence: q.confidence)
            var parts = detail?.parts.compactMap(FieldCode.span) ?? []
            if parts.isEmpty { parts = [Span(paragraph: q.paragraph, start: q.start, end: q.end)] }
            let quote = Quote(
                text: q.text, kind: QuoteKind(rawValue: q.kind) ?? .direct, speaker: q.speaker,
                speakerEntity: q.speakerOrdinal, parts: parts, cue: detail?.cue,
                speakerSpan: detail?.speakerSpan.flatMap(FieldCode.span),
                attribution: detail?.attribution?.quoteAttribution)
            if q.ordinal < 0 { headlineQuotes.append(quote) } else { quotes.append(quote) }
        }
        return ArchivedStory(
            id: id,
            annotated: AnnotatedStory(story: story, quotes: quotes, headlineQuotes: headlineQuotes, entities: entities),
            entityIDs: entityIDs, contentHash: contentHash)
    }
}
