@preconcurrency import CNcurses
import Foundation
import NewsReader

/// What the terminal sent: a key, a mouse event or a new size.
enum TerminalInput {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
}

/// The ncursesw backend: draws cell buffers (only the cells that changed
/// since the last frame) and turns input into reader keys and mouse events.
/// The only code in the project that talks to the terminal.
@MainActor
final class CursesScreen {
    private var previous: CellBuffer?
    private let useColor: Bool
    private var lastAttr: Int32 = -1
    private var ended = false

    /// Starts curses on the terminal; throws a one-line reason when it cannot.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        setlocale(LC_ALL, "")
        TerminalRestore.saveModes()
        guard newterm(nil, stdout, stdin) != nil else {
            throw TerminalFailure("cannot start the terminal: TERM=\(environment["TERM"] ?? "") is not known to terminfo")
        }
        raw()  // Ctrl-C arrives as a key, and the reader quits cleanly.
        noecho()
        nonl()
        _ = nr_keypad(1)
        _ = nr_leaveok(1)
        curs_set(0)
        set_escdelay(25)
        nr_timeout(200)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        useColor = !noColor && has_colors()
        if useColor {
            start_color()
            use_default_colors()
            for c in TerminalColor.allCases {
                init_pair(Int16(c.rawValue + 1), Int16(c.rawValue), -1)
            }
        }
        mousemask(mmask_t(nr_all_mouse_events()), nil)
        mouseinterval(0)
        // Prepared now so a crash handler can restore without calling curses.
        var reset = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l"
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let s = tigetstr(cap), Int(bitPattern: s) != -1, Int(bitPattern: s) != 0 { reset += String(cString: s) }
        }
        TerminalRestore.prepare(reset: reset)
        TerminalRestore.installHandlers()
    }

    /// The terminal's size in cells.
    var size: (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        nr_screen_size(&rows, &cols)
        return (Int(cols), Int(rows))
    }

    /// Draws a frame: only cells that differ from the last frame are sent.
    func draw(_ frame: CellBuffer) {
        let changes = FrameDiff.changes(from: previous, to: frame)
        if previous == nil || previous!.width != frame.width || previous!.height != frame.height { erase() }
        for (x, y) in changes { put(frame[x, y], x: x, y: y) }
        previous = frame
        refresh()
    }

    /// Forces the next frame to redraw every cell (after a resize).
    func invalidate() { previous = nil }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let attr = attributes(cell.style)
        if attr != lastAttr {
            nr_attrset(attr)
            lastAttr = attr
        }
        var chars = wideChars(cell.text)
        _ = nr_mvaddnwstr(Int32(y), Int32(x), &chars, Int32(chars.count - 1))
    }

    /// The cell's text as wide characters for ncurses: the base character and
    /// the marks on it. Joined sequences (emoji with ZWJ) keep their first
    /// character only, since terminals disagree about their width.
    private func wideChars(_ text: String) -> [wchar_t] {
        var out: [wchar_t] = []
        for (i, s) in text.unicodeScalars.enumerated() {
            if i == 0 {
                out.append(wchar_t(bitPattern: s.value))
                continue
            }
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                out.append(wchar_t(bitPattern: s.value))
            default:
                if (0xFE00...0xFE0F).contains(s.value) { out.append(wchar_t(bitPattern: s.value)) }
            }
            if s.value == 0x200D { break }
        }
        if out.isEmpty { out.append(32) }
        out.append(0)
        return out
    }

    private func attributes(_ style: CellStyle) -> Int32 {
        var a = nr_a_normal()
        if style.bold { a |= nr_a_bold() }
        if style.reverse { a |= nr_a_reverse() }
        if style.underline { a |= nr_a_underline() }
        if style.dim { a |= nr_a_dim() }
        if useColor, let c = style.foreground { a |= nr_color_pair(Int32(c.rawValue + 1)) }
        return a
    }

    /// The next input, or nil after a short wait with nothing (so the caller
    /// can notice signals).
    func read() -> TerminalInput? {
        var ch: wint_t = 0
        let rc = nr_get_wch(&ch)
        if rc == ERR { return nil }
        if rc == nr_key_code_yes() {
            switch Int32(ch) {
            case KEY_RESIZE:
                let s = size
                invalidate()
                return .resize(width: s.width, height: s.height)
            case KEY_MOUSE: return mouse()
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            default: return nil
            }
        }
        switch ch {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26:
            return .key(.control(Character(Unicode.Scalar(UInt8(ch) + 0x60))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)), ch >= 32 else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func mouse() -> TerminalInput? {
        var event = MEVENT()
        guard getmouse(&event) == nr_ok() else { return nil }
        let state = UInt(event.bstate)
        let x = Int(event.x), y = Int(event.y)
        if state & nr_button4_pressed() != 0 { return .mouse(.wheelUp(x: x, y: y)) }
        if nr_button5_pressed() != 0, state & nr_button5_pressed() != 0 { return .mouse(.wheelDown(x: x, y: y)) }
        if state & (nr_button1_pressed() | nr_button1_clicked()) != 0 { return .mouse(.click(x: x, y: y)) }
        return nil
    }

    /// Ends curses and restores the terminal; safe to call more than once.
    func end() {
        guard !ended else { return }
        ended = true
        mousemask(0, nil)
        endwin()
        TerminalRestore.restoreRaw()
    }
}

/// A reason the terminal could not be used.
struct TerminalFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
