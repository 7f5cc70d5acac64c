import NewsArchive
import NewsKit

/// The open story: headline, byline, dateline, word-wrapped paragraphs;
/// quotes highlighted by kind, the selected entity's mentions underlined, the
/// place the user jumped to reversed.
public enum StoryPane: Pane {
    public static let id = PaneID.story

    public static func title(_ state: ReaderState) -> String {
        guard let open = state.open else { return "Story" }
        let total = open.layout.lines.count
        var t = "Story"
        if let i = state.stories.index(of: open.id) { t += " \(i + 1)/\(state.stories.count)" }
        if total > 0 {
            let bottom = min(total, open.scroll + max(1, Reducer.paneHeight(.story, state)))
            t += " · \(bottom * 100 / total)%"
        }
        return t
    }

    /// A styled byte range of one field of the story.
    struct Highlight {
        var field: Span.Field
        var paragraph: Int
        var range: Range<Int>
        var style: CellStyle
    }

    static func highlights(_ state: ReaderState, _ open: OpenStory) -> [Highlight] {
        var out: [Highlight] = []
        let a = open.archived.annotated
        for q in a.quotes + a.headlineQuotes {
            for p in q.parts { out.append(Highlight(field: p.field, paragraph: p.paragraph, range: p.range, style: Theme.quote(q.kind.rawValue))) }
        }
        // The entity whose mentions are shown: the walk's, else the sidebar's.
        let entityID = state.walk?.entity.id ?? state.quoteFilter?.speaker.id ?? state.selectedEntity?.id
        if let entityID, let i = open.archived.entityIDs.firstIndex(of: entityID), a.entities.indices.contains(i) {
            for m in a.entities[i].mentions {
                out.append(Highlight(field: m.span.field, paragraph: m.span.paragraph, range: m.span.range, style: Theme.mention))
            }
        }
        if let search = state.search, search.story == open.id {
            for m in search.marks {
                out.append(Highlight(field: m.field, paragraph: m.paragraph, range: m.range, style: Theme.searchMatch))
            }
        }
        if let f = open.focus {
            out.append(Highlight(field: f.field, paragraph: f.paragraph, range: f.range, style: Theme.focus))
        }
        return out
    }

    public static func draw(_ state: ReaderState, in rect: Rect, focused: Bool, into b: inout CellBuffer) {
        guard let open = state.open else {
            let text = state.stories.count == 0 ? "Nothing to read: the archive is empty." : "Loading…"
            b.put(text, x: rect.x + 1, y: rect.y, style: Theme.dim, limit: rect.maxX)
            return
        }
        let story = open.story
        let lines = open.layout.lines
        let marks = highlights(state, open)
        let maxScroll = max(0, lines.count - rect.height)
        let scroll = min(open.scroll, maxScroll)
        for row in 0..<rect.height {
            let i = scroll + row
            guard i < lines.count else { break }
            let line = lines[i]
            let y = rect.y + row
            let x = rect.x + 1
            switch line.role {
            case .blank:
                continue
            case .dateline:
                b.put(Draw.fit(datelineText(story), rect.width - 1), x: x, y: y, style: Theme.dim, limit: rect.maxX)
                continue
            case .link:
                // Untrusted like the rest of the text: the buffer shows control characters as marks.
                b.put(Draw.fit("↗ " + Draw.oneLine(story.url ?? ""), rect.width - 1), x: x, y: y, style: Theme.link,
                      limit: rect.maxX)
                continue
            default:
                break
            }
            let base: CellStyle
            switch line.role {
            case .headline: base = CellStyle(foreground: .white, bold: true)
            case .byline, .credit: base = Theme.dim
            case .subhead: base = Theme.headline
            default: base = .plain
            }
            let text = story.text(of: line.field, paragraph: line.paragraph)
            let here = marks.filter { $0.field == line.field && (line.field != .body || $0.paragraph == line.paragraph)
                && $0.range.overlaps(line.range) }
            drawText(text, range: line.range, at: x, y: y, limit: rect.maxX, base: base, marks: here, into: &b)
        }
    }

    /// Draws a byte range of `text`, styling each character by the last
    /// highlight that covers its first byte.
    static func drawText(_ text: String, range: Range<Int>, at x0: Int, y: Int, limit: Int, base: CellStyle,
                         marks: [Highlight], into b: inout CellBuffer) {
        let u = text.utf8
        guard range.upperBound <= u.count else { return }
        let lo = u.index(u.startIndex, offsetBy: range.lowerBound)
        let hi = u.index(u.startIndex, offsetBy: range.upperBound)
        var offset = range.lowerBound
        var x = x0
        for ch in text[lo..<hi] {
            if x >= limit { break }
            var style = base
            for m in marks where m.range.contains(offset) {
                style = m.style
                if base.bold { style.bold = true }
            }
            x = b.put(character: ch, x: x, y: y, style: style, limit: limit)
            offset += ch.utf8.count
        }
    }

    static func datelineText(_ story: Story) -> String {
        var parts: [String] = []
        if let d = story.dateline {
            var place = d.places.joined(separator: "/")
            if let a = d.agency { place += place.isEmpty ? a : " (\(a))" }
            if !place.isEmpty { parts.append(place) }
            if let date = d.date { parts.append(date) }
        }
        parts.append(story.source.split(separator: "/").last.map(String.init) ?? story.source)
        return Draw.oneLine(parts.joined(separator: " · "))
    }
}
