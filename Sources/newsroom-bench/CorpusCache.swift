import Foundation
import NewsKit

/// The generated corpus the benchmarks read, kept under the data folder and
/// written only when missing (or made from another seed, or too small).
struct CorpusCache {
    static let seed: UInt64 = 2026
    var root: String
    var stories: Int

    /// Makes sure the corpus is there; returns the seconds spent writing it,
    /// or nil when the cached one was reused.
    func ensure(log: FigureLog) throws -> Double? {
        if let recorded = CorpusWriter.recorded(at: root), recorded.seed == Self.seed, recorded.stories >= stories {
            return nil
        }
        try? FileManager.default.removeItem(atPath: root)
        let cpu0 = cpuSeconds(thread: false)
        let (summary, seconds) = try timed { try CorpusWriter(seed: Self.seed).write(count: stories, to: root) }
        let cpu = cpuSeconds(thread: false) - cpu0
        // On a shared machine the wall clock counts waiting for a core; CPU
        // seconds spread over the cores is what an idle machine would take.
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        let idle = cpu / cores
        let limit = 60 * Double(stories) / 100_000
        log.add("generate corpus (\(grouped(summary.stories)) stories, \(megabytes(summary.bytes)))",
                "\(fmt(idle)) s of CPU per core (\(grouped(Int(Double(summary.stories) / idle))) stories/s); wall \(fmt(seconds)) s at load \(fmt(loadAverage(), 1))",
                target: "well under 60 s for 100,000", pass: idle < limit / 2)
        return seconds
    }

    /// Folder paths holding the first `count` stories.
    func folders(for count: Int) -> [String] {
        CorpusWriter.folders(forStories: count).map { root + "/" + $0 }
    }

    /// Paths of the first `count` story files.
    func files(_ count: Int) -> [String] {
        (0..<count).map { root + "/" + CorpusWriter.relativePath(ofStory: $0) }
    }

    /// Bytes of the first `count` stories on disk.
    func bytes(_ count: Int) -> Int {
        var total = 0
        var info = stat()
        for path in files(count) where stat(path, &info) == 0 { total += Int(info.st_size) }
        return total
    }
}
