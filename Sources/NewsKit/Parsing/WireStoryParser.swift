import Foundation

/// Plain-text wire stories: headline, byline, dateline, paragraphs, credits.
/// (First cut: headline and blank-line paragraphs only.)
public struct WireStoryParser: StoryParser {
    public init() {}

    public func accepts(path: String, prefix: [UInt8]) -> Bool { true }

    public func parse(text: String, source: String) throws -> Story {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var blocks = normalized.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        let headline = blocks.isEmpty ? "" : blocks.removeFirst()
        return Story(source: source, headline: headline, paragraphs: blocks.map { Paragraph($0) })
    }
}
