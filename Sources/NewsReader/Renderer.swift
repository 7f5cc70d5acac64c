import Foundation
import NewsArchive

/// Draws the whole screen for a state: a pure function into a cell buffer.
public enum Renderer {
    static var panes: [any Pane.Type] { [StoriesPane.self, StoryPane.self, EntitiesPane.self, QuotesPane.self] }

    public static func render(_ state: ReaderState) -> CellBuffer {
        var b = CellBuffer(width: state.width, height: state.height)
        render(state, into: &b)
        return b
    }

    public static func render(_ state: ReaderState, into b: inout CellBuffer) {
        b.fill(Rect(x: 0, y: 0, width: b.width, height: b.height))
        let layout = state.layout
        if layout.mode == .tooSmall {
            let lines = ["terminal too small", "\(state.width)x\(state.height), need \(Layout.minimumWidth)x\(Layout.minimumHeight)", "q quits"]
            for (i, l) in lines.enumerated() {
                let y = max(0, state.height / 2 - 1) + i
                b.put(l, x: max(0, (state.width - DisplayWidth.columns(of: l)) / 2), y: y, style: i == 0 ? Theme.message : .plain)
            }
            return
        }
        for pane in panes {
            guard let rect = layout.panes[pane.id] else { continue }
            let focused = state.focus == pane.id
            Draw.box(rect, title: pane.title(state), focused: focused, into: &b)
            pane.draw(state, in: rect.inset(1), focused: focused, into: &b)
        }
        if let overlay = state.overlay { OverlayView.draw(overlay, state, into: &b) }
        StatusLine.draw(state, in: layout.status, into: &b)
    }
}

/// The bottom line: where you are, the active filter, the message or the
/// key hints — or the open prompt.
public enum StatusLine {
    public static func draw(_ state: ReaderState, in rect: Rect, into b: inout CellBuffer) {
        let y = rect.y
        b.fill(rect, with: Cell(" ", style: Theme.status))
        if let p = state.prompt {
            var x = b.put(p.label, x: 0, y: y, style: CellStyle(bold: true, reverse: true))
            x = b.put(p.text, x: x, y: y, style: Theme.status)
            b.put("▏", x: x, y: y, style: Theme.status)
            if p.kind == .filter, !p.completions.isEmpty {
                var cx = x + 3
                cx = b.put("Tab:", x: cx, y: y, style: CellStyle(reverse: true, dim: true))
                for (i, c) in p.completions.enumerated() {
                    let style = i == p.completion ? CellStyle(bold: true, reverse: true, underline: true) : Theme.status
                    cx = b.put(" " + Draw.oneLine(c.name), x: cx, y: y, style: style) + 1
                    if cx >= rect.maxX { break }
                }
            }
            return
        }
        var left: [String] = []
        if state.stories.count > 0 { left.append("story \(state.stories.selection + 1)/\(state.stories.count)") }
        if let f = state.quoteFilter { left.append("filter: \(f.speaker.name)") }
        var x = b.put(" " + left.joined(separator: " · ") + " ", x: 0, y: y, style: CellStyle(bold: true, reverse: true))
        if let m = state.message ?? state.activity {
            // Cut with "…" on a narrow terminal rather than mid-word at the edge.
            x = b.put(Draw.fit(" " + m, rect.width - x), x: x, y: y, style: Theme.status)
        }
        // Hints from the action table, right-aligned, as many as fit.
        var hints = ""
        for h in ActionTable.hints {
            let next = hints + (hints.isEmpty ? "" : "  ") + "\(h.key) \(h.word)"
            if DisplayWidth.columns(of: next) + x + 4 > rect.width { break }
            hints = next
        }
        let w = DisplayWidth.columns(of: hints)
        if !hints.isEmpty { b.put(hints, x: rect.width - w - 1, y: y, style: CellStyle(reverse: true, dim: true)) }
    }
}

/// Help and related-stories windows over the panes.
public enum OverlayView {
    /// Where an overlay stands on a `width`x`height` screen.
    static func rect(width: Int, height: Int) -> Rect {
        let w = min(width - 4, 78)
        let h = min(height - 4, 36)
        return Rect(x: (width - w) / 2, y: max(1, (height - 1 - h) / 2), width: w, height: h)
    }

    /// The help overlay's rows for an inner width: a section title, or a
    /// binding's keys and its help word-wrapped beside them (in an 18-column
    /// key column), or, where that leaves too little room, under them.
    static func helpRows(width: Int) -> [(keys: String, help: String, isHeader: Bool)] {
        let besides = width - 20 >= 30
        var rows: [(String, String, Bool)] = []
        func add(_ keys: String, _ help: String) {
            let bytes = Array(help.utf8)
            let lines = WordWrap.lines(help, width: max(8, besides ? width - 20 : width - 4)).map {
                String(decoding: bytes[$0], as: UTF8.self)
            }
            if besides {
                for (i, line) in lines.enumerated() { rows.append((i == 0 ? keys : "", line, false)) }
            } else {
                rows.append((keys, "", false))
                for line in lines { rows.append(("", line, false)) }
            }
        }
        var section = ""
        for binding in ActionTable.bindings {
            if binding.section != section {
                section = binding.section
                if !rows.isEmpty { rows.append(("", "", false)) }
                rows.append((section, "", true))
            }
            add(binding.keys.map(\.label).joined(separator: " "), binding.help)
        }
        rows.append(("", "", false))
        add("Mouse", "click focuses a pane and selects; the wheel scrolls")
        return rows
    }

    /// The explanation of a quote's speaker, a labelled line each.
    static func whyRows(_ q: QuoteRecord) -> [(label: String, text: String, unsure: Bool)] {
        var rows: [(String, String, Bool)] = [
            ("Quote", "“" + q.text + "”", false),
            ("Speaker", q.speaker ?? "nobody (unattributed)", false),
        ]
        guard let a = q.attribution else {
            rows.append(("Rule", "none: no rule gave this quote a speaker", false))
            return rows
        }
        rows.append(("Rule", a.method, false))
        rows.append(("Cue", a.cue.map { "“" + $0 + "”" } ?? "none", false))
        if let m = a.mention {
            let place = m.field == "body" ? "paragraph \(m.paragraph + 1)" : m.field
            rows.append(("Mention", "“" + m.text + "” · " + place, false))
        } else {
            rows.append(("Mention", "none: the speaker comes from the quotes around it", false))
        }
        rows.append(("Chain", a.chain.isEmpty ? "-" : a.chain.joined(separator: " → "), false))
        let unsure = QuotesPane.isUnsure(q)
        let percent = String(format: "%.2f", a.confidence)
        rows.append(("Confidence", percent + (unsure ? " · low (below \(String(format: "%.2f", QuotesPane.lowConfidence))), marked ? in the list" : ""), unsure))
        return rows
    }

    /// How far the help can scroll on a `width`x`height` screen: its last row at the bottom.
    static func maxHelpScroll(width: Int, height: Int) -> Int {
        let inner = rect(width: width, height: height).inset(1)
        return max(0, helpRows(width: inner.width).count - inner.height)
    }

    public static func draw(_ overlay: Overlay, _ state: ReaderState, into b: inout CellBuffer) {
        var rect = Self.rect(width: state.width, height: state.height)
        // The explanation is a few lines: its window fits them.
        if case .why(let q) = overlay { rect.height = min(rect.height, whyRows(q).count + 2) }
        b.fill(rect)
        switch overlay {
        case .help(let scroll):
            Draw.box(rect, title: "Help · q or Esc closes", focused: true, into: &b)
            let inner = rect.inset(1)
            let rows = helpRows(width: inner.width)
            let besides = inner.width - 20 >= 30
            let top = min(scroll, max(0, rows.count - inner.height))
            for row in 0..<inner.height {
                let i = top + row
                guard i < rows.count else { break }
                let (keys, text, isHeader) = rows[i]
                let y = inner.y + row
                if isHeader {
                    b.put(keys, x: inner.x + 1, y: y, style: Theme.header, limit: inner.maxX)
                } else {
                    b.put(keys, x: inner.x + 2, y: y, style: Theme.headline, limit: inner.maxX)
                    let x = besides ? inner.x + 20 : inner.x + 4
                    b.put(Draw.fit(text, inner.maxX - x), x: x, y: y, limit: inner.maxX)
                }
            }
        case .results(let selection):
            guard let search = state.search else { return }
            let more = search.complete ? "" : "+"
            Draw.box(rect, title: "“\(search.query)” · \(Reducer.grouped(search.hits.count))\(more) results · Enter opens · Esc closes",
                     focused: true, into: &b)
            // Two rows a result: its headline, then the words found around the match.
            let inner = rect.inset(1)
            let perPage = max(1, inner.height / 2)
            let top = Reducer.scroll(0, keeping: selection, height: perPage)
            for slot in 0..<perPage {
                let i = top + slot
                guard i < search.hits.count else { break }
                let hit = search.hits[i]
                let y = inner.y + slot * 2
                let mark = i == search.index ? "▸ " : "  "
                Draw.row(mark + Draw.oneLine(hit.headline), right: "\(i + 1) ", in: inner, y: y, style: Theme.headline, into: &b)
                if y + 1 < inner.maxY {
                    Draw.row("    " + Draw.oneLine(hit.snippet), in: inner, y: y + 1, style: Theme.dim, into: &b)
                }
                if i == selection {
                    Draw.select(row: y, in: inner, focused: true, into: &b)
                    if y + 1 < inner.maxY { Draw.select(row: y + 1, in: inner, focused: true, into: &b) }
                }
            }
        case .why(let q):
            Draw.box(rect, title: "Why this speaker · Enter jumps to the mention · Esc closes", focused: true, into: &b)
            let inner = rect.inset(1)
            for (row, line) in whyRows(q).enumerated() where row < inner.height {
                let y = inner.y + row
                b.put(line.label, x: inner.x + 1, y: y, style: Theme.headline, limit: inner.maxX)
                let x = inner.x + 14
                b.put(Draw.fit(Draw.oneLine(line.text), inner.maxX - x), x: x, y: y,
                      style: line.unsure ? Theme.message : .plain, limit: inner.maxX)
            }
        case .related(_, let items, let selection):
            Draw.box(rect, title: "Related stories · Enter opens · Esc closes", focused: true, into: &b)
            let inner = rect.inset(1)
            let scroll = Reducer.scroll(0, keeping: selection, height: inner.height)
            for row in 0..<inner.height {
                let i = scroll + row
                guard i < items.count else { break }
                let y = inner.y + row
                let item = items[i]
                Draw.row(" " + Draw.oneLine(item.story.headline), right: "\(item.sharedEntities) shared ",
                         in: inner, y: y, style: .plain, into: &b)
                if i == selection { Draw.select(row: y, in: inner, focused: true, into: &b) }
            }
        }
    }
}
