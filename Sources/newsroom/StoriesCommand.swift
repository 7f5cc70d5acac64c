import ArgumentParser
import Foundation
import NewsArchive

struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories", abstract: "List archived stories, newest first.")

    @OptionGroup var archive: ArchiveOptions
    @Option(name: .long, help: "Skip this many stories.") var offset = 0
    @Option(name: .long, help: "Show at most this many stories.") var limit = 100

    func run() throws {
        let store = try archive.open()
        let stories: [StorySummary]
        do { stories = try store.stories(offset: offset, limit: limit) } catch { throw fail(error) }
        if archive.json { return try archive.printJSON("stories", stories) }
        for s in stories {
            emit("\(s.id)\t\(s.date ?? "-")\t\(plain(s.agency ?? "-"))\t\(plain(s.headline))\t"
                 + "\(s.quoteCount) quotes, \(s.entityCount) entities\n")
        }
    }
}
