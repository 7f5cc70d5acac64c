/// Finds quoted spans in a story: body quotes (joined across paragraphs when
/// a quote reopens in the next paragraph) and headline quotes.
///
/// Every quote comes out with its parts (byte ranges inside the marks), its
/// text and its kind (`direct` or `partial`); the speaker is left to
/// `QuoteAttributor`. The title of a work or programme in quote marks
/// (`on CNN’s “State of the Union”`, `a book titled “A Cold Wanderer”`) is
/// nobody's words and is left out.
public struct QuoteFinder: Sendable {
    public init() {}

    /// Quotes with kind and parts set, speaker not yet known.
    public func find(in story: Story) -> (body: [Quote], headline: [Quote]) {
        var body: [Quote] = []
        // A quote left open at the end of the previous body paragraph.
        var pending: Quote?
        var pendingParagraph = -1
        for (p, paragraph) in story.paragraphs.enumerated() {
            guard paragraph.kind == .body else {
                if let q = pending { body.append(q); pending = nil }
                continue
            }
            paragraph.text.withUTF8Bytes { b in
                let scan = QuoteMarkScanner.scan(b)
                var stretches = scan.stretches[...]
                if var q = pending {
                    pending = nil
                    // The next paragraph reopens the quote: its first stretch is the continuation.
                    if scan.startsWithOpenDouble, pendingParagraph == p - 1, let first = stretches.first, first.isDouble,
                       let part = Self.trimmedSpan(b, first, field: .body, paragraph: p) {
                        stretches = stretches.dropFirst()
                        q.parts.append(part)
                        q.text += " " + Self.string(b, part)
                        if first.isOpenEnded {
                            pending = q
                            pendingParagraph = p
                        } else {
                            body.append(q)
                        }
                    } else {
                        body.append(q)
                    }
                }
                for stretch in stretches {
                    guard let q = Self.quote(b, stretch, field: .body, paragraph: p) else { continue }
                    if stretch.isOpenEnded && stretch.isDouble {
                        pending = q
                        pendingParagraph = p
                    } else {
                        body.append(q)
                    }
                }
            }
        }
        if let q = pending { body.append(q) }

        let headline = story.headline.withUTF8Bytes { b -> [Quote] in
            QuoteMarkScanner.scan(b).stretches.compactMap { stretch in
                stretch.isOpenEnded ? nil : Self.quote(b, stretch, field: .headline, paragraph: 0)
            }
        }
        return (body, headline)
    }

    /// All the quoted stretches of one text (a paragraph or headline) as
    /// quotes, without joining across paragraphs. For tests and tools.
    public func find(inText text: String, field: Span.Field = .body, paragraph: Int = 0) -> [Quote] {
        text.withUTF8Bytes { b in
            QuoteMarkScanner.scan(b).stretches.compactMap { Self.quote(b, $0, field: field, paragraph: paragraph) }
        }
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>, _ part: Span) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[part.start..<part.end]), as: UTF8.self)
    }

    static func quote(_ b: UnsafeBufferPointer<UInt8>, _ stretch: QuotedStretch, field: Span.Field, paragraph: Int) -> Quote? {
        guard let part = trimmedSpan(b, stretch, field: field, paragraph: paragraph) else { return nil }
        let text = string(b, part)
        if !stretch.isOpenEnded, introducesTitle(b, before: stretch.openMark), isTitleCase(text) { return nil }
        return Quote(text: text, kind: kindOf(b, stretch, part), parts: [part])
    }

    /// Words after which a Title Case phrase in marks names a work or a
    /// programme: `appeared on “Meet the Press”`, `a book titled “…”`.
    static let titleIntroducers: Set<String> = [
        "on", "titled", "entitled", "book", "show", "program", "programme", "podcast", "series", "film",
        "movie", "song", "album", "novel", "column", "segment", "newsletter", "documentary", "sitcom", "musical",
    ]

    /// Whether the words before an opening mark introduce a title: one of
    /// `titleIntroducers`, or a possessive (`CNN’s “New Day”`, `HBO's "Real Time"`).
    static func introducesTitle(_ b: UnsafeBufferPointer<UInt8>, before mark: Int) -> Bool {
        var k = mark
        // Past spaces and a comma or colon (`the podcast, “Off Message”`).
        var skippedPunct = false
        while k > 0 {
            let p = UTF8Scalar.previousStart(b, before: k)
            let sc = UTF8Scalar.decode(b, at: p).scalar
            if UTF8Scalar.isSpace(sc) { k = p; continue }
            if !skippedPunct, sc == 0x2C || sc == 0x3A { skippedPunct = true; k = p; continue }
            break
        }
        // A possessive: `’s` or `'s` right after a word.
        if k >= 2, b[k - 1] | 0x20 == 0x73 {
            let q = k - 1
            if q >= 1, b[q - 1] == 0x27, q >= 2, UTF8Scalar.isASCIILetter(b[q - 2]) || UTF8Scalar.isDigit(b[q - 2]) {
                return !skippedPunct
            }
            if q >= 3, b[q - 3] == 0xE2, b[q - 2] == 0x80, b[q - 1] == 0x99, q >= 4,
               UTF8Scalar.isASCIILetter(b[q - 4]) || UTF8Scalar.isDigit(b[q - 4]) {
                return !skippedPunct
            }
        }
        var a = k
        while a > 0, UTF8Scalar.isASCIILetter(b[a - 1]), k - a < 12 { a -= 1 }
        guard a < k, a == 0 || !UTF8Scalar.isASCIILetter(b[a - 1]) else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: b[a..<k]), as: UTF8.self).lowercased()
        return titleIntroducers.contains(word)
    }

    /// Small words a title keeps in lower case.
    static let titleSmallWords: Set<String> = ["a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from", "vs"]

    /// Title Case words (`The Lead with Jake Tapper`, `Meet the Press.`): at
    /// most ten, the first capitalised, every other capitalised or a small
    /// word, and no sentence break inside.
    static func isTitleCase(_ text: String) -> Bool {
        var words: [Substring] = []
        var sentenceEnd = false
        for w in text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }) {
            if sentenceEnd { return false }
            if let last = w.last, last == "." || last == "!" || last == "?" { sentenceEnd = true }
            let core = w.drop(while: { !($0.isLetter || $0.isNumber) })
            if core.isEmpty { continue }
            words.append(core)
            if words.count > 10 { return false }
        }
        guard let first = words.first?.first, first.isUppercase || first.isNumber else { return false }
        for w in words.dropFirst() {
            guard let c = w.first else { continue }
            if c.isUppercase || c.isNumber { continue }
            let bare = w.prefix(while: { $0.isLetter }).lowercased()
            if !titleSmallWords.contains(bare) { return false }
        }
        return true
    }

    /// The stretch without surrounding spaces; nil when it holds no word.
    static func trimmedSpan(_ b: UnsafeBufferPointer<UInt8>, _ s: QuotedStretch, field: Span.Field, paragraph: Int) -> Span? {
        var a = s.start, e = s.end
        while a < e {
            let (sc, l) = UTF8Scalar.decode(b, at: a)
            if UTF8Scalar.isSpace(sc) { a += l } else { break }
        }
        while e > a {
            let p = UTF8Scalar.previousStart(b, before: e)
            if UTF8Scalar.isSpace(UTF8Scalar.decode(b, at: p).scalar) { e = p } else { break }
        }
        var k = a
        while k < e {
            let c = b[k]
            if c < 0x80 {
                if UTF8Scalar.isASCIILetter(c) || UTF8Scalar.isDigit(c) {
                    return Span(field: field, paragraph: paragraph, start: a, end: e)
                }
                k += 1
                continue
            }
            let (sc, l) = UTF8Scalar.decode(b, at: k)
            if UTF8Scalar.isWordScalar(sc) { return Span(field: field, paragraph: paragraph, start: a, end: e) }
            k += l
        }
        return nil
    }

    /// `direct` when the quote reads as a sentence of its own: it starts with a
    /// capital and stands at the start of a sentence, after a colon or comma,
    /// or is long and ends like a sentence. Otherwise a phrase in the
    /// reporter's sentence: `partial`.
    static func kindOf(_ b: UnsafeBufferPointer<UInt8>, _ s: QuotedStretch, _ part: Span) -> QuoteKind {
        let (first, _) = UTF8Scalar.decode(b, at: part.start)
        let capital = UTF8Scalar.isUppercase(first) || (first < 0x80 && UTF8Scalar.isDigit(UInt8(first)))
        guard capital else { return .partial }
        // What stands before the opening mark?
        var k = s.openMark
        while k > 0 {
            let p = UTF8Scalar.previousStart(b, before: k)
            if UTF8Scalar.isSpace(UTF8Scalar.decode(b, at: p).scalar) { k = p } else { break }
        }
        if k == 0 { return .direct }
        let prev = b[k - 1]
        if prev == 0x3A || prev == 0x2C || prev == 0x2E || prev == 0x3F || prev == 0x21 || prev == 0x28 {
            return .direct
        }
        if prev >= 0x80 {
            let sc = UTF8Scalar.decode(b, at: UTF8Scalar.previousStart(b, before: k)).scalar
            if sc == 0x2014 || sc == 0x2013 || sc == 0x201D { return .direct }
        }
        // Preceded by a word: direct only if it is a long sentence of its own.
        var words = 0
        var inWord = false
        var endsSentence = false
        var j = part.start
        while j < part.end {
            let c = b[j]
            let isWord = c >= 0x80 || UTF8Scalar.isASCIILetter(c) || UTF8Scalar.isDigit(c)
            if isWord && !inWord { words += 1 }
            inWord = isWord
            j += 1
        }
        if part.end > part.start {
            let last = b[part.end - 1]
            endsSentence = last == 0x2E || last == 0x3F || last == 0x21
        }
        return words >= 8 && endsSentence ? .direct : .partial
    }
}
