/// One quoted stretch in a single text (a paragraph or the headline), as found
/// by `QuoteMarkScanner`: the byte range inside the marks and how it is bounded.
struct QuotedStretch: Sendable, Hashable {
    /// Byte offset of the opening mark.
    var openMark: Int
    /// Inside the marks, `start..<end` (not yet trimmed of spaces).
    var start: Int
    var end: Int
    /// Double marks (“ ” " `` '' « » „); false for single marks (‘ ’ ' ‚ ‹ ›).
    var isDouble: Bool
    /// Runs to the end of the text without a closing mark.
    var isOpenEnded: Bool
    /// Byte offset just after the closing mark (== `end` when open-ended).
    var afterClose: Int
}

/// What one text holds in quote marks.
struct MarkScan: Sendable {
    /// Top-level stretches in order (nested quotes stay inside their outer one).
    var stretches: [QuotedStretch] = []
    /// The text's first non-space scalar is an opening double mark: it may continue
    /// a quote left open at the end of the previous paragraph.
    var startsWithOpenDouble = false
}

/// Finds quote marks in UTF-8 bytes and pairs them with one stack, so any
/// number of marks or any nesting depth stays linear.
///
/// Curly, straight, doubled (`''`, ``` `` ```), guillemet and low-9 marks are
/// all quote marks; apostrophes inside words (don’t, O’Brien), elisions (’90s,
/// rock ’n’ roll) and trailing possessives (workers’) are not. A mark left open
/// at the end of the text yields an open-ended stretch; the finder decides
/// whether the next paragraph continues it.
///
/// A straight mark right after `=` opens a markup attribute's value
/// (`<tweet author="…" date="…">` left in wire copy) and the value is skipped.
///
/// An opening mark remembers which mark closes it, so the European orders
/// pair up: `„…“` and `‚…‘` (German, Czech), `«…»` and `‹…›` (French, Swiss,
/// spaced or not), `»…«` and `›…‹` (German books and papers).
enum QuoteMarkScanner {
    private enum Role { case open, close, either }
    /// How an open mark is closed, besides the usual closers.
    private enum Opener {
        /// “ " `` '' ‘ ' and the like.
        case plain
        /// „ or ‚, which `“` (`‘`) then closes.
        case lowNine
        /// « or ‹, closed by » (›).
        case guillemet
        /// » or ›, closed by « (‹).
        case reversedGuillemet
    }
    private struct Open {
        var pos: Int
        var contentStart: Int
        var isDouble: Bool
        var opener: Opener
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> MarkScan {
        var out = MarkScan()
        let n = b.count
        var stack: [Open] = []
        var doubles = 0
        var i = 0
        var firstNonSpace = true

        func isWordAt(_ k: Int) -> Bool {
            guard k >= 0, k < n else { return false }
            let c = b[k]
            if c < 0x80 { return UTF8Scalar.isASCIILetter(c) || UTF8Scalar.isDigit(c) }
            var s = k
            while s > 0, b[s] & 0xC0 == 0x80 { s -= 1 }
            return UTF8Scalar.isWordScalar(UTF8Scalar.decode(b, at: s).scalar)
        }
        /// Space, start of text, or an opening bracket/dash before a mark.
        func isOpeningContextBefore(_ k: Int) -> Bool {
            guard k > 0 else { return true }
            let c = b[k - 1]
            if c < 0x80 {
                return UTF8Scalar.isASCIISpace(c) || c == 0x28 || c == 0x5B || c == 0x2D || c == 0x2F || c == 0x22
                    || c == 0x60 || c == 0x3A
            }
            let p = UTF8Scalar.previousStart(b, before: k)
            let s = UTF8Scalar.decode(b, at: p).scalar
            return UTF8Scalar.isSpace(s) || s == 0x2014 || s == 0x2013 || s == 0x201C || s == 0x2018 || s == 0xAB
                || s == 0x201E || s == 0xBB || s == 0x201A || s == 0x2039 || s == 0x203A
        }
        /// Nothing but spaces from `k` to the end of the text.
        func onlySpacesFrom(_ k: Int) -> Bool {
            var j = k
            while j < n {
                let (s, l) = UTF8Scalar.decode(b, at: j)
                guard UTF8Scalar.isSpace(s) else { return false }
                j += l
            }
            return true
        }
                func isSpaceOrEndAfter(_ k: Int) -> Bool {
            guard k < n else { return true }
            let c = b[k]
            if c < 0x80 { return !(UTF8Scalar.isASCIILetter(c) || UTF8Scalar.isDigit(c)) }
            return !UTF8Scalar.isWordScalar(UTF8Scalar.decode(b, at: k).scalar)
        }

        func openDouble(_ pos: Int, _ len: Int, _ opener: Opener = .plain) {
            stack.append(Open(pos: pos, contentStart: pos + len, isDouble: true, opener: opener))
            doubles += 1
        }
        /// The innermost open double mark, past unclosed singles (apostrophes).
        func topDouble() -> Open? { stack.last(where: { $0.isDouble }) }
        func openSingle(_ pos: Int, _ len: Int, _ opener: Opener) {
            stack.append(Open(pos: pos, contentStart: pos + len, isDouble: false, opener: opener))
        }
        func closeDouble(_ pos: Int, _ len: Int) {
            // Unclosed single marks above the double were apostrophes or typos.
            while let top = stack.last, !top.isDouble { stack.removeLast() }
            guard let top = stack.popLast() else { return }
            doubles -= 1
            if doubles == 0 {
                out.stretches.append(QuotedStretch(
                    openMark: top.pos, start: top.contentStart, end: pos, isDouble: true,
                    isOpenEnded: false, afterClose: pos + len))
            }
        }
        func closeSingle(_ pos: Int, _ len: Int) -> Bool {
            guard let top = stack.last, !top.isDouble else { return false }
            stack.removeLast()
            if doubles == 0 && stack.isEmpty {
                out.stretches.append(QuotedStretch(
                    openMark: top.pos, start: top.contentStart, end: pos, isDouble: false,
                    isOpenEnded: false, afterClose: pos + len))
            }
            return true
        }
        func handleDouble(_ role: Role, _ pos: Int, _ len: Int) {
            switch role {
            case .open: openDouble(pos, len)
            case .close: if doubles > 0 { closeDouble(pos, len) }
            case .either:
                if doubles > 0 {
                    // A straight mark that clearly opens (space before, word after) while
                    // a curly quote is open belongs to a nested quote.
                    closeDouble(pos, len)
                } else if isOpeningContextBefore(pos) || !isSpaceOrEndAfter(pos + len) {
                    openDouble(pos, len)
                }
            }
        }
        /// A single mark: apostrophe, elision, opening or closing quote.
        func handleSingle(_ pos: Int, _ len: Int, canOpen: Bool, canClose: Bool) {
            let wordBefore = pos > 0 && isWordAt(pos - 1)
            let wordAfter = isWordAt(pos + len)
            if wordBefore && wordAfter { return } // don’t, O’Brien
            // rock ’n’ roll: mark, one letter, mark.
            if pos + len + 1 < n, b[pos + len] == 0x6E || b[pos + len] == 0x4E {
                let k = pos + len + 1
                if k < n, b[k] == 0x27 || (k + 2 < n && b[k] == 0xE2 && b[k + 1] == 0x80 && b[k + 2] == 0x99) {
                    if !isWordAt(pos - 1) { return }
                }
            }
            // The closing half of ’n’: mark, n, this mark.
            if pos >= 2, b[pos - 1] == 0x6E || b[pos - 1] == 0x4E {
                let m = pos - 2
                if b[m] == 0x27 && (m == 0 || !isWordAt(m - 1)) { return }
                if m >= 2, b[m] == 0x99, b[m - 1] == 0x80, b[m - 2] == 0xE2, (m - 2 == 0 || !isWordAt(m - 3)) { return }
            }
            if !wordBefore && wordAfter {
                // ’90s, ’em, ’til: elisions, not openings.
                if pos + len < n, UTF8Scalar.isDigit(b[pos + len]) { return }
                if canOpen && isOpeningContextBefore(pos) { openSingle(pos, len, .plain) }
                return
            }
            if canClose && !wordAfter {
                _ = closeSingle(pos, len)
            }
        }

        while i < n {
            // Once past the first non-space, eight ASCII bytes without a `"`,
            // `'` or `` ` `` at a time: the loop below only steps over them.
            if !firstNonSpace, i + 8 <= n {
                let x = UTF8Scalar.load8(b, i)
                if UTF8Scalar.nonASCIIBytes(x) | UTF8Scalar.bytes(x, equal: 0x22) | UTF8Scalar.bytes(x, equal: 0x27)
                    | UTF8Scalar.bytes(x, equal: 0x60) == 0 {
                    i += 8
                    continue
                }
            }
            let c = b[i]
            if c < 0x80 {
                if c == 0x22, i > 0, b[i - 1] == 0x3D, doubles == 0 {
                    // `author="@ada_quill" date="May 2, 2016"`: a markup attribute's value, not a quote.
                    var k = i + 1
                    while k < n, b[k] != 0x22, b[k] != 0x3C, b[k] != 0x3E { k += 1 }
                    if k < n, b[k] == 0x22 {
                        firstNonSpace = false
                        i = k + 1
                        continue
                    }
                }
                if c == 0x22 {
                    if firstNonSpace { out.startsWithOpenDouble = true }
                    firstNonSpace = false
                    handleDouble(.either, i, 1)
                    i += 1
                    continue
                }
                if c == 0x27 {
                    if i + 1 < n, b[i + 1] == 0x27 {
                        // `'''`: a single closing inside a double, then the double.
                        if i + 2 < n, b[i + 2] == 0x27, let top = stack.last, !top.isDouble {
                            _ = closeSingle(i, 1)
                            i += 1
                        }
                        if firstNonSpace { out.startsWithOpenDouble = true }
                        firstNonSpace = false
                        handleDouble(.either, i, 2)
                        i += 2
                        continue
                    }
                    firstNonSpace = false
                    handleSingle(i, 1, canOpen: true, canClose: true)
                    i += 1
                    continue
                }
                if c == 0x60, i + 1 < n, b[i + 1] == 0x60 {
                    if firstNonSpace { out.startsWithOpenDouble = true }
                    firstNonSpace = false
                    handleDouble(.open, i, 2)
                    i += 2
                    continue
                }
                if firstNonSpace && !UTF8Scalar.isASCIISpace(c) { firstNonSpace = false }
                i += 1
                continue
            }
            let (s, len) = UTF8Scalar.decode(b, at: i)
            switch s {
            case 0x201C: // “ opens, except that it closes a German „
                if firstNonSpace { out.startsWithOpenDouble = true }
                if let top = stack.last, top.isDouble, top.opener == .lowNine {
                    handleDouble(.close, i, len)
                } else if doubles > 0, isSpaceOrEndAfter(i + len), !isOpeningContextBefore(i) || onlySpacesFrom(i + len) {
                    // `“expedited review“`, `“They see that. “`: a left mark typed
                    // where the right one belongs (nothing after it can open).
                    handleDouble(.close, i, len)
                } else {
                    handleDouble(.open, i, len)
                }
            case 0x201E: // „
                if firstNonSpace { out.startsWithOpenDouble = true }
                openDouble(i, len, .lowNine)
            case 0x201D: // ” closes; some copy uses it to open too
                if doubles == 0 && isOpeningContextBefore(i) && !isSpaceOrEndAfter(i + len) {
                    if firstNonSpace { out.startsWithOpenDouble = true }
                    handleDouble(.open, i, len)
                } else {
                    handleDouble(.close, i, len)
                }
            case 0xAB: // « opens, except that it closes a German »
                if topDouble()?.opener == .reversedGuillemet {
                    handleDouble(.close, i, len)
                } else {
                    if firstNonSpace { out.startsWithOpenDouble = true }
                    openDouble(i, len, .guillemet)
                }
            case 0xBB: // » closes; German copy opens with it (`»Nein,« sagte sie`)
                let top = topDouble()
                if top?.opener != .guillemet, isOpeningContextBefore(i), !isSpaceOrEndAfter(i + len),
                   doubles == 0 || top?.opener == .plain || top?.opener == .lowNine {
                    if firstNonSpace { out.startsWithOpenDouble = true }
                    openDouble(i, len, .reversedGuillemet)
                } else {
                    handleDouble(.close, i, len)
                }
            case 0x2039: // ‹ opens (French, Swiss), except that it closes a German ›
                if let top = stack.last, !top.isDouble, top.opener == .reversedGuillemet {
                    _ = closeSingle(i, len)
                } else {
                    openSingle(i, len, .guillemet)
                }
            case 0x203A: // › closes; German copy opens with it
                if let top = stack.last, !top.isDouble, top.opener == .guillemet {
                    _ = closeSingle(i, len)
                } else if isOpeningContextBefore(i), !isSpaceOrEndAfter(i + len) {
                    openSingle(i, len, .reversedGuillemet)
                }
            case 0x201A: // ‚ low-9 single (German, Czech), closed by ‘ or ’
                if isOpeningContextBefore(i) { openSingle(i, len, .lowNine) }
            case 0x2018: // ‘ opens, except that it closes a German ‚
                if let top = stack.last, !top.isDouble, top.opener == .lowNine {
                    _ = closeSingle(i, len)
                } else {
                    handleSingle(i, len, canOpen: true, canClose: false)
                }
            case 0x2019: // ’
                handleSingle(i, len, canOpen: true, canClose: true)
            default:
                break
            }
            if firstNonSpace && !UTF8Scalar.isSpace(s) { firstNonSpace = false }
            i += len
        }
        // A double mark still open runs to the end of the text.
        if doubles > 0, let first = stack.first(where: { $0.isDouble }) {
            out.stretches.append(QuotedStretch(
                openMark: first.pos, start: first.contentStart, end: n, isDouble: true,
                isOpenEnded: true, afterClose: n))
        }
        return out
    }
}
