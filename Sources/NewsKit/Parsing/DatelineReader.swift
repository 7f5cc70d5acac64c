/// Reads the dateline at the start of a wire story's first paragraph:
/// `PARIS/WASHINGTON (Reuters) -`, `WASHINGTON, April 17 (Reuters) —`,
/// `(Reuters) -U.S. …` (no space after the dash), `LONDON — …` (no agency).
struct DatelineReader {
    /// The dateline and the paragraph text after it, or nil when the paragraph
    /// does not open with one.
    static func read(_ paragraph: String) -> (dateline: Dateline, rest: String)? {
        let bytes = Array(paragraph.utf8.prefix(200))
        guard let first = bytes.first, isUpperASCII(first) || first == UInt8(ascii: "(") else { return nil }
        if let found = readWithAgency(bytes) ?? readWithoutAgency(bytes) {
            let head = String(decoding: bytes[ByteText.trimmed(bytes, 0..<found.headEnd)], as: UTF8.self)
            let raw = String(decoding: bytes[ByteText.trimmed(bytes, 0..<found.dashEnd)], as: UTF8.self)
            let (places, date) = placesAndDate(head)
            // "Dec 29 (Reuters) -" and "(Bloomberg) --" have an agency but no place.
            guard !places.isEmpty || found.agency != nil else { return nil }
            let restBytes = paragraph.utf8.dropFirst(found.restStart)
            let rest = String(decoding: restBytes, as: UTF8.self)
            return (Dateline(raw: raw, places: places, date: date, agency: found.agency), rest)
        }
        return nil
    }

    private struct Found {
        var headEnd: Int
        var agency: String?
        var dashEnd: Int
        var restStart: Int
    }

    /// `HEAD (Agency) -`: the head at most 100 bytes, no quote marks in it.
    private static func readWithAgency(_ b: [UInt8]) -> Found? {
        guard let open = b.prefix(100).firstIndex(of: UInt8(ascii: "(")) else { return nil }
        guard let close = b[open...].prefix(40).firstIndex(of: UInt8(ascii: ")")), close > open + 1 else {
            return nil
        }
        let head = Array(b[0..<open])
        if head.contains(UInt8(ascii: "\"")) || containsCurlyQuote(head) { return nil }
        // "DECATUR, Ill. — Sen. Ted Cruz (R-Texas) …": the dateline ended at the dash.
        if containsDash(head) { return nil }
        let agencyBytes = b[(open + 1)..<close]
        guard let a0 = agencyBytes.first, isLetterASCII(a0),
              agencyBytes.allSatisfy({ isLetterASCII($0) || $0 == 0x20 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: ".") })
        else { return nil }
        var i = close + 1
        while i < b.count, b[i] == 0x20 { i += 1 }
        let dashStart = i
        i = skipDash(b, i)
        let hasDash = i > dashStart
        // With no place before it, only "(Agency) -" with its dash is a dateline.
        if open == 0 && !hasDash { return nil }
        // Without a dash only an all-caps head is a dateline: "LONDON (Reuters) The …".
        // A mixed-case head is a short run of capitalised words ("New York (AFP) -"),
        // never a sentence ("The mayor (Green) - …").
        if !firstSegmentIsCaps(head) && (!hasDash || !isShortCapitalisedRun(head)) { return nil }
        let dashEnd = hasDash ? i : close + 1
        while i < b.count, b[i] == 0x20 { i += 1 }
        return Found(headEnd: open, agency: String(decoding: agencyBytes, as: UTF8.self),
                     dashEnd: dashEnd, restStart: i)
    }

    /// `WASHINGTON — …` or `WASHINGTON, April 17 - …`: the first segment in capitals.
    private static func readWithoutAgency(_ b: [UInt8]) -> Found? {
        var i = 0
        while i < min(b.count, 80) {
            let spaceBefore = i > 0 && b[i - 1] == 0x20
            let after = skipDash(b, i)
            if after > i {
                let isHyphen = after - i == 1 || (after - i == 2 && b[i] == UInt8(ascii: "-"))
                // A plain hyphen only counts with spaces around it ("PARIS - The"),
                // never inside a word ("SAINT-DENIS").
                if isHyphen && !(spaceBefore && after < b.count && b[after] == 0x20) { i += 1; continue }
                let head = Array(b[0..<i])
                guard firstSegmentIsCaps(head), !containsCurlyQuote(head) else { return nil }
                var rest = after
                while rest < b.count, b[rest] == 0x20 { rest += 1 }
                return Found(headEnd: i, agency: nil, dashEnd: after, restStart: rest)
            }
            if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "(") { return nil }
            i += 1
        }
        return nil
    }

    /// Index after a dash at `i` (`-`, `--`, `–`, `—`), or `i` if none.
    private static func skipDash(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return i }
        if b[i] == UInt8(ascii: "-") {
            return (i + 1 < b.count && b[i + 1] == UInt8(ascii: "-")) ? i + 2 : i + 1
        }
        if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x94 {
            return i + 3
        }
        return i
    }

    /// At most four words before the first comma, each starting with a capital
    /// or a digit ("New York", "Dec 29"), or nothing at all ("(Bloomberg) --").
    private static func isShortCapitalisedRun(_ head: [UInt8]) -> Bool {
        let segment = head.prefix { $0 != UInt8(ascii: ",") }
        let words = segment.split(separator: 0x20)
        return words.count <= 4 && words.allSatisfy { w in
            let c = w.first ?? 0
            return isUpperASCII(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
        }
    }

    /// A dash standing between words: `—`, `–`, or ` - `.
    private static func containsDash(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x94 { return true }
            if b[i] == UInt8(ascii: "-"), i > 0, b[i - 1] == 0x20, i + 1 < b.count, b[i + 1] == 0x20 { return true }
            i += 1
        }
        return false
    }

    /// The part before the first comma has letters, none of them lowercase,
    /// and no digits or colons ("UPDATE: 5/12 —" is no place).
    private static func firstSegmentIsCaps(_ head: [UInt8]) -> Bool {
        let segment = head.prefix { $0 != UInt8(ascii: ",") }
        var letters = 0
        for c in segment {
            if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") { return false }
            if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ":") { return false }
            if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { letters += 1 }
        }
        // Non-ASCII letters are checked by scalar (É in "SÃO PAULO" is fine).
        let text = String(decoding: segment, as: UTF8.self)
        if text.unicodeScalars.contains(where: { $0.properties.isLowercase }) { return false }
        return letters >= 2
    }

    private static func containsCurlyQuote(_ b: [UInt8]) -> Bool {
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0xE2, b[i + 1] == 0x80, (0x98...0x9F).contains(b[i + 2]) { return true }
            i += 1
        }
        return false
    }

    private static func isUpperASCII(_ c: UInt8) -> Bool { c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") }
    private static func isLetterASCII(_ c: UInt8) -> Bool {
        isUpperASCII(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
    }

    /// Month and weekday names and their usual abbreviations, lowercased.
    private static let dateWords: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
        "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november",
        "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur",
        "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
    ]

    /// Splits `PARIS/WASHINGTON, April 17` into places and a date. Comma parts
    /// after the first are the date when they name a month, weekday or year,
    /// otherwise more places (`MANCHESTER, England`).
    static func placesAndDate(_ head: String) -> ([String], String?) {
        let parts = head.split(separator: ",").map { ByteText.trimmingBlanks($0) }.filter { !$0.isEmpty }
        guard let first = parts.first else { return ([], nil) }
        var places: [String] = []
        var dateParts: [String] = []
        if isDate(first) {
            dateParts.append(first)
        } else {
            places = first.split(separator: "/").map { ByteText.trimmingBlanks($0) }.filter { !$0.isEmpty }
        }
        for part in parts.dropFirst() {
            if isDate(part) || !dateParts.isEmpty { dateParts.append(part) } else { places.append(part) }
        }
        return (places, dateParts.isEmpty ? nil : dateParts.joined(separator: ", "))
    }

    /// "April 17", "Dec 29", "Sept. 9", "2026", "Tuesday": a month or weekday
    /// followed by a number or nothing, or a number.
    private static func isDate(_ part: String) -> Bool {
        if part.first?.isNumber ?? false { return true }
        let words = part.split(separator: " ")
        guard let first = words.first, words.count <= 2 else { return false }
        var lower = first.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        guard dateWords.contains(lower) else { return false }
        return words.count == 1 || (words.last?.first?.isNumber ?? false)
    }
}
