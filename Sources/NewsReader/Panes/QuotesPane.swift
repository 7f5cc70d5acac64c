import NewsArchive

/// Quotes grouped by speaker: the open story's, or one person's across the
/// archive while a filter is active (each quote then names its story).
public enum QuotesPane: Pane {
    public static let id = PaneID.quotes
    /// Attributions less sure than this are marked with a dim `?` after the
    /// quote's mark (`w` says why the quote has its speaker).
    public static let lowConfidence = 0.7

    /// Whether the quote's speaker comes from a rule that is often wrong.
    public static func isUnsure(_ q: QuoteRecord) -> Bool {
        guard q.speaker != nil, let a = q.attribution else { return false }
        return a.confidence < lowConfidence
    }

    public static func title(_ state: ReaderState) -> String {
        let n = state.quoteRows.filter { $0.quote != nil }.count
        if let f = state.quoteFilter {
            let stories = Set(state.quoteRows.compactMap { $0.quote?.story }).count
            if n < f.speaker.quoteCount {
                return "Quotes by \(f.speaker.name) · \(n) of \(f.speaker.quoteCount) loaded · F clears"
            }
            return "Quotes by \(f.speaker.name) · \(n) in \(stories) " + (stories == 1 ? "story" : "stories") + " · F clears"
        }
        return "Quotes · this story (\(n))"
    }

    public static func draw(_ state: ReaderState, in rect: Rect, focused: Bool, into b: inout CellBuffer) {
        let rows = state.quoteRows
        if rows.isEmpty {
            let text = state.quoteFilter.map { "No quotes by \($0.speaker.name) in the archive. F clears the filter." }
                ?? (state.open == nil ? "" : "No quotes in this story.")
            b.put(text, x: rect.x + 1, y: rect.y, style: Theme.dim, limit: rect.maxX)
            return
        }
        let spansStories = state.quoteFilter != nil
        let scroll = Reducer.scroll(state.quoteScroll, keeping: state.quoteSelection, height: rect.height)
        for row in 0..<rect.height {
            let i = scroll + row
            guard i < rows.count else { break }
            let y = rect.y + row
            switch rows[i] {
            case .speaker(let name, let count, let stories):
                var t = "\(Draw.oneLine(name)) — \(count) " + (count == 1 ? "quote" : "quotes")
                if spansStories, stories > 0 { t += " in \(stories) " + (stories == 1 ? "story" : "stories") }
                b.put(Draw.fit(t, rect.width), x: rect.x, y: y, style: Theme.header, limit: rect.maxX)
            case .quote(let q):
                let mark = q.kind == "direct" ? "“" : q.kind == "partial" ? "‘" : "~"
                var x = b.put("  " + mark, x: rect.x, y: y, style: Theme.quote(q.kind), limit: rect.maxX)
                x = b.put(isUnsure(q) ? "?" : " ", x: x, y: y, style: Theme.dim, limit: rect.maxX)
                x = b.put(" ", x: x, y: y, limit: rect.maxX)
                let source = spansStories ? Draw.fit(Draw.oneLine(q.headline), max(12, rect.width / 3)) : ""
                Draw.row(Draw.oneLine(q.text), right: source, in: Rect(x: x, y: y, width: rect.maxX - x, height: 1),
                         y: y, style: .plain, into: &b)
                if i == state.quoteSelection { Draw.select(row: y, in: rect, focused: focused, into: &b) }
            }
        }
    }
}
