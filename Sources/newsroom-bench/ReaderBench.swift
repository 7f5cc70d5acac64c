import Foundation
import NewsArchive
import NewsKit

/// The reader's figures on one archive, measured in this (child) process.
///
/// Two layers are timed: the archive queries the reader makes (`q_*`), and
/// the reader itself through its pure state/reduce/render layer.
struct ReaderBench {
    var archivePath: String
    static let width = 160, height = 48

    func run() throws {
        let (archive, openSeconds) = try timed { try ArchiveOpening.open(path: archivePath, readOnly: true) }
        note("archive opened in \(fmt(openSeconds * 1000, 2)) ms, \(try archive.storyCount()) stories")
        try queries(archive)
        // TODO(reader): time ReaderSession (cold start, filter, jump, search, keypress) once it is merged.
        for key in ["filter", "jump", "search", "key"] { report(key + "_todo", "reader session not merged yet") }
    }

    /// The people who speak most: the reader's filter targets.
    func speakers(_ archive: any ArchiveStore, _ n: Int) throws -> [EntityRecord] {
        try archive.entities(type: .person, story: nil, offset: 0, limit: n)
    }

    static let searchQueries = [
        "grain quota", "pipeline", "ceasefire", "harbour", "Voss", "dockworkers pay", "drought", "nurses",
        "coalition agreement", "marine reserve", "tariff", "Lindqvist", "flood relief", "data protection",
        "Keldish", "rail merger", "vaccine", "legal action", "Port Halden", "Sorvenian", "election",
        "desalination", "bottom trawling", "windfall tax", "Marchetti", "night train", "spectrum auction",
        "Brightwater", "prisoner exchange", "insurance payouts",
    ]

    func queries(_ archive: any ArchiveStore) throws {
        let people = try speakers(archive, 40)
        var filter: [Double] = [], jump: [Double] = [], search: [Double] = [], page: [Double] = [], story: [Double] = []
        for p in people {
            let (_, s) = try timed { try archive.quotes(QuoteFilter(speakerID: p.id, limit: 200)) }
            filter.append(s * 1000)
            // Walk ten mentions forward from the start of the archive, on into other stories.
            var position: ArchivePosition?
            for _ in 0..<10 {
                let (m, t) = try timed { try archive.mention(of: p.id, from: position, direction: .forward) }
                jump.append(t * 1000)
                guard let m else { break }
                position = ArchivePosition(story: m.story, field: Span.Field(rawValue: m.field) ?? .body,
                                           paragraph: m.paragraph, offset: m.range.first ?? 0)
            }
        }
        for q in Self.searchQueries {
            let (_, s) = try timed { try archive.search(q, offset: 0, limit: 50) }
            search.append(s * 1000)
        }
        let count = try archive.storyCount()
        var rng = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let offset = rng.below(max(1, count))
            let (rows, s) = try timed { try archive.stories(offset: offset, limit: 100) }
            page.append(s * 1000)
            if let id = rows.first?.id {
                let (_, t) = try timed { try archive.story(id: id) }
                story.append(t * 1000)
            }
        }
        for (key, samples) in [("q_filter", filter), ("q_jump", jump), ("q_search", search), ("q_page", page), ("q_story", story)] {
            report(key + "_p50", percentile(samples, 50))
            report(key + "_p95", percentile(samples, 95))
            report(key + "_n", samples.count)
        }
    }

    func note(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}
