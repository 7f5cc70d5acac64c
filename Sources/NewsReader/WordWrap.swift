/// Breaks text into lines that fit a width in columns, keeping each line's
/// UTF-8 byte range in the original text so highlights (quotes, mentions)
/// given as byte ranges land on the right cells after wrapping.
public enum WordWrap {
    /// Byte ranges of `text`, one per line, each at most `width` columns as
    /// drawn (control characters counted in their visible form). Breaks after
    /// spaces; a word longer than the width is cut. Spaces at a break are dropped.
    public static func lines(_ text: String, width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var result: [Range<Int>] = []
        var lineStart = 0
        var lineWidth = 0
        var offset = 0
        // The break after the last space run: end of the line's text and start of the next.
        var breakEnd: Int?
        var breakNext = 0
        var widthAtBreakNext = 0
        var inSpaces = false
        var spaceStart = 0
        var atLineStart = true
        for ch in text {
            let bytes = ch.utf8.count
            let isSpace = ch == " " || ch == "\t" || ch == "\n" || ch == "\r"
            if isSpace {
                if atLineStart {
                    // Leading spaces of a wrapped line are dropped.
                    offset += bytes
                    lineStart = offset
                    continue
                }
                if !inSpaces { inSpaces = true; spaceStart = offset }
                offset += bytes
                lineWidth += 1
                breakEnd = spaceStart
                breakNext = offset
                widthAtBreakNext = lineWidth
                continue
            }
            inSpaces = false
            atLineStart = false
            let w = columns(ch)
            if lineWidth + w > width {
                if let end = breakEnd {
                    result.append(lineStart..<end)
                    lineStart = breakNext
                    lineWidth -= widthAtBreakNext
                } else if offset > lineStart {
                    result.append(lineStart..<offset)
                    lineStart = offset
                    lineWidth = 0
                }
                breakEnd = nil
            }
            lineWidth += w
            offset += bytes
        }
        var end = offset
        if inSpaces { end = spaceStart }
        if end > lineStart || result.isEmpty { result.append(lineStart..<max(lineStart, end)) }
        return result
    }

    /// Columns of a character as the reader draws it (visible form of controls).
    static func columns(_ ch: Character) -> Int {
        if let v = ch.unicodeScalars.first?.value, v >= 0x20, v < 0x7F { return 1 }
        if ch.unicodeScalars.contains(where: { TerminalText.isUnsafe($0.value) }) {
            return DisplayWidth.columns(of: TerminalText.visible(ch))
        }
        return DisplayWidth.columns(of: ch)
    }

    /// The lines as strings (for lists and tests).
    public static func wrap(_ text: String, width: Int) -> [String] {
        let utf8 = Array(text.utf8)
        return lines(text, width: width).map { String(decoding: utf8[$0], as: UTF8.self) }
    }
}
