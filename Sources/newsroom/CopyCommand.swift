import ArgumentParser
import Foundation
import NewsArchive
import NewsKit

/// `newsroom copy --from A --to B`: moves an archive between backends
/// (SQLite ⇄ PostgreSQL), story by story in the order they were added, so
/// entities link in the destination as they did in the source. Resumable:
/// a story whose bytes the destination holds is left as it is, so a copy
/// that stopped is run again to finish. Counts are compared at the end.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy an archive to another one (an SQLite file or a PostgreSQL URL), resumably.")

    @Option(name: .long, help: "The archive to read (file or postgresql:// URL).", completion: .file())
    var from: String

    @Option(name: .long, help: "The archive to write (created when missing).", completion: .file())
    var to: String

    @Option(name: .long, help: "Stories written per transaction.")
    var batchSize = 256

    @Flag(name: .long, help: "Print one JSON object (see README).")
    var json = false

    func validate() throws {
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if from == to { throw ValidationError("--from and --to name the same archive") }
    }

    func run() throws {
        let source: any ArchiveStore, destination: any ArchiveStore
        var report = IngestReport()
        let counts: (stories: Int, quotes: Int, destinationStories: Int, destinationQuotes: Int)
        do {
            source = try ArchiveLocation.open(from, mode: .readOnly, notice: { warn($0) })
            destination = try ArchiveLocation.open(to, mode: .readWrite, batchSize: batchSize, notice: { warn($0) })
            // Oldest first: ids (and so archive order among equal dates) and
            // entity linking follow the source's order of ingest.
            var ids: [StoryID] = []
            let total = try source.storyCount()
            var offset = 0
            while offset < total {
                let page = try source.stories(offset: offset, limit: 1000)
                if page.isEmpty { break }
                ids += page.map(\.id)
                offset += page.count
            }
            ids.sort()
            var start = 0
            while start < ids.count {
                let chunk = ids[start..<min(ids.count, start + batchSize)]
                let items = try chunk.compactMap { id -> IngestItem? in
                    try source.story(id: id).map { IngestItem(annotated: $0.annotated, contentHash: $0.contentHash) }
                }
                let r = try destination.store(items)
                report.added += r.added
                report.updated += r.updated
                report.unchanged += r.unchanged
                start += chunk.count
            }
            report.filesSeen = ids.count
            counts = (try source.storyCount(), try source.quoteCount(QuoteFilter()),
                      try destination.storyCount(), try destination.quoteCount(QuoteFilter()))
        } catch {
            throw fail(error)
        }
        let matches = counts.stories == counts.destinationStories && counts.quotes == counts.destinationQuotes
        if json {
            emit(String(decoding: try JSONOutput.encode(CopyJSON(
                stories: counts.stories, quotes: counts.quotes, added: report.added, updated: report.updated,
                unchanged: report.unchanged, destinationStories: counts.destinationStories,
                destinationQuotes: counts.destinationQuotes, countsMatch: matches)), as: UTF8.self) + "\n")
        } else {
            emit("\(report.filesSeen) stories: \(report.added) copied, \(report.updated) updated, \(report.unchanged) already there\n")
        }
        if !matches {
            warn("\(to): holds \(counts.destinationStories) stories and \(counts.destinationQuotes) quotes, "
                 + "\(from) \(counts.stories) and \(counts.quotes) (the destination had other stories, or a write failed)")
            throw ExitStatus.inputFailed
        }
    }
}

/// `newsroom copy --json`.
struct CopyJSON: Encodable {
    var formatVersion = 1
    var stories: Int
    var quotes: Int
    var added: Int
    var updated: Int
    var unchanged: Int
    var destinationStories: Int
    var destinationQuotes: Int
    var countsMatch: Bool
}
