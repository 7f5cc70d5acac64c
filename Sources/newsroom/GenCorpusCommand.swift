import ArgumentParser
import Foundation
import NewsKit

struct GenCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen-corpus",
        abstract: "Write a deterministic synthetic corpus of wire stories (for benchmarks)."
    )

    @Option(name: .long, help: "How many stories to write.")
    var stories: Int = 1_000

    @Option(name: .long, help: "The seed: the same seed gives the same bytes.")
    var seed: UInt64 = 1

    @Argument(help: "The folder to write into (1,000 stories a subfolder).")
    var directory: String

    func validate() throws {
        if stories < 1 { throw ValidationError("--stories must be at least 1") }
    }

    func run() throws {
        let start = Date()
        do {
            let summary = try CorpusWriter(seed: seed).write(count: stories, to: directory)
            let seconds = Date().timeIntervalSince(start)
            emit("wrote \(summary.stories) stories, \(summary.bytes / 1_000_000) MB, to \(directory) in \(String(format: "%.1f", seconds)) s\n")
        } catch {
            warn("\(error)")
            throw ExitStatus.inputFailed
        }
    }
}
