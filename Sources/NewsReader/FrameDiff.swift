/// The cells a terminal must redraw to turn one frame into the next. The
/// backend draws only these, so scrolling or moving a selection sends a few
/// cells, not the screen (no flicker, little output over ssh).
public enum FrameDiff {
    /// Positions (x, y) of cells to draw, row by row. Every cell when there
    /// is no previous frame or its size differs. A changed right half of a
    /// wide character is drawn through its left half.
    public static func changes(from previous: CellBuffer?, to next: CellBuffer) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        let full = previous == nil || previous!.width != next.width || previous!.height != next.height
        for y in 0..<next.height {
            var lastAdded = -1
            for x in 0..<next.width {
                let cell = next[x, y]
                if !full, previous![x, y] == cell { continue }
                if cell.isContinuation {
                    if x > 0, lastAdded != x - 1 {
                        out.append((x - 1, y))
                        lastAdded = x - 1
                    }
                    continue
                }
                out.append((x, y))
                lastAdded = x
            }
        }
        return out
    }
}
