import Foundation
import NewsArchive
import NewsKit
import NewsReader

nonisolated(unsafe) var blackhole = 0
/// CPU milliseconds of each `step`, in order (the child is single-purpose).
nonisolated(unsafe) var cpuLog: [Double] = []

/// The reader's figures on one archive, measured in this (child) process.
///
/// Two layers are timed: the archive queries the reader makes (`q_*`), and
/// the reader itself through its pure state/reduce/render layer.
struct ReaderBench {
    var archivePath: String
    static let width = 160, height = 48

    func run() throws {
        // Cold start first, before anything else has touched the archive in
        // this process: open, first page of stories, first story, first frame.
        let coldCPU0 = cpuSeconds(thread: false)
        let ((first, archive), coldSeconds) = try timed { () throws -> (CellBuffer, any ArchiveStore) in
            let archive = try ArchiveOpening.open(path: archivePath, readOnly: true)
            let session = ReaderSession(archive: archive, width: Self.width, height: Self.height)
            return (session.render(), archive)
        }
        report("cold_ms", coldSeconds * 1000)
        report("cold_cpu_ms", (cpuSeconds(thread: false) - coldCPU0) * 1000)
        note("first frame \(first.width)x\(first.height); \(try archive.storyCount()) stories")
        var again: [Double] = []
        for _ in 0..<5 {
            let (_, s) = try timed { () throws -> CellBuffer in
                ReaderSession(archive: try ArchiveOpening.open(path: archivePath, readOnly: true), width: Self.width, height: Self.height).render()
            }
            again.append(s * 1000)
        }
        note("start to first frame again (warm cache): p50 \(fmt(percentile(again, 50), 2)) ms")
        try readerFigures(archive)
        try queries(archive)
    }

    /// One user step: the key (or typed text), everything it asks of the
    /// archive, and the next frame. Returns wall milliseconds and keeps the
    /// step's CPU milliseconds (all threads of this process) in `cpuLog`:
    /// on a busy machine the wall clock also counts waiting for a core.
    func step(_ session: inout ReaderSession, _ actions: [Action]) -> Double {
        let start = now()
        let cpu0 = cpuSeconds(thread: false)
        for a in actions { session.send(a) }
        let frame = session.render()
        let ms = (now() - start) * 1000
        cpuLog.append((cpuSeconds(thread: false) - cpu0) * 1000)
        blackhole &+= frame.width
        return ms
    }

    func readerFigures(_ archive: any ArchiveStore) throws {
        var session = ReaderSession(archive: archive, width: Self.width, height: Self.height)
        let people = try speakers(archive, 30)
        var filter: [Double] = [], jump: [Double] = [], search: [Double] = []
        var keyList: [Double] = [], keyStory: [Double] = [], keyPrompt: [Double] = []
        var walked = 0, emptyFilters = 0
        var filterCPU: [Double] = [], jumpCPU: [Double] = [], searchCPU: [Double] = [], keyCPU: [Double] = []

        for p in people {
            // f, the name typed key by key (each a keypress with completions), Enter.
            _ = step(&session, [.key(.character("f"))])
            for c in p.name { keyPrompt.append(step(&session, [.key(.character(c))])); keyCPU.append(cpuLog.last!) }
            filter.append(step(&session, [.key(.enter)])); filterCPU.append(cpuLog.last!)
            if session.state.quoteFilter == nil { emptyFilters += 1 }
            // ] walks the person's mentions on into other stories.
            for _ in 0..<8 {
                jump.append(step(&session, [.key(.character("]"))])); jumpCPU.append(cpuLog.last!)
                walked += 1
            }
            _ = step(&session, [.key(.character("F"))])
        }
        for q in Self.searchQueries {
            _ = step(&session, [.key(.character("/"))])
            _ = step(&session, [.type(q)])
            search.append(step(&session, [.key(.enter)])); searchCPU.append(cpuLog.last!)
            // n: the next result, opening its story.
            keyStory.append(step(&session, [.key(.character("n"))])); keyCPU.append(cpuLog.last!)
        }
        // Moving through the story list (pages load as the selection crosses them)
        // and scrolling the open story.
        while session.state.focus != .stories { _ = step(&session, [.key(.tab)]) }
        for i in 0..<400 {
            keyList.append(step(&session, [.key(i % 50 == 49 ? .pageDown : .character("j"))])); keyCPU.append(cpuLog.last!)
        }
        _ = step(&session, [.key(.enter)])
        while session.state.focus != .story { _ = step(&session, [.key(.tab)]) }
        for _ in 0..<100 { keyStory.append(step(&session, [.key(.character("j"))])); keyCPU.append(cpuLog.last!) }

        let keys = keyList + keyStory + keyPrompt
        for (key, samples) in [("filter", filter), ("jump", jump), ("search", search), ("key", keys),
                               ("filter_cpu", filterCPU), ("jump_cpu", jumpCPU), ("search_cpu", searchCPU), ("key_cpu", keyCPU)] {
            report(key + "_p50", percentile(samples, 50))
            report(key + "_p95", percentile(samples, 95))
            report(key + "_n", samples.count)
        }
        for (name, samples) in [("story list j/PgDn", keyList), ("story pane j and n", keyStory), ("typing in the filter prompt", keyPrompt)] {
            note("keypress, \(name): p50 \(fmt(percentile(samples, 50), 2)) ms, p95 \(fmt(percentile(samples, 95), 2)) ms, max \(fmt(samples.max() ?? 0, 1)) ms (\(samples.count))")
        }
        note("filter: max \(fmt(filter.max() ?? 0, 1)) ms; \(emptyFilters) of \(people.count) names gave no filter; jump: max \(fmt(jump.max() ?? 0, 1)) ms over \(walked) presses; search max \(fmt(search.max() ?? 0, 1)) ms")
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
