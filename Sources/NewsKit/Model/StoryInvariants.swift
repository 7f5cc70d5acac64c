/// The promises every annotated story keeps, whatever text came in: every quote
/// part and mention lies inside its field's text and on UTF-8 boundaries, a
/// quote's text is its parts joined by one space, and every entity has a mention. Used by tests and the fuzzer.
public enum StoryInvariants {
    /// A description of the first broken promise, or nil when all hold.
    public static func firstViolation(in a: AnnotatedStory) -> String? {
        let story = a.story
        func check(_ span: Span, _ what: String) -> String? {
            if span.field == .body && !story.paragraphs.indices.contains(span.paragraph) {
                return "\(what): paragraph \(span.paragraph) out of \(story.paragraphs.count)"
            }
            let text = story.text(of: span.field, paragraph: span.paragraph)
            let utf8 = text.utf8
            guard span.start >= 0, span.start <= span.end, span.end <= utf8.count else {
                return "\(what): range \(span.start)..<\(span.end) outside \(utf8.count) bytes"
            }
            let bytes = Array(utf8)
            for edge in [span.start, span.end] where edge < bytes.count && bytes[edge] & 0xC0 == 0x80 {
                return "\(what): offset \(edge) splits a UTF-8 character"
            }
            return nil
        }
        func slice(_ span: Span) -> String {
            let bytes = Array(story.text(of: span.field, paragraph: span.paragraph).utf8)
            return String(decoding: bytes[span.start..<span.end], as: UTF8.self)
        }
        for (i, q) in (a.quotes + a.headlineQuotes).enumerated() {
            if q.parts.isEmpty { return "quote \(i) has no parts" }
            for p in q.parts { if let e = check(p, "quote \(i)") { return e } }
            if let s = q.speakerSpan, let e = check(s, "quote \(i) speaker") { return e }
            let joined = q.parts.map(slice).joined(separator: " ")
            if joined != q.text { return "quote \(i) text differs from its parts" }
            if let e = q.speakerEntity, !a.entities.indices.contains(e) {
                return "quote \(i) speaker entity \(e) out of range"
            }
        }
        for (i, entity) in a.entities.enumerated() {
            if entity.mentions.isEmpty { return "entity \(i) (\(entity.name)) has no mention" }
            for m in entity.mentions {
                if let e = check(m.span, "entity \(i) mention") { return e }
                if slice(m.span) != m.text { return "entity \(i) mention text differs from its range" }
            }
        }
        return nil
    }
}
