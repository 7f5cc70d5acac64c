import Foundation
import GRDB
import NewsKit
@testable import NewsArchive

/// A fresh folder under the system temp folder, removed by `cleanUp()`.
struct TempFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "newsroom-archive-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func cleanUp() {
        // Read-only tests may have taken write permission away.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Builds annotated stories by hand (the archive tests must not depend on
/// the extractor): entities and quotes are located by searching their words
/// in the paragraphs, so ranges are real UTF-8 offsets.
struct StoryBuilder {
    var source: String
    var headline: String
    var date: String?
    var paragraphs: [String]
    /// (name, type, mention texts) — each mention text is found in order.
    var entities: [(String, EntityType, [String])] = []
    /// (quote words, speaker entity index or nil, kind)
    var quotes: [(String, Int?, QuoteKind)] = []

    func span(of words: String, after: Span? = nil) -> Span {
        for (i, p) in paragraphs.enumerated() {
            if let after, i < after.paragraph { continue }
            let bytes = Array(p.utf8), needle = Array(words.utf8)
            var from = (after?.paragraph == i) ? after!.end : 0
            while from + needle.count <= bytes.count {
                if Array(bytes[from..<(from + needle.count)]) == needle {
                    return Span(field: .body, paragraph: i, start: from, end: from + needle.count)
                }
                from += 1
            }
        }
        fatalError("'\(words)' not in the story \(source)")
    }

    func annotated() -> AnnotatedStory {
        let story = Story(
            source: source, headline: headline,
            dateline: Dateline(raw: "LONDRINA (Newswire) -", places: ["LONDRINA"], date: date, agency: "Newswire"),
            paragraphs: paragraphs.map { Paragraph($0) })
        let ents = entities.map { name, type, texts -> Entity in
            var last: Span?
            let mentions = texts.map { t -> Mention in
                let s = span(of: t, after: last)
                last = s
                return Mention(text: t, span: s)
            }
            return Entity(name: name, type: type, mentions: mentions)
        }
        let qs = quotes.map { text, speaker, kind in
            Quote(text: text, kind: kind, speaker: speaker.map { entities[$0].0 }, speakerEntity: speaker,
                  parts: [span(of: text)], cue: "said")
        }
        return AnnotatedStory(story: story, quotes: qs, entities: ents)
    }

    func item(hash: String? = nil) -> IngestItem {
        let a = annotated()
        return IngestItem(annotated: a, contentHash: hash ?? ContentHash.of(Data((source + headline + paragraphs.joined()).utf8)))
    }
}

/// A small fictional world: three stories about a harbour dispute.
enum Harbour {
    static func story1() -> StoryBuilder {
        StoryBuilder(
            source: "/news/harbour-1.txt", headline: "Port of Valmora strike enters second week", date: "2031-03-02",
            paragraphs: [
                "Dockworkers at the Port of Valmora stayed out on Monday, union leader Ilse Marrow said.",
                "“We will not go back until the cranes are safe,” Marrow told reporters outside the gates.",
                "The Valmora Harbour Authority said talks would resume in Quenby.",
            ],
            entities: [
                ("Ilse Marrow", .person, ["Ilse Marrow", "Marrow"]),
                ("Port of Valmora", .place, ["Port of Valmora"]),
                ("Valmora Harbour Authority", .organization, ["Valmora Harbour Authority"]),
                ("Quenby", .place, ["Quenby"]),
            ],
            quotes: [("We will not go back until the cranes are safe,", 0, .direct)])
    }

    static func story2() -> StoryBuilder {
        StoryBuilder(
            source: "/news/harbour-2.txt", headline: "Valmora crane inspections ordered", date: "2031-03-05",
            paragraphs: [
                "Inspectors will check every crane at the Port of Valmora, the ministry said on Thursday.",
                "“This is the first step,” said Ilse Marrow, who leads the dockworkers’ union.",
                "Marrow added that members would vote on Friday.",
            ],
            entities: [
                ("Ilse Marrow", .person, ["Ilse Marrow", "Marrow"]),
                ("Port of Valmora", .place, ["Port of Valmora"]),
            ],
            quotes: [("This is the first step,", 0, .direct)])
    }

    static func story3() -> StoryBuilder {
        StoryBuilder(
            source: "/news/harbour-3.txt", headline: "Dockworkers vote to return", date: "2031-03-08",
            paragraphs: [
                "Dockworkers voted to end the strike, Marrow said late on Friday.",
                "“The cranes are being fixed and we are going back,” Marrow said in Quenby.",
            ],
            entities: [
                ("Marrow", .person, ["Marrow", "Marrow"]),
                ("Quenby", .place, ["Quenby"]),
            ],
            quotes: [("The cranes are being fixed and we are going back,", 0, .direct)])
    }
}

/// An archive as an older Newsroom wrote it, for upgrade tests: a new file
/// migrated up to `migration`, then rows written as that schema stored them.
enum OlderArchive {
    static func make(at path: String, upTo migration: String, rows: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: path)
        try ArchiveSchema.migrator.migrate(queue, upTo: migration)
        try queue.write(rows)
    }

    /// An undated story row with no entities, in the columns every schema
    /// since v2 has, indexed for full text as the v2+ writer does.
    static func insertStory(_ db: Database, id: Int64, headline: String, paragraphs: [String], quoteCount: Int = 0) throws {
        // The layout as v2-v6 wrote it (keys spelled out, `[length, kind]`).
        let layout = #"{"paragraphs":["# + paragraphs.map { "[\($0.utf8.count),0]" }.joined(separator: ",")
            + #"],"byline":[],"credits":[],"media":[]}"#
        try db.execute(sql: """
            INSERT INTO story (id, source, contentHash, headline, date, dateKey, agency, body, layout,
                               entityIds, quoteCount, entityCount)
            VALUES (?, ?, ?, ?, NULL, 0, NULL, ?, ?, '', ?, 0)
            """, arguments: [id, "/old/\(id).txt", "h\(id)", headline,
                             paragraphs.joined(separator: StoredBody.separator), layout, quoteCount])
        try db.execute(sql: "INSERT INTO story_fts (rowid, headline, body) SELECT id, headline, body FROM story WHERE id = ?",
                       arguments: [id])
    }
}
