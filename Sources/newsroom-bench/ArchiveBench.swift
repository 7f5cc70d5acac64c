import Foundation
import NewsArchive
import NewsKit

/// Ingest at each corpus size into a new archive, then the reader and the
/// archive queries on each archive; prints the 100,000-story figures and how
/// time grows with size.
struct ArchiveBench {
    var corpus: CorpusCache
    var data: String
    var sizes: [Int]
    var phases: Set<String>

    func archivePath(_ size: Int) -> String { data + "/archive-\(size).sqlite" }

    func run(log: FigureLog) {
        var ingest: [Int: ChildResult] = [:]
        var browse: [Int: ChildResult] = [:]
        let largest = sizes.last!
        for size in sizes {
            if phases.contains("ingest") || !FileManager.default.fileExists(atPath: archivePath(size)) {
                ingest[size] = runIngest(size, log: log)
            }
        }
        if phases.contains("reader") {
            for size in sizes {
                guard FileManager.default.fileExists(atPath: archivePath(size)) else { continue }
                browse[size] = runBrowse(size, log: log, figures: size == largest)
            }
        }
        growth(ingest: ingest, browse: browse, log: log)
    }

    // MARK: Ingest

    func runIngest(_ size: Int, log: FigureLog) -> ChildResult? {
        let path = archivePath(size)
        // Written under another name and renamed when complete, so an
        // interrupted run never leaves an archive that a later run reuses.
        let partial = path + ".partial"
        for p in [path, partial].flatMap({ [$0, $0 + "-wal", $0 + "-shm"] }) { try? FileManager.default.removeItem(atPath: p) }
        defer {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: partial + suffix) {
                try? FileManager.default.moveItem(atPath: partial + suffix, toPath: path + suffix)
            }
        }
        let result: ChildResult
        do {
            result = try runChild(["child-ingest", partial, corpus.root, String(size)])
        } catch {
            log.add(Figure(name: "ingest \(grouped(size))", value: "could not start the child process", target: "", verdict: .miss))
            return nil
        }
        guard result.exitCode == 0, let seconds = result.double("seconds") else {
            for p in [partial, partial + "-wal", partial + "-shm"] { try? FileManager.default.removeItem(atPath: p) }
            let why = result.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(result.exitCode)"
            log.add(Figure(name: "ingest \(grouped(size))", value: "failed: \(why)", target: "", verdict: .miss))
            return nil
        }
        let corpusBytes = corpus.bytes(size)
        let archiveBytes = diskSize(ofDatabase: partial)
        let ratio = Double(archiveBytes) / Double(corpusBytes)
        let added = result.int("added") ?? 0
        let failed = result.int("failed") ?? 0
        let rate = Double(added) / seconds
        // On a busy machine the wall clock counts the wait for a core; then the
        // verdict uses CPU seconds spread over the cores, a lower bound of the
        // wall time on an idle machine (ingest extracts on all cores while one
        // thread writes).
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        let load = loadAverage()
        let busy = machineIsBusy()
        let idleEstimate = result.cpu / cores
        let judged = busy ? idleEstimate : seconds
        let timeTarget = size == 100_000 ? "<= 60 s" + (busy ? ", judged on CPU s / cores: machine busy" : "") : ""
        log.add("ingest \(grouped(size)) stories (\(megabytes(corpusBytes)))",
                "\(fmt(seconds)) s wall at load \(fmt(load, 1)), \(grouped(Int(rate))) stories/s; CPU \(fmt(result.cpu)) s = \(fmt(idleEstimate)) s on \(Int(cores)) idle cores (\(grouped(Int(Double(added) / idleEstimate))) stories/s); \(grouped(added)) added, \(failed) failed",
                target: timeTarget, pass: size == 100_000 ? judged <= 60 : nil)
        let wal = archiveBytes - ((try? FileManager.default.attributesOfItem(atPath: partial)[.size] as? Int) ?? 0)
        log.add("archive size on disk, \(grouped(size)) stories", "\(megabytes(archiveBytes)) = \(fmt(ratio, 2))x corpus (of which WAL and shm \(megabytes(wal)))",
                target: "<= 2.5x", pass: ratio <= 2.5)
        if let rss = result.int("peak_rss") {
            log.add("peak RSS of ingest, \(grouped(size)) stories", megabytes(rss) + " (getrusage: \(megabytes(childrenPeakRSS())) largest child so far)",
                    pass: nil)
        }
        return result
    }

    // MARK: Reader

    func runBrowse(_ size: Int, log: FigureLog, figures: Bool) -> ChildResult? {
        guard let result = try? runChild(["child-browse", archivePath(size)]), result.exitCode == 0 else {
            log.add(Figure(name: "reader on \(grouped(size)) stories", value: "child failed", target: "", verdict: .miss))
            return nil
        }
        let n = grouped(size)
        for line in result.stderr.split(separator: "\n") { log.note("(\(n)) " + line) }
        guard figures else { return result }
        func ms(_ key: String) -> Double? { result.double(key) }
        // On a busy machine wall-clock latency is mostly the wait for a core;
        // then the verdict uses the CPU time of the step (all threads).
        let busy = machineIsBusy()
        let basis = busy ? " (machine busy at load \(fmt(loadAverage(), 1)): judged on CPU ms)" : ""
        if let cold = ms("cold_ms") {
            let cpu = ms("cold_cpu_ms") ?? cold
            log.add("reader cold start to first frame (\(n) stories)", "\(fmt(cold)) ms wall, \(fmt(cpu)) ms CPU",
                    target: "<= 20 ms" + basis, pass: (busy ? cpu : cold) <= 20)
        }
        for (key, label, target) in [("filter", "filter quotes by a person", 10.0), ("jump", "jump to next mention across stories", 10.0),
                                     ("search", "full-text search", 15.0), ("key", "keypress to next frame", 16.0)] {
            guard let p50 = ms(key + "_p50"), let p95 = ms(key + "_p95") else {
                log.add(Figure(name: "reader \(label) (\(n) stories)", value: result.values[key + "_todo"] ?? "not measured", target: "", verdict: .todo))
                continue
            }
            let samples = result.int(key + "_n") ?? 0
            let cpu50 = ms(key + "_cpu_p50") ?? p50, cpu95 = ms(key + "_cpu_p95") ?? p95
            log.add("reader \(label) (\(n) stories, \(samples) samples)",
                    "wall p50 \(fmt(p50, 2)) ms, p95 \(fmt(p95, 2)) ms; CPU p50 \(fmt(cpu50, 2)) ms, p95 \(fmt(cpu95, 2)) ms",
                    target: "p95 <= \(Int(target)) ms" + basis, pass: (busy ? cpu95 : p95) <= target)
        }
        for key in ["q_filter", "q_jump", "q_search", "q_page", "q_story"] {
            if let p50 = ms(key + "_p50"), let p95 = ms(key + "_p95") {
                log.note("archive query \(key.dropFirst(2)): p50 \(fmt(p50, 2)) ms, p95 \(fmt(p95, 2)) ms")
            }
        }
        if let rss = result.int("peak_rss") {
            log.add("peak RSS of browsing (\(n) stories)", megabytes(rss), target: "<= 250 MB", pass: rss <= 250_000_000)
        }
        return result
    }

    // MARK: Growth

    func growth(ingest: [Int: ChildResult], browse: [Int: ChildResult], log: FigureLog) {
        guard sizes.count > 1 else { return }
        let header = sizes.map(grouped).joined(separator: " -> ")
        func row(_ name: String, _ values: [Double?], unit: String, digits: Int = 1) -> String {
            "\(name): " + values.map { $0.map { fmt($0, digits) } ?? "-" }.joined(separator: " / ") + " \(unit)"
        }
        // CPU seconds, not wall: the wall clock on a shared machine follows the load.
        let ingestSeconds = sizes.map { ingest[$0]?.cpu }
        if ingest.count == sizes.count {
            let perStory = sizes.map { s in ingest[s].map { $0.cpu * 1000 / Double(s) } }
            let flat = (perStory.last ?? nil).flatMap { last in (perStory.first ?? nil).map { last <= 2 * $0 } }
            log.add("growth, ingest \(header)", row("CPU seconds", ingestSeconds, unit: "s") + "; " + row("per story", perStory, unit: "ms", digits: 2),
                    target: "linear in stories (per-story time flat)", pass: flat)
        }
        guard browse.count == sizes.count else { return }
        for key in ["cold_cpu_ms", "filter_cpu_p95", "jump_cpu_p95", "search_cpu_p95", "key_cpu_p95"] {
            let values = sizes.map { browse[$0]?.double(key) }
            guard let first = values.first ?? nil, let last = values.last ?? nil else { continue }
            // Flat: the largest archive costs at most 3x the time of the
            // smallest (or stays under 2 ms).
            let flat = last <= max(3 * first, 2)
            log.add("growth, reader \(key) \(header)", row("", values, unit: "ms", digits: 2),
                    target: "flat (<= 3x from the smallest to the largest)", pass: flat)
        }
    }
}
