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
            story: story, quotes: attributed.body.map(Self.plainSpaced), headlineQuotes: attributed.headline.map(Self.plainSpaced),
            entities: attributed.entities.map { var e = $0; e.name = Self.plainSpaced(e.name); return e })
    }

    /// A name with every space character (`U+00A0` no-break space, thin and
    /// figure spaces, a line break inside it) written as one plain space, so
    /// that `Stu Burguiere` is one person whatever space the story used.
    static func plainSpaced(_ name: String) -> String {
        // Over the bytes in place (every mention and speaker passes here; the
        // UTF-8 view's iterator cost several times the test).
        let mayChange = name.withUTF8Bytes { $0.contains { $0 >= 0x80 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D } }
        guard mayChange else { return name }
        var out = ""
        out.reserveCapacity(name.utf8.count)
        var space = false
        for c in name.unicodeScalars {
            if c.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.unicodeScalars.append(" ") }
            space = false
            out.unicodeScalars.append(c)
        }
        return out
    }

    static func plainSpaced(_ q: Quote) -> Quote {
        var q = q
        if let s = q.speaker { q.speaker = plainSpaced(s) }
        if var a = q.attribution {
            a.chain = a.chain.map(plainSpaced)
            q.attribution = a
        }
        return q
    }
}
