/// One pane of the reader: a title and a way to draw its inside.
/// Panes read the state and draw; they never change it.
public protocol Pane {
    static var id: PaneID { get }
    /// The title drawn in the pane's top border.
    static func title(_ state: ReaderState) -> String
    /// Draws the pane's content inside `rect` (the border is drawn around it).
    static func draw(_ state: ReaderState, in rect: Rect, focused: Bool, into buffer: inout CellBuffer)
}

/// Styles shared by the panes, so meaning keeps one look everywhere.
public enum Theme {
    public static let border = CellStyle(dim: true)
    public static let focusedBorder = CellStyle(foreground: .cyan, bold: true)
    public static let title = CellStyle(bold: true)
    public static let focusedTitle = CellStyle(foreground: .cyan, bold: true)
    public static let selected = CellStyle(reverse: true)
    public static let selectedUnfocused = CellStyle(bold: true, underline: true)
    public static let header = CellStyle(foreground: .yellow, bold: true)
    public static let dim = CellStyle(dim: true)
    public static let headline = CellStyle(bold: true)
    public static let mention = CellStyle(foreground: .yellow, bold: true, underline: true)
    public static let focus = CellStyle(reverse: true)
    /// The words of a search in the story being read (the current match is `focus`).
    public static let searchMatch = CellStyle(bold: true, underline: true)
    public static let status = CellStyle(reverse: true)
    public static let message = CellStyle(foreground: .yellow, bold: true)
    /// The story's web address.
    public static let link = CellStyle(foreground: .blue, underline: true)

    /// Quote highlights by kind; each keeps an attribute for monochrome terminals.
    public static func quote(_ kind: String) -> CellStyle {
        switch kind {
        case "direct": return CellStyle(foreground: .cyan, bold: true)
        case "partial": return CellStyle(foreground: .green, underline: true)
        default: return CellStyle(foreground: .magenta, dim: true)
        }
    }
}

/// Small drawing pieces shared by the panes.
enum Draw {
    /// A box around `rect` with a title in its top border.
    static func box(_ rect: Rect, title: String, focused: Bool, into b: inout CellBuffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = focused ? Theme.focusedBorder : Theme.border
        let x1 = rect.maxX - 1, y1 = rect.maxY - 1
        for x in rect.x...x1 {
            b.put("─", x: x, y: rect.y, style: style)
            b.put("─", x: x, y: y1, style: style)
        }
        for y in rect.y...y1 {
            b.put("│", x: rect.x, y: y, style: style)
            b.put("│", x: x1, y: y, style: style)
        }
        b.put("┌", x: rect.x, y: rect.y, style: style)
        b.put("┐", x: x1, y: rect.y, style: style)
        b.put("└", x: rect.x, y: y1, style: style)
        b.put("┘", x: x1, y: y1, style: style)
        // Between "┌─" and "─┐", with a space each side: cut with "…" to fit.
        let t = " " + fit(title, rect.width - 6) + " "
        b.put(t, x: rect.x + 2, y: rect.y, style: focused ? Theme.focusedTitle : Theme.title, limit: x1 - 1)
    }

    /// Text fitted to `width` columns, cut with "…" when too long.
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.columns(of: text) <= width { return text }
        var out = ""
        var w = 0
        for ch in text {
            let cw = DisplayWidth.columns(of: TerminalText.visible(ch))
            if w + cw > width - 1 { break }
            out += TerminalText.visible(ch)
            w += cw
        }
        return out + "…"
    }

    /// A list row: text on the left, optional right-aligned text.
    static func row(_ left: String, right: String = "", in rect: Rect, y: Int, style: CellStyle, into b: inout CellBuffer) {
        let rightWidth = DisplayWidth.columns(of: right)
        let leftWidth = max(0, rect.width - (rightWidth > 0 ? rightWidth + 1 : 0))
        b.put(fit(left, leftWidth), x: rect.x, y: y, style: style, limit: rect.x + leftWidth)
        if rightWidth > 0, rightWidth < rect.width {
            b.put(right, x: rect.maxX - rightWidth, y: y, style: style, limit: rect.maxX)
        }
    }

    /// Highlights a selected row across the pane's width.
    static func select(row y: Int, in rect: Rect, focused: Bool, into b: inout CellBuffer) {
        b.restyle(row: y, from: rect.x, to: rect.maxX) { s in
            if focused { s.reverse = true } else { s.bold = true; s.underline = true }
        }
    }

    /// A one-line text cleaned for a list row: line breaks and runs of spaces
    /// collapsed (story text can hold anything).
    static func oneLine(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s {
            if ch.isWhitespace || ch.isNewline {
                if !space, !out.isEmpty { out += " " }
                space = true
            } else {
                out.append(ch)
                space = false
            }
        }
        return out
    }
}
