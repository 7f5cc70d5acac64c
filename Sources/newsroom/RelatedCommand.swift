import ArgumentParser
import Foundation
import NewsArchive

struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related", abstract: "Stories that share the most people, organisations and places with a story.")

    @OptionGroup var archive: ArchiveOptions
    @Option(name: .long, help: "Show at most this many stories.") var limit = 20
    @Argument(help: "A story id (from 'newsroom stories').") var id: Int64

    func run() throws {
        let store = try archive.open()
        let related: [RelatedStory]
        do {
            guard try store.storySummary(id: id) != nil else {
                warn("story \(id): no such story in \(archive.path)")
                throw ExitStatus.inputFailed
            }
            related = try store.related(story: id, limit: limit)
        } catch let e as ExitCode { throw e } catch { throw fail(error) }
        if archive.json { return try archive.printJSON("related", related.map(RelatedJSON.init)) }
        for r in related {
            emit("\(r.story.id)\t\(r.sharedEntities) shared\t\(r.story.date ?? "-")\t\(plain(r.story.headline))\n")
        }
    }
}

/// A related story as one flat record: the story's keys plus `sharedEntities`.
struct RelatedJSON: Encodable {
    var id: Int64
    var headline: String
    var date: String?
    var agency: String?
    var source: String
    var quoteCount: Int
    var entityCount: Int
    var sharedEntities: Int
    init(_ r: RelatedStory) {
        id = r.story.id
        headline = r.story.headline
        date = r.story.date
        agency = r.story.agency
        source = r.story.source
        quoteCount = r.story.quoteCount
        entityCount = r.story.entityCount
        sharedEntities = r.sharedEntities
    }
}
