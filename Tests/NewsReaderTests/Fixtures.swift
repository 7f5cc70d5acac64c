import Foundation
import NewsArchive
import NewsKit
@testable import NewsReader

/// Fictional stories built by hand, with quotes and mentions located by
/// searching their words, so pure tests need no archive.
enum Fixtures {
    /// The byte range of the `nth` occurrence of `needle` in `text`.
    static func span(of needle: String, in text: String, paragraph: Int, nth: Int = 0, field: Span.Field = .body) -> Span {
        var search = text.startIndex..<text.endIndex
        var found: Range<String.Index>?
        for _ in 0...nth {
            found = text.range(of: needle, range: search)
            guard let f = found else { fatalError("\(needle) not in \(text)") }
            search = f.upperBound..<text.endIndex
        }
        let start = text.utf8.distance(from: text.startIndex, to: found!.lowerBound)
        return Span(field: field, paragraph: paragraph, start: start, end: start + needle.utf8.count)
    }

    struct QuoteSpec {
        var words: String
        var paragraph: Int
        var speaker: String?
        var kind: QuoteKind = .direct
    }

    /// A story whose entities get archive ids from `ids` by name.
    static func story(id: StoryID, headline: String, paragraphs: [String], quotes: [QuoteSpec],
                      entities: [(String, EntityType)], ids: [String: EntityID]) -> ArchivedStory {
        let story = Story(source: "fixture/\(id).txt", headline: headline, bylineText: "By Wren Talbot", byline: ["Wren Talbot"],
                          dateline: Dateline(raw: "PORT ELLIS (Gull Wire) -", places: ["PORT ELLIS"], date: "2031-04-0\(id % 9 + 1)", agency: "Gull Wire"),
                          paragraphs: paragraphs.map { Paragraph($0) })
        var ents: [Entity] = []
        for (name, type) in entities {
            var mentions: [Mention] = []
            let last = name.split(separator: " ").last.map(String.init) ?? name
            for (i, p) in paragraphs.enumerated() {
                var from = p.startIndex
                while let r = p.range(of: last, range: from..<p.endIndex) {
                    let start = p.utf8.distance(from: p.startIndex, to: r.lowerBound)
                    // Prefer the full name when it stands there.
                    let full = p[..<r.upperBound].hasSuffix(name)
                    let s = full ? start + last.utf8.count - name.utf8.count : start
                    mentions.append(Mention(text: full ? name : last, span: Span(paragraph: i, start: s, end: start + last.utf8.count)))
                    from = r.upperBound
                }
            }
            ents.append(Entity(name: name, type: type, mentions: mentions))
        }
        let qs = quotes.map { q -> Quote in
            let sp = span(of: q.words, in: paragraphs[q.paragraph], paragraph: q.paragraph)
            return Quote(text: q.words, kind: q.kind, speaker: q.speaker,
                         speakerEntity: q.speaker.flatMap { s in ents.firstIndex { $0.name == s } }, parts: [sp])
        }
        return ArchivedStory(id: id, annotated: AnnotatedStory(story: story, quotes: qs, entities: ents),
                             entityIDs: ents.map { ids[$0.name]! })
    }

    static let ids: [String: EntityID] = ["Ilse Marrow": 1, "Oskar Brandt": 2, "Port Ellis Harbour Board": 3, "Port Ellis": 4, "Tamsin Achebe": 5]

    static let quay = story(
        id: 1, headline: "Harbour board delays vote on new quay",
        paragraphs: [
            "The Port Ellis Harbour Board postponed a vote on the new quay on Tuesday, chair Ilse Marrow said.",
            "“We need another month to read the survey,” Marrow told reporters outside the hall.",
            "Fisherman Oskar Brandt called the delay “a slow drowning” for the fleet.",
            "Marrow said the board would meet again in May.",
        ],
        quotes: [
            QuoteSpec(words: "We need another month to read the survey,", paragraph: 1, speaker: "Ilse Marrow"),
            QuoteSpec(words: "a slow drowning", paragraph: 2, speaker: "Oskar Brandt", kind: .partial),
        ],
        entities: [("Ilse Marrow", .person), ("Oskar Brandt", .person), ("Port Ellis Harbour Board", .organization)],
        ids: ids)

    static let fleet = story(
        id: 2, headline: "Fleet returns early as storm nears Port Ellis",
        paragraphs: [
            "Trawlers returned to Port Ellis a day early, skipper Tamsin Achebe said.",
            "“The sea turned in an hour,” Achebe said. Ilse Marrow opened the harbour gates at dawn.",
            "“Nobody was left outside,” Marrow said later.",
        ],
        quotes: [
            QuoteSpec(words: "The sea turned in an hour,", paragraph: 1, speaker: "Tamsin Achebe"),
            QuoteSpec(words: "Nobody was left outside,", paragraph: 2, speaker: "Ilse Marrow"),
        ],
        entities: [("Tamsin Achebe", .person), ("Ilse Marrow", .person), ("Port Ellis", .place)],
        ids: ids)

    static func summary(_ s: ArchivedStory) -> StorySummary {
        StorySummary(id: s.id, headline: s.annotated.story.headline, date: s.annotated.story.dateline?.date,
                     agency: "Gull Wire", source: s.annotated.story.source, quoteCount: s.annotated.quotes.count)
    }

    /// A state with both stories listed and the first open, built only
    /// through the reducer's own actions.
    static func state(width: Int = 160, height: Int = 48) -> ReaderState {
        var s = ReaderState(width: width, height: height)
        _ = Reducer.reduce(&s, .storyCountLoaded(2))
        let requests = Reducer.reduce(&s, .storiesLoaded(page: 0, [summary(quay), summary(fleet)]))
        precondition(requests == [.openStory(1, focus: nil)])
        _ = Reducer.reduce(&s, .storyLoaded(quay, focus: nil))
        return s
    }
}
