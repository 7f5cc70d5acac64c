/// The story list: date, agency, headline, quote count; the open story marked.
public enum StoriesPane: Pane {
    public static let id = PaneID.stories

    public static func title(_ state: ReaderState) -> String {
        let n = state.stories.count
        return n == 0 ? "Stories" : "Stories \(state.stories.selection + 1)/\(n)"
    }

    public static func draw(_ state: ReaderState, in rect: Rect, focused: Bool, into b: inout CellBuffer) {
        let list = state.stories
        if list.count == 0 {
            b.put("No stories in this archive.", x: rect.x, y: rect.y, style: Theme.dim, limit: rect.maxX)
            return
        }
        let scroll = Reducer.scroll(list.scroll, keeping: list.selection, height: rect.height)
        let showAgency = rect.width >= 44
        for row in 0..<rect.height {
            let i = scroll + row
            guard i < list.count else { break }
            let y = rect.y + row
            guard let s = list.summary(at: i) else {
                b.put("…", x: rect.x + 2, y: y, style: Theme.dim)
                continue
            }
            let isOpen = state.open?.id == s.id
            b.put(isOpen ? "▶" : " ", x: rect.x, y: y, style: Theme.header)
            var x = rect.x + 2
            if let d = s.date, rect.width >= 30 {
                x = b.put(Draw.fit(d, 10), x: x, y: y, style: Theme.dim, limit: rect.maxX) + 1
            }
            if showAgency, let a = s.agency, !a.isEmpty {
                x = b.put(Draw.fit(Draw.oneLine(a), 9), x: x, y: y, style: Theme.dim, limit: rect.maxX) + 1
            }
            let count = s.quoteCount > 0 ? "\(s.quoteCount)" : ""
            Draw.row(Draw.oneLine(s.headline), right: count, in: Rect(x: x, y: y, width: rect.maxX - x, height: 1), y: y,
                     style: isOpen ? Theme.headline : .plain, into: &b)
            if i == list.selection { Draw.select(row: y, in: rect, focused: focused, into: &b) }
        }
    }
}
