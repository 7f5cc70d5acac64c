import ArgumentParser
import Foundation
import NewsArchive
import NewsKit

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities", abstract: "List people, organisations and places, most mentioned first.")

    @OptionGroup var archive: ArchiveOptions
    @Option(name: .long, help: "person, organization, place or other.") var type: EntityType?
    @Option(name: .long, help: "Only entities of this story id.") var story: Int64?
    @Option(name: .long, help: "Skip this many entities.") var offset = 0
    @Option(name: .long, help: "Show at most this many entities.") var limit = 200

    func run() throws {
        let store = try archive.open()
        let entities: [EntityRecord]
        do {
            if let story, try store.storySummary(id: story) == nil {
                warn("story \(story): no such story in \(archive.path)")
                throw ExitStatus.inputFailed
            }
            entities = try store.entities(type: type, story: story, offset: offset, limit: limit)
        } catch let e as ExitCode { throw e } catch { throw fail(error) }
        if archive.json { return try archive.printJSON("entities", entities) }
        for e in entities {
            emit("\(e.id)\t\(e.type)\t\(plain(e.name))\t\(e.mentionCount) mentions in \(e.storyCount) stories\n")
        }
    }
}
