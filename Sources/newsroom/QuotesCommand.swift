import ArgumentParser
import Foundation
import NewsArchive
import NewsKit

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes", abstract: "List quotes across the archive, by speaker, story, words or kind.")

    @OptionGroup var archive: ArchiveOptions
    @Option(name: .long, help: "Who said it: any part of the name, case-insensitive (rubio).") var speaker: String?
    @Option(name: .long, help: "Only quotes from this story id.") var story: Int64?
    @Option(name: .long, help: "Words the quote contains.") var text: String?
    @Option(name: .long, help: "direct, partial or indirect.") var kind: QuoteKind?
    @Option(name: .long, help: "Only quotes whose attribution is at least this sure, 0 to 1 (0.8).")
    var minConfidence: Double?
    @Option(name: .long, help: "Skip this many quotes.") var offset = 0
    @Option(name: .long, help: "Show at most this many quotes.") var limit = 1000

    func validate() throws {
        if let x = minConfidence, !(0...1).contains(x) {
            throw ValidationError("--min-confidence: \(x) is not a number from 0 to 1")
        }
    }

    func run() throws {
        let store = try archive.open()
        var filter = QuoteFilter(story: story, text: text, kind: kind, minConfidence: minConfidence,
                                 limit: limit, offset: offset)
        if let speaker {
            filter.speakerID = try resolveOne(store, name: speaker, what: "speaker", speakersOnly: true).id
        }
        let quotes: [QuoteRecord]
        do { quotes = try store.quotes(filter) } catch { throw fail(error) }
        if archive.json { return try archive.printJSON("quotes", quotes) }
        for q in quotes {
            emit("\(plain(q.speaker ?? "(unattributed)"))\t[\(q.kind)] story \(q.story) ¶\(q.paragraph)\t"
                 + "“\(plain(q.text))”\n")
        }
    }
}
