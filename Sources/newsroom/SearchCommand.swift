import ArgumentParser
import Foundation
import NewsArchive

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search of stories and quotes, best first.",
        discussion: "Narrow with speaker:NAME, entity:NAME and kind:direct|partial|indirect; quote a value with spaces (speaker:\"Ana Reyes\"). A word ending in * matches as a prefix.")

    @OptionGroup var archive: ArchiveOptions
    @Option(name: .long, help: "Skip this many hits.") var offset = 0
    @Option(name: .long, help: "Show at most this many hits.") var limit = 50
    @Argument(help: "Words to find.") var query: [String]

    func validate() throws {
        if query.isEmpty { throw ValidationError("give words to search for") }
    }

    func run() throws {
        let store = try archive.open()
        let text = query.joined(separator: " ")
        for ignored in SearchQuery(text).ignored { warn("search: '\(plain(ignored))' ignored (kind is direct, partial or indirect)") }
        let hits: [SearchHit]
        do { hits = try store.search(text, offset: offset, limit: limit) } catch { throw fail(error) }
        if archive.json { return try archive.printJSON("search", hits) }
        for h in hits {
            emit("\(h.story)\t\(plain(h.headline))\t\(plain(h.snippet))\n")
        }
    }
}
