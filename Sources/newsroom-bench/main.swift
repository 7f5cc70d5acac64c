import Foundation
import NewsKit

// newsroom-bench: the figures of `make bench` (issue 5).
//
//   newsroom-bench [--data DIR] [--stories N] [--phases generate,extract,ingest,reader] [--pg URL] [--pg-only]
//
// With --pg, the ingest and reader phases also run on the PostgreSQL archive
// at URL (ingest only when it is empty), beside the SQLite figures;
// --pg-only leaves out the SQLite archives (and the extraction figures).
//
// Archives are made at 1,000, 10,000, 100,000 and 1,000,000 stories up to N
// (and at N itself). The ingest phase makes them anew; without it an archive
// already in DIR is reused and only a missing one is made (`make bench-1m`
// builds its 1,000,000-story archive once that way).
//
// Phases whose peak memory is reported run in child processes of this same
// executable (`child-ingest`, `child-browse`), so each figure is that phase's
// own VmHWM rather than the parent's.

func usage(_ message: String) -> Never {
    FileHandle.standardError.write(Data("newsroom-bench: \(message)\n".utf8))
    exit(2)
}

struct BenchArguments {
    var rest: [String]
    mutating func option(_ name: String) -> String? {
        guard let i = rest.firstIndex(of: name) else { return nil }
        guard i + 1 < rest.count else { usage("\(name) needs a value") }
        let value = rest[i + 1]
        rest.removeSubrange(i...(i + 1))
        return value
    }
}

func main() -> Int32 {
    var args = BenchArguments(rest: Array(CommandLine.arguments.dropFirst()))
    if let mode = args.rest.first, mode.hasPrefix("child-") {
        return ChildModes.run(mode: mode, arguments: Array(args.rest.dropFirst()))
    }
    let data = args.option("--data") ?? ".build/bench-data"
    guard let total = Int(args.option("--stories") ?? "100000"), total >= 1_000 else {
        usage("--stories must be a number >= 1000")
    }
    let phases = Set((args.option("--phases") ?? "generate,extract,ingest,reader").split(separator: ",").map(String.init))
    let pg = args.option("--pg")
    let pgOnly = args.rest.contains("--pg-only")
    args.rest.removeAll { $0 == "--pg-only" }
    if pgOnly && pg == nil { usage("--pg-only needs --pg URL") }
    if let extra = args.rest.first { usage("unknown argument \(extra)") }

    let started = now()
    let log = FigureLog()
    let machine = ProcessInfo.processInfo
    say("newsroom-bench: \(machine.activeProcessorCount) cores, \(grouped(Int(machine.physicalMemory / 1_000_000))) MB memory, corpus up to \(grouped(total)) stories, data in \(data)")
    let corpus = CorpusCache(root: data + "/corpus", stories: total)
    do {
        _ = try corpus.ensure(log: log)
    } catch {
        usage("\(error)")
    }
    var sizes = [1_000, 10_000, 100_000, 1_000_000].filter { $0 <= total }
    if sizes.last != total { sizes.append(total) }
    if phases.contains("extract") && !pgOnly {
        ExtractionBench(corpus: corpus, stories: min(total, 10_000)).run(log: log)
    }
    if !pgOnly && (phases.contains("ingest") || phases.contains("reader")) {
        ArchiveBench(corpus: corpus, data: data, sizes: sizes, phases: phases).run(log: log)
    }
    if let pg, phases.contains("ingest") || phases.contains("reader") {
        PostgresBench(corpus: corpus, url: pg, size: sizes.last!).run(phases: phases, log: log)
    }
    let missed = log.figures.filter { $0.verdict == .miss }.count
    let todo = log.figures.filter { $0.verdict == .todo }.count
    say("newsroom-bench: \(log.figures.count) figures, \(missed) missed, \(todo) not measured yet, \(fmt((now() - started) / 60)) min, load \(fmt(loadAverage(), 1))")
    return 0
}

exit(main())
