/// One of the eight basic terminal colours.
public enum TerminalColor: Int, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell looks. Colours are a hint: a monochrome or `NO_COLOR` terminal
/// drops them, so every style that carries meaning also sets an attribute.
public struct CellStyle: Sendable, Hashable {
    public var foreground: TerminalColor?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: TerminalColor? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = CellStyle()
}

/// One terminal cell: a grapheme cluster and its style. A wide character
/// fills its cell and the next one, which holds `continuation` text.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster drawn here; "" for the right half of a wide one.
    public var text: String
    public var style: CellStyle

    public init(_ text: String = " ", style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    public var isContinuation: Bool { text.isEmpty }
    public static let blank = Cell()
}

/// A rectangle of cells, origin at the top left.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
    /// The rectangle shrunk by `n` on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}

/// The screen as a grid of cells. The reader renders into one; the terminal
/// backend compares it with the previous one and draws only what changed.
public struct CellBuffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` of row `y`, clipped at `limit` (exclusive
    /// column; the buffer's width by default). Unsafe characters are made
    /// visible; a wide character that does not fit is replaced by a space.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(limit ?? width, width)
        var col = x
        for ch in text {
            if col >= end { break }
            col = put(character: ch, x: col, y: y, style: style, limit: end)
        }
        return col
    }

    /// Writes one character; see `put(_:x:y:style:limit:)`.
    @discardableResult
    public mutating func put(character ch: Character, x: Int, y: Int, style: CellStyle, limit: Int) -> Int {
        if ch.unicodeScalars.contains(where: { TerminalText.isUnsafe($0.value) }) {
            var col = x
            for c in TerminalText.visible(ch) where col < limit {
                col = putSafe(c, x: col, y: y, style: style, limit: limit)
            }
            return col
        }
        return putSafe(ch, x: x, y: y, style: style, limit: limit)
    }

    private mutating func putSafe(_ ch: Character, x: Int, y: Int, style: CellStyle, limit: Int) -> Int {
        guard x >= 0 else { return x + 1 }
        let w = DisplayWidth.columns(of: ch)
        if w == 0 {
            // A zero-width character joins the cell before it.
            if x > 0 {
                var px = x - 1
                if self[px, y].isContinuation, px > 0 { px -= 1 }
                self[px, y].text.append(ch)
            }
            return x
        }
        if w == 2 && x + 1 >= limit {
            set(x, y, Cell(" ", style: style))
            return x + 1
        }
        set(x, y, Cell(String(ch), style: style))
        if w == 2 { set(x + 1, y, Cell("", style: style)) }
        return x + w
    }

    /// Sets one cell, repairing any wide character it cuts in half.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let old = self[x, y]
        // Overwriting the right half of a wide character orphans its left half.
        if old.isContinuation, !cell.isContinuation, x > 0 { self[x - 1, y].text = " " }
        // Overwriting the left half orphans its right half.
        if !old.isContinuation, x + 1 < width, self[x + 1, y].isContinuation { self[x + 1, y].text = " " }
        self[x, y] = cell
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = cell }
        }
    }

    /// Applies a style to a row of cells, keeping their text (selection bars).
    public mutating func restyle(row y: Int, from x0: Int, to x1: Int, _ change: (inout CellStyle) -> Void) {
        guard y >= 0, y < height else { return }
        for x in max(0, x0)..<min(width, x1) { change(&self[x, y].style) }
    }

    /// The text of row `y` as a terminal shows it (wide characters once).
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[x, y].text }
        return s
    }

    /// Every row's text, trailing spaces kept.
    public var lines: [String] { (0..<height).map(line) }

    /// The whole screen's text, rows joined by newlines, trailing spaces trimmed.
    public var text: String {
        lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }
}
