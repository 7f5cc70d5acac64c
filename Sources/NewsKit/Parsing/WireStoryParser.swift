import Foundation

/// Plain-text stories: agency wire copy and newspaper or web copy.
///
/// Wire layout: headline, blank line, `By …` byline, blank line, a first
/// paragraph opening with the dateline, body paragraphs and ALL-CAPS subheads,
/// a closing `(Reporting by …)` credit paragraph, then image or tag lines.
/// Every part but the headline may be missing. Newspaper copy without byline
/// or dateline, with one paragraph per line or hard-wrapped paragraphs, reads
/// the same way. Paragraph text keeps the file's bytes (trimmed; the lines of
/// a hard-wrapped paragraph joined with one space), so that quote and mention
/// offsets point into what the file says. Text is never repaired: glued
/// sentences (`case.The talks`) and every kind of quote mark stay as written.
public struct WireStoryParser: StoryParser {
    public init() {}

    /// The fallback format: any text that is no markup or JSON.
    public func accepts(_ format: InputFormat) -> Bool { format == .wireText }

    public func stories(text: String, source: String) throws -> [Story] { [try parse(text: text, source: source)] }

    public func parse(text: String, source: String) throws -> Story {
        let layout = ParagraphSplitter.split(text)
        guard !layout.headline.isEmpty else { throw StoryInputError.empty(path: source) }
        var story = Story(source: source, headline: layout.headline)
        StoryBody.assemble(layout.paragraphs, into: &story)
        return story
    }
}
