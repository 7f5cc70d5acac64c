import Foundation
import NewsArchive
import NewsKit
import TestSupport

/// A small archive of fictional stories, annotated by hand and stored
/// through the archive's API, so the end-to-end tests do not depend on how
/// well extraction does today.
enum FixtureArchive {
    struct Spec {
        var headline: String
        var date: String
        var paragraphs: [String]
        /// (quoted words, paragraph, speaker)
        var quotes: [(String, Int, String)]
        var people: [String]
        var places: [String] = []
    }

    static let stories: [Spec] = [
        Spec(headline: "Harbour board delays vote on new quay", date: "2031-04-02",
             paragraphs: [
                "The Port Ellis harbour board postponed a vote on the new quay on Tuesday, chair Ilse Marrow said.",
                "“We need another month to read the survey,” Marrow told reporters outside the hall.",
                "Fisherman Oskar Brandt called the delay “a slow drowning” for the fleet.",
                "Marrow said the board would meet again in May.",
             ],
             quotes: [("We need another month to read the survey,", 1, "Ilse Marrow"), ("a slow drowning", 2, "Oskar Brandt")],
             people: ["Ilse Marrow", "Oskar Brandt"], places: ["Port Ellis"]),
        Spec(headline: "Fleet returns early as storm nears", date: "2031-04-03",
             paragraphs: [
                "Trawlers returned a day early, skipper Tamsin Achebe said.",
                "“The sea turned in an hour,” Achebe said. Ilse Marrow opened the harbour gates at dawn.",
                "“Nobody was left outside,” Marrow said later.",
             ],
             quotes: [("The sea turned in an hour,", 1, "Tamsin Achebe"), ("Nobody was left outside,", 2, "Ilse Marrow")],
             people: ["Tamsin Achebe", "Ilse Marrow"]),
        Spec(headline: "Lighthouse keeper retires after forty winters", date: "2031-04-01",
             paragraphs: [
                "Keeper Amos Quill climbed the tower at Gannet Head for the last time on Sunday.",
                "“I will miss the gulls more than the people,” Quill said, laughing.",
             ],
             quotes: [("I will miss the gulls more than the people,", 1, "Amos Quill")],
             people: ["Amos Quill"]),
    ]

    /// Every occurrence of `word` in `text`, as byte ranges.
    static func ranges(of word: String, in text: String) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var from = text.startIndex
        while let r = text.range(of: word, range: from..<text.endIndex) {
            let s = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            out.append(s..<(s + word.utf8.count))
            from = r.upperBound
        }
        return out
    }

    static func annotated(_ spec: Spec, source: String) -> AnnotatedStory {
        let story = Story(source: source, headline: spec.headline, bylineText: "By Wren Talbot", byline: ["Wren Talbot"],
                          dateline: Dateline(raw: "PORT ELLIS (Gull Wire) -", places: ["PORT ELLIS"], date: spec.date, agency: "Gull Wire"),
                          paragraphs: spec.paragraphs.map { Paragraph($0) })
        var entities: [Entity] = []
        for name in spec.people + spec.places {
            let surname = spec.people.contains(name) ? String(name.split(separator: " ").last!) : name
            var mentions: [Mention] = []
            for (i, p) in spec.paragraphs.enumerated() {
                for r in ranges(of: surname, in: p) {
                    // The full name when it stands there, else the surname alone.
                    let fullStart = r.upperBound - name.utf8.count
                    let full = fullStart >= 0 && Array(p.utf8)[fullStart..<r.upperBound].elementsEqual(name.utf8)
                    mentions.append(Mention(text: full ? name : surname,
                                            span: Span(paragraph: i, start: full ? fullStart : r.lowerBound, end: r.upperBound)))
                }
            }
            entities.append(Entity(name: name, type: spec.people.contains(name) ? .person : .place, mentions: mentions))
        }
        let quotes = spec.quotes.map { (words, paragraph, speaker) -> Quote in
            let r = ranges(of: words, in: spec.paragraphs[paragraph])[0]
            return Quote(text: words, kind: .direct, speaker: speaker,
                         speakerEntity: entities.firstIndex { $0.name == speaker },
                         parts: [Span(paragraph: paragraph, start: r.lowerBound, end: r.upperBound)], cue: "said")
        }
        return AnnotatedStory(story: story, quotes: quotes, entities: entities)
    }

    /// Builds the archive file in `folder`; returns its path.
    static func build(in folder: some ScratchFolder) throws -> String {
        let path = folder.file("fixture.sqlite")
        let store = try SQLiteArchive(path: path, mode: .readWrite)
        let items = stories.enumerated().map { i, spec in
            IngestItem(annotated: annotated(spec, source: "fixture/\(i).txt"), contentHash: "fixture-\(i)")
        }
        _ = try store.store(items)
        return path
    }
}
