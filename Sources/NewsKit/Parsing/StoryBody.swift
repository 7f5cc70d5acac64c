/// What every format does with a story's body once it is cut into paragraph
/// texts, the same way wire text always had it done: a leading `By …` byline
/// paragraph, trailing tag and picture lines, the closing credit paragraph,
/// the dateline at the start of the first paragraph (`BERLIN (Reuters) -`),
/// ALL-CAPS subheads. Feed, agency and page parsers hand their paragraphs
/// here, so a dateline or credit line reads the same in RSS as in a `.txt`.
enum StoryBody {
    /// Fills `story`'s byline (when it has none and the body opens with one),
    /// media, credits, dateline (the body's own wins over one from metadata)
    /// and paragraphs from `texts`. `headings` are indices of paragraphs the
    /// markup marked as headings: they become subheads.
    static func assemble(_ texts: [String], headings: Set<Int> = [], into story: inout Story) {
        var texts = texts
        var headingFlags = texts.indices.map { headings.contains($0) }

        if let first = texts.first, let names = CreditReader.bylineNames(first) {
            if story.bylineText == nil {
                story.bylineText = first
                story.byline = names
            }
            texts.removeFirst()
            headingFlags.removeFirst()
            // "By A\nAssociated Press": the agency line under the byline is no text.
            if let next = texts.first, CreditReader.isAgencyLine(next) {
                texts.removeFirst()
                headingFlags.removeFirst()
            }
        }
        // Tag and picture lines come last, after the credits.
        var media: [String] = []
        while let last = texts.last, MediaLine.matches(last) {
            media.append(last)
            texts.removeLast()
            headingFlags.removeLast()
        }
        media.reverse()
        // Captions and image tags inside the body are pictures too.
        if texts.contains(where: MediaLine.isPicture) {
            media = texts.filter(MediaLine.isPicture) + media
            let keep = texts.indices.filter { !MediaLine.isPicture(texts[$0]) }
            texts = keep.map { texts[$0] }
            headingFlags = keep.map { headingFlags[$0] }
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
                headingFlags.remove(at: datelineIndex)
                creditIndex = creditIndex.map { $0 > datelineIndex ? $0 - 1 : $0 }
            } else {
                texts[datelineIndex] = rest
            }
        }
        story.paragraphs = texts.enumerated().map { index, text in
            if index == creditIndex { return Paragraph(text, kind: .credit) }
            return Paragraph(text, kind: headingFlags[index] || isSubhead(text) ? .subhead : .body)
        }
    }

    /// A byline from a feed's or agency's author field ("Ingrid Solberg",
    /// "By Ingrid Solberg and Tomas Lund"), read as the wire byline would be:
    /// the line as `bylineText` (with "By " before it), the people in `byline`.
    static func setByline(_ author: String?, on story: inout Story) {
        guard let author = author.flatMap(XMLTree.collapse) else { return }
        let line = author.hasPrefix("By ") || author.hasPrefix("BY ") ? author : "By " + author
        if let names = CreditReader.bylineNames(line) {
            story.bylineText = line
            story.byline = names
        }
    }

    /// A dateline from metadata (NewsML `<dateline>`, NITF `<dateline>`,
    /// ninjs `located`) for a body that does not open with one.
    static func dateline(text: String?, places: [String], agency: String?) -> Dateline? {
        if let text = text.flatMap(XMLTree.collapse) {
            if let (found, _) = DatelineReader.read(text + " -") ?? DatelineReader.read(text) {
                var d = found
                d.raw = text
                if d.agency == nil { d.agency = agency }
                return d
            }
            let (p, date) = DatelineReader.placesAndDate(text)
            if !p.isEmpty || date != nil {
                return Dateline(raw: text, places: p.isEmpty ? places : p, date: date, agency: agency)
            }
        }
        guard !places.isEmpty else { return nil }
        return Dateline(raw: places.joined(separator: ", "), places: places, agency: agency)
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

extension StoryBody {
    /// A story from a structured format's fields and its body's blocks. The
    /// headline falls back to the first heading or paragraph; a heading that
    /// repeats the headline is dropped. Nil when there is neither headline nor text.
    static func story(
        source: String, headline: String?, author: String?, blocks: [HTMLText.Block], url: String?,
        published: String?, dateline metadata: Dateline? = nil, isSummary: Bool = false
    ) -> Story? {
        var blocks = blocks
        var title = headline.flatMap(XMLTree.collapse)
        if title == nil, let first = blocks.first {
            title = first.isHeading ? first.text : String(first.text.prefix(120))
            if first.isHeading { blocks.removeFirst() }
        }
        guard let title else { return nil }
        while let first = blocks.first, first.isHeading, first.text.lowercased() == title.lowercased() {
            blocks.removeFirst()
        }
        var story = Story(source: source, headline: title, url: url.flatMap(XMLTree.collapse),
                          published: published.flatMap(XMLTree.collapse))
        story.isSummary = isSummary
        setByline(author, on: &story)
        let headings = Set(blocks.indices.filter { blocks[$0].isHeading })
        assemble(blocks.map(\.text), headings: headings, into: &story)
        if story.dateline == nil {
            story.dateline = metadata
        } else if story.dateline?.agency == nil, let agency = metadata?.agency {
            story.dateline?.agency = agency
        }
        return story
    }
}

/// A story's identity in an archive (`Story.source`) when one document
/// holds several: stable across fetches and saved copies of the same feed.
enum StoryIdentity {
    /// An item's guid when it is globally unique (a URL or URN: it has a
    /// scheme); a feed-local guid under the feed's link (`link#guid`); else
    /// the item's link; else the document's source and the item's place
    /// (`feed.xml#3`, counted from 1), or the source alone (`index` nil) for
    /// a document's only item.
    static func source(guid: String?, link: String?, feedLink: String?, documentSource: String, index: Int?) -> String {
        if let guid = guid.flatMap(XMLTree.collapse) {
            if hasScheme(guid) { return guid }
            return (feedLink.flatMap(XMLTree.collapse) ?? documentSource) + "#" + guid
        }
        if let link = link.flatMap(XMLTree.collapse) { return link }
        return index.map { documentSource + "#\($0 + 1)" } ?? documentSource
    }

    /// `https://…`, `urn:…`, `tag:…`: a scheme before the first colon.
    static func hasScheme(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon > s.startIndex else { return false }
        return s[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && s[s.startIndex].isLetter
    }

    /// A web address, or nil.
    static func webURL(_ s: String?) -> String? {
        guard let s = s.flatMap(XMLTree.collapse) else { return nil }
        let lower = s.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? s : nil
    }
}
