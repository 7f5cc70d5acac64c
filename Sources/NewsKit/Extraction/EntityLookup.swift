/// Finds a story's entities by where they are mentioned and by the short forms
/// writers use for them. Built once per story from `EntityRecognizer` output;
/// the quote attributor and the reader ask it who stands at a position.
public struct EntityLookup: Sendable {
    /// One mention, placed: which entity, and where.
    public struct Placed: Sendable, Hashable {
        public var entity: Int
        public var span: Span
    }

    public let entities: [Entity]
    /// All mentions in story order (headline, byline, body paragraphs; by offset).
    public let placed: [Placed]
    private let bodyStart: [Int: Int]

    public init(_ entities: [Entity]) {
        self.entities = entities
        var placed: [Placed] = []
        for (index, entity) in entities.enumerated() {
            for mention in entity.mentions { placed.append(Placed(entity: index, span: mention.span)) }
        }
        placed.sort { Self.order($0.span) < Self.order($1.span) }
        self.placed = placed
        var bodyStart: [Int: Int] = [:]
        for (position, item) in placed.enumerated().reversed() where item.span.field == .body {
            bodyStart[item.span.paragraph] = position
        }
        self.bodyStart = bodyStart
    }

    private static func order(_ span: Span) -> (Int, Int, Int) {
        switch span.field {
        case .headline: return (0, 0, span.start)
        case .byline: return (1, 0, span.start)
        case .body: return (2, span.paragraph, span.start)
        }
    }

    /// The mentions in one body paragraph, in order of their start.
    public func mentions(inParagraph paragraph: Int) -> ArraySlice<Placed> {
        guard let first = bodyStart[paragraph] else { return [] }
        var end = first
        while end < placed.count, placed[end].span.field == .body, placed[end].span.paragraph == paragraph { end += 1 }
        return placed[first..<end]
    }

    private func mentions(in span: Span) -> ArraySlice<Placed> {
        if span.field == .body { return mentions(inParagraph: span.paragraph) }
        return placed[...].filter { $0.span.field == span.field }[...]
    }

    /// The entity with a mention that overlaps `span` (same field and paragraph), if any;
    /// the one with the largest overlap when several do.
    public func entityIndex(covering span: Span) -> Int? {
        var best: (entity: Int, overlap: Int)?
        for item in mentions(in: span) {
            let overlap = min(item.span.end, span.end) - max(item.span.start, span.start)
            if overlap > 0 || (span.start == span.end && item.span.range.contains(span.start)) {
                if best == nil || overlap > best!.overlap { best = (item.entity, overlap) }
            }
        }
        return best?.entity
    }

    /// The entity mentioned at a byte offset of a body paragraph, if any.
    public func entityIndex(paragraph: Int, offset: Int) -> Int? {
        mentions(inParagraph: paragraph).first { $0.span.range.contains(offset) }?.entity
    }

    /// The last person mentioned before `span` (in this paragraph or earlier
    /// body paragraphs): what a pronoun such as "he" most likely stands for.
    public func lastPerson(before span: Span, type: EntityType = .person) -> Int? {
        for item in placed.reversed() where Self.order(item.span) < Self.order(span) {
            if entities[item.entity].type == type { return item.entity }
        }
        return nil
    }

    /// The canonical name for a short form as written ("Bruce" -> "Tammy Bruce",
    /// "Mr. Bruce" -> "Tammy Bruce"); nil when no entity or several people fit.
    public func canonicalName(for words: String) -> String? {
        var form = words
        for honorific in ["Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Mr ", "Mrs ", "Ms ", "Dr "] where form.hasPrefix(honorific) {
            form = String(form.dropFirst(honorific.count))
        }
        for suffix in ["’s", "'s"] where form.hasSuffix(suffix) { form = String(form.dropLast(suffix.count)) }
        if let exact = entities.first(where: { $0.name == form }) { return exact.name }
        var found: String?
        for entity in entities where entity.mentions.contains(where: { $0.text == form })
            || (entity.type == .person && entity.name.split(separator: " ").last.map(String.init) == form) {
            if found != nil && found != entity.name { return nil }
            found = entity.name
        }
        return found
    }
}
