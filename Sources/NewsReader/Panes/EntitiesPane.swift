/// People, organisations and places with mention counts, for the open story
/// or the whole archive.
public enum EntitiesPane: Pane {
    public static let id = PaneID.entities

    public static func title(_ state: ReaderState) -> String {
        state.entityScope == .story ? "Entities · this story" : "Entities · archive"
    }

    public static func draw(_ state: ReaderState, in rect: Rect, focused: Bool, into b: inout CellBuffer) {
        let rows = state.entityRows
        if rows.allSatisfy(\.isHeader) && state.entityScope == .archive && state.archiveEntities.isEmpty {
            b.put("Loading…", x: rect.x + 1, y: rect.y, style: Theme.dim, limit: rect.maxX)
            return
        }
        let scroll = Reducer.scroll(state.entityScroll, keeping: state.entitySelection, height: rect.height)
        for row in 0..<rect.height {
            let i = scroll + row
            guard i < rows.count else { break }
            let r = rows[i]
            let y = rect.y + row
            if r.isHeader {
                b.put(Draw.fit(r.name, rect.width), x: rect.x, y: y, style: Theme.header, limit: rect.maxX)
                continue
            }
            let walking = state.walk?.entity.id == r.id || state.quoteFilter?.speaker.id == r.id
            Draw.row((walking ? "• " : "  ") + Draw.oneLine(r.name), right: "\(r.count)",
                     in: rect, y: y, style: .plain, into: &b)
            if i == state.entitySelection { Draw.select(row: y, in: rect, focused: focused, into: &b) }
        }
    }
}
