import Foundation
import NewsArchive

/// The PostgreSQL figures beside SQLite's (`--pg URL`): ingest of the
/// largest corpus size into the archive at URL (when it is empty), then the
/// reader's figures with one reader and with sixteen at once, each reader a
/// child process of its own as the SQLite figures are.
struct PostgresBench {
    var corpus: CorpusCache
    var url: String
    var size: Int
    var readers = 16

    func run(phases: Set<String>, log: FigureLog) {
        let n = grouped(size)
        let held = (try? ArchiveLocation.open(url, mode: .readOnly).storyCount()) ?? 0
        if phases.contains("ingest") {
            if held == 0 {
                ingest(log: log)
            } else {
                log.add(Figure(name: "PostgreSQL ingest \(n) stories", value: "skipped: the archive holds \(grouped(held)) stories (give an empty database to measure ingest)",
                               target: "", verdict: .todo))
            }
        }
        guard phases.contains("reader") else { return }
        guard let one = try? runChild(["child-browse", url]), one.exitCode == 0 else {
            log.add(Figure(name: "PostgreSQL reader", value: "child failed", target: "", verdict: .miss))
            return
        }
        let busy = machineIsBusy()
        let basis = busy ? " (machine busy at load \(fmt(loadAverage(), 1)): judged on CPU ms)" : ""
        for (key, label) in [("filter", "filter quotes by a person"), ("jump", "jump to next mention"), ("search", "full-text search")] {
            guard let p95 = one.double(key + "_p95") else { continue }
            let cpu95 = one.double(key + "_cpu_p95") ?? p95
            log.add("PostgreSQL reader \(label) (\(n) stories)", "wall p95 \(fmt(p95, 2)) ms; CPU p95 \(fmt(cpu95, 2)) ms",
                    target: "p95 <= 30 ms" + basis, pass: (busy ? cpu95 : p95) <= 30)
        }
        // Sixteen readers at once: each reports its own p95; the figure is the worst reader's.
        let results = ConcurrentResults(count: readers)
        DispatchQueue.concurrentPerform(iterations: readers) { i in
            results.set(i, try? runChild(["child-browse", url]))
        }
        let done = results.all.compactMap { $0 }.filter { $0.exitCode == 0 }
        if done.count < readers {
            log.add(Figure(name: "PostgreSQL \(readers) readers at once", value: "\(readers - done.count) readers failed", target: "", verdict: .miss))
            return
        }
        for key in ["filter", "jump", "search"] {
            let p95s = done.compactMap { $0.double(key + "_p95") }.sorted()
            guard let worst = p95s.last else { continue }
            log.add("PostgreSQL \(key) with \(readers) readers at once (\(n) stories)",
                    "p95 of the median reader \(fmt(p95s[p95s.count / 2], 1)) ms, of the worst \(fmt(worst, 1)) ms at load \(fmt(loadAverage(), 1))",
                    target: "p95 <= 60 ms", pass: worst <= 60)
        }
    }

    func ingest(log: FigureLog) {
        let n = grouped(size)
        guard let result = try? runChild(["child-ingest", url, corpus.root, String(size)]), result.exitCode == 0,
              let seconds = result.double("seconds") else {
            log.add(Figure(name: "PostgreSQL ingest \(n) stories", value: "failed", target: "", verdict: .miss))
            return
        }
        let added = result.int("added") ?? 0
        log.add("PostgreSQL ingest \(n) stories", "\(fmt(seconds)) s wall at load \(fmt(loadAverage(), 1)), \(grouped(Int(Double(added) / seconds))) stories/s; client CPU \(fmt(result.cpu)) s; \(grouped(added)) added",
                pass: nil)
    }
}

/// Results written by concurrent workers, one slot each.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ChildResult?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: ChildResult?) { lock.lock(); slots[i] = r; lock.unlock() }
    var all: [ChildResult?] { lock.lock(); defer { lock.unlock() }; return slots }
}
