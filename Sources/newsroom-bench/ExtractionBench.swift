import Dispatch
import Foundation
import NewsKit

/// Parse + extraction speed from bytes in memory (no disk), on one core and
/// on all cores.
struct ExtractionBench {
    var corpus: CorpusCache
    var stories: Int

    struct Run {
        var seconds: Double
        var cpu: Double
        var quotes: Int
        var failures: Int
    }

    func run(log: FigureLog) {
        let inputs: [(path: String, data: Data)] = corpus.files(stories).compactMap { path in
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { (path, $0) }
        }
        let bytes = inputs.reduce(0) { $0 + $1.data.count }
        let loader = StoryLoader()
        let extractor = Extractor()
        // Warm up: gazetteers load on first use, and that is not extraction speed.
        for item in inputs.prefix(50) { _ = try? extractor.annotate(loader.parse(data: item.data, source: item.path)) }

        let single = measureOneCore(inputs, loader, extractor)
        let parallel = measureAllCores(inputs, loader, extractor)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let size = "\(grouped(inputs.count)) stories, \(megabytes(bytes))"
        let mbps1 = Double(bytes) / 1e6 / single.seconds
        let mbpsCPU = Double(bytes) / 1e6 / single.cpu
        let mbpsN = Double(bytes) / 1e6 / parallel.seconds
        // The verdict uses the thread's CPU time: on a shared machine the wall
        // clock also counts time spent waiting for a core.
        log.add("extraction, 1 core (\(size))",
                "\(fmt(mbpsCPU)) MB/s, \(grouped(Int(Double(inputs.count) / single.cpu))) stories/s per CPU-second; wall \(fmt(mbps1)) MB/s, \(grouped(Int(Double(inputs.count) / single.seconds))) stories/s",
                target: ">= 25 MB/s", pass: mbpsCPU >= 25)
        let speedup = single.seconds / parallel.seconds
        // Extra CPU the parallel run spends for the same work (locks, shared
        // allocations). On a busy machine the wall-clock speedup only shows how
        // many cores the scheduler lent us, so the verdict uses this instead.
        let inflation = parallel.cpu / single.cpu
        let busy = machineIsBusy()
        let verdict = busy ? inflation <= 1.25 : speedup >= 0.8 * Double(cores)
        log.add("extraction, \(cores) cores (\(size))",
                "\(fmt(mbpsN)) MB/s, \(grouped(Int(Double(inputs.count) / parallel.seconds))) stories/s, \(fmt(speedup, 2))x one core (wall); CPU for the same work \(fmt(inflation, 2))x one core's",
                target: busy ? "near-linear: machine busy, judged on CPU <= 1.25x one core's" : "near-linear: >= \(fmt(0.8 * Double(cores), 1))x",
                pass: verdict)
        let perStory = Double(single.quotes) / Double(max(1, inputs.count))
        log.note("load average \(fmt(loadAverage(), 2)); all-core CPU use \(fmt(parallel.cpu / parallel.seconds, 2)) cores busy")
        log.note("quotes found: \(fmt(perStory, 1)) a story; failed to parse: \(single.failures)")
    }

    func measureOneCore(_ inputs: [(path: String, data: Data)], _ loader: StoryLoader, _ extractor: Extractor) -> Run {
        var quotes = 0, failures = 0
        let cpu0 = cpuSeconds(thread: true)
        let (_, seconds) = timed {
            for item in inputs {
                do {
                    let story = try loader.parse(data: item.data, source: item.path)
                    quotes += extractor.annotate(story).quotes.count
                } catch {
                    failures += 1
                }
            }
        }
        return Run(seconds: seconds, cpu: cpuSeconds(thread: true) - cpu0, quotes: quotes, failures: failures)
    }

    func measureAllCores(_ inputs: [(path: String, data: Data)], _ loader: StoryLoader, _ extractor: Extractor) -> Run {
        // Chunks, not single stories, so scheduling costs nothing next to the work.
        let chunk = 32
        let chunks = (inputs.count + chunk - 1) / chunk
        let counts = Counts(chunks)
        let cpu0 = cpuSeconds(thread: false)
        let (_, seconds) = timed {
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var quotes = 0
                for item in inputs[(c * chunk)..<min(inputs.count, (c + 1) * chunk)] {
                    if let story = try? loader.parse(data: item.data, source: item.path) {
                        quotes += extractor.annotate(story).quotes.count
                    }
                }
                counts.set(c, quotes)
            }
        }
        return Run(seconds: seconds, cpu: cpuSeconds(thread: false) - cpu0, quotes: counts.total, failures: 0)
    }
}

/// One slot per chunk, each written by one worker.
final class Counts: @unchecked Sendable {
    private var slots: [Int]
    private let lock = NSLock()
    init(_ n: Int) { slots = Array(repeating: 0, count: n) }
    func set(_ i: Int, _ v: Int) { lock.withLock { slots[i] = v } }
    var total: Int { lock.withLock { slots.reduce(0, +) } }
}
