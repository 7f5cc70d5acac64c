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

    /// The fallback format: any text file is read as a plain-text story.
    public func accepts(path: String, prefix: [UInt8]) -> Bool { true }

    public func parse(text: String, source: String) throws -> Story {
        let layout = ParagraphSplitter.split(text)
        guard !layout.headline.isEmpty else { throw StoryInputError.empty(path: source) }
        var story = Story(source: source, headline: layout.headline)
        var texts = layout.paragraphs

        if let first = texts.first, let names = CreditReader.bylineNames(first) {
            story.bylineText = first
            story.byline = names
            texts.removeFirst()
            // "By A\nAssociated Press": the agency line under the byline is no text.
            if let next = texts.first, CreditReader.isAgencyLine(next) { texts.removeFirst() }
        }
        // Tag and picture lines come last, after the credits.
        var media: [String] = []
        while let last = texts.last, MediaLine.matches(last) {
            media.append(last)
            texts.removeLast()
        }
        media.reverse()
        // Captions and image tags inside the body are pictures too.
        if texts.contains(where: MediaLine.isPicture) {
            media = texts.filter(MediaLine.isPicture) + media
            texts.removeAll(where: MediaLine.isPicture)
        }
        story.media = media

        // The credit paragraph closes the story, but boilerplate such as
        // "Our Standards: …" may follow it: look at the last three paragraphs.
        var creditIndex: Int?
        for index in texts.indices.reversed().prefix(3) {
            if let credits = CreditReader.credits(texts[index]) {
                story.credits = credits
                creditIndex = index
                break
            }
        }
        // The dateline opens the first paragraph, or the second after an
        // editor's note in brackets ("(This story corrects …)").
        var datelineIndex = 0
        if let first = texts.first, texts.count > 1, first.hasPrefix("("), first.hasSuffix(")"),
           DatelineReader.read(first) == nil {
            datelineIndex = 1
        }
        if datelineIndex < texts.count, creditIndex != datelineIndex,
           let (dateline, rest) = DatelineReader.read(texts[datelineIndex]) {
            story.dateline = dateline
            if rest.isEmpty {
                // A dateline standing alone on its line.
                texts.remove(at: datelineIndex)
                creditIndex = creditIndex.map { $0 > datelineIndex ? $0 - 1 : $0 }
            } else {
                texts[datelineIndex] = rest
            }
        }
        story.paragraphs = texts.enumerated().map { index, text in
            if index == creditIndex { return Paragraph(text, kind: .credit) }
            return Paragraph(text, kind: Self.isSubhead(text) ? .subhead : .body)
        }
        return story
    }

    /// An ALL-CAPS section break: short, enough letters, none of them lowercase.
    static func isSubhead(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count <= 120, let first = utf8.first, first != UInt8(ascii: "(") else { return false }
        var letters = 0
        var nonASCII = false
        for c in utf8 {
            if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { return false }
            if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { letters += 1 }
            if c >= 0x80 { nonASCII = true }
        }
        if nonASCII, text.unicodeScalars.contains(where: { $0.properties.isLowercase }) { return false }
        // A lone acronym ("NATO") is more likely a word than a section break.
        return letters >= 5 || (letters >= 4 && utf8.contains(0x20))
    }
}
