/// Story text is untrusted: a story may carry `ESC [ 2 J`, an OSC 52
/// clipboard write, bells or backspaces. Everything drawn goes through
/// `visible(_:)`, which turns such characters into harmless visible text, so
/// the terminal never receives a control character that came from a story.
public enum TerminalText {
    /// Whether a scalar must never reach the terminal: C0 controls, DEL, C1
    /// controls, and bidirectional overrides (which reorder what is shown).
    @inline(__always)
    public static func isUnsafe(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0xFFF9 || v == 0xFFFA || v == 0xFFFB
    }

    /// How one character is shown: itself when safe; a control character as
    /// caret notation (`^[` for ESC, `^G` for BEL, `^?` for DEL); tab and line
    /// breaks as one space; C1 controls and bidi overrides as U+FFFD.
    public static func visible(_ ch: Character) -> String {
        let scalars = ch.unicodeScalars
        if !scalars.contains(where: { isUnsafe($0.value) }) { return String(ch) }
        var out = ""
        for s in scalars {
            let v = s.value
            if !isUnsafe(v) {
                out.unicodeScalars.append(s)
            } else if v == 0x09 || v == 0x0A || v == 0x0D {
                out += " "
            } else if v < 0x20 {
                out += "^"
                out.unicodeScalars.append(Unicode.Scalar(UInt8(v + 0x40)))
            } else if v == 0x7F {
                out += "^?"
            } else {
                out += "\u{FFFD}"
            }
        }
        return out
    }

    /// `text` with every unsafe character made visible. Returns the same
    /// string without copying when there is nothing to neutralise (the
    /// common case), found by a byte scan.
    public static func sanitize(_ text: String) -> String {
        if !needsSanitizing(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for ch in text { out += visible(ch) }
        return out
    }

    /// A byte scan for C0/DEL, C1 (`C2 80…9F`) and the bidi controls
    /// (`E2 80 AA…AE`, `E2 81 A6…A9`) and interlinear annotations (`EF BF B9…BB`).
    public static func needsSanitizing(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes -> Bool in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x20 || b == 0x7F { return true }
                if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) { return true }
                if b == 0xE2, i + 2 < n {
                    if bytes[i + 1] == 0x80, (0xAA...0xAE).contains(bytes[i + 2]) { return true }
                    if bytes[i + 1] == 0x81, (0xA6...0xA9).contains(bytes[i + 2]) { return true }
                }
                if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, (0xB9...0xBB).contains(bytes[i + 2]) { return true }
                i += 1
            }
            return false
        }
    }
}
