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
            // Fixed columns, so headlines line up whatever the dates look like.
            if rect.width >= 30 {
                b.put(shortDate(s.date), x: x, y: y, style: Theme.dim, limit: rect.maxX)
                x += 7
            }
            if showAgency {
                b.put(Draw.fit(Draw.oneLine(s.agency ?? ""), 9), x: x, y: y, style: Theme.dim, limit: rect.maxX)
                x += 10
            }
            let count = s.quoteCount > 0 ? "\(s.quoteCount)" : ""
            Draw.row(Draw.oneLine(s.headline), right: count, in: Rect(x: x, y: y, width: rect.maxX - x, height: 1), y: y,
                     style: isOpen ? Theme.headline : .plain, into: &b)
            if i == list.selection { Draw.select(row: y, in: rect, focused: focused, into: &b) }
        }
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A date in six columns: "Apr 02" from "2031-04-02", "Sep 9" from "Sept 9".
    static func shortDate(_ date: String?) -> String {
        guard let date, !date.isEmpty else { return "" }
        let parts = date.split(separator: "-")
        if parts.count == 3, let m = Int(parts[1]), (1...12).contains(m), parts[2].count == 2 {
            return months[m - 1] + " " + parts[2]
        }
        let words = date.split(separator: " ")
        if words.count >= 2, words[0].allSatisfy(\.isLetter) {
            return Draw.fit(String(words[0].prefix(3)) + " " + words[1].filter(\.isNumber), 6)
        }
        return Draw.fit(Draw.oneLine(date), 6)
    }
}
