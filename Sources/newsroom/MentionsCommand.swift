import ArgumentParser
import Foundation
import NewsArchive
import NewsKit

struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentions", abstract: "Every mention of a person, organisation or place, in archive order.")

    @OptionGroup var archive: ArchiveOptions
    @Option(name: .long, help: "person, organization, place or other.") var type: EntityType?
    @Argument(help: "The name, or any part of it (case-insensitive).") var name: String

    func run() throws {
        let store = try archive.open()
        let entity = try resolveOne(store, name: name, what: "name", type: type)
        var all: [MentionRecord] = []
        do {
            // Page through: an entity of a big archive has many mentions.
            let page = 1000
            while true {
                let next = try store.mentions(entity: entity.id, offset: all.count, limit: page)
                all += next
                if next.count < page { break }
            }
        } catch { throw fail(error) }
        if archive.json { return try archive.printJSON("mentions", all) }
        for m in all {
            let place = m.field == "body" ? "¶\(m.paragraph)" : m.field
            emit("story \(m.story) \(place) [\(m.range[0]),\(m.range[1])]\t\(plain(m.text))\t\(plain(m.context))\n")
        }
    }
}
