import Foundation
import NewsKit

/// What the story row keeps beside its text, as JSON: how the body splits
/// into paragraphs and the parts of the story that are not searched. The
/// story's entities are `story.entityIds` (archive ids, in story order), so
/// this JSON is made on the extraction threads, not by the single writer.
///
/// Written with one-letter keys and without empty lists since schema v7
/// (`json`); rows written before have the property names as keys, and both
/// read back the same.
struct StoredLayout: Decodable {
    /// `[utf8 length, kind]` per paragraph; kind 0 body, 1 subhead, 2 credit.
    var paragraphs: [[Int]]
    var bylineText: String?
    var byline: [String]
    var dateline: Dateline?
    var credits: [Credit]
    var media: [String]
    /// Added with the feed and page formats; absent in older rows.
    var url: String?
    var published: String?
    var isSummary: Bool?

    init(paragraphs: [[Int]], bylineText: String?, byline: [String], dateline: Dateline?, credits: [Credit],
         media: [String], url: String? = nil, published: String? = nil, isSummary: Bool? = nil) {
        self.paragraphs = paragraphs
        self.bylineText = bylineText
        self.byline = byline
        self.dateline = dateline
        self.credits = credits
        self.media = media
        self.url = url
        self.published = published
        self.isSummary = isSummary
    }

    /// The keys as written since v7 (`Short`) and before (`Long`).
    enum Short: String, CodingKey {
        case paragraphs = "p", bylineText = "t", byline = "b", dateline = "d", credits = "c", media = "m"
        case url = "u", published = "w", isSummary = "s"
        case raw = "r", places = "l", date = "e", agency = "a", role = "o", people = "n"
    }

    enum Long: String, CodingKey {
        case paragraphs, bylineText, byline, dateline, credits, media, url, published, isSummary
    }

    init(from decoder: any Decoder) throws {
        let short = try decoder.container(keyedBy: Short.self)
        guard short.contains(.paragraphs) else {
            let c = try decoder.container(keyedBy: Long.self)
            self.init(paragraphs: try c.decode([[Int]].self, forKey: .paragraphs),
                      bylineText: try c.decodeIfPresent(String.self, forKey: .bylineText),
                      byline: try c.decode([String].self, forKey: .byline),
                      dateline: try c.decodeIfPresent(Dateline.self, forKey: .dateline),
                      credits: try c.decode([Credit].self, forKey: .credits),
                      media: try c.decode([String].self, forKey: .media),
                      url: try c.decodeIfPresent(String.self, forKey: .url),
                      published: try c.decodeIfPresent(String.self, forKey: .published),
                      isSummary: try c.decodeIfPresent(Bool.self, forKey: .isSummary))
            return
        }
        let c = short
        var dateline: Dateline?
        if c.contains(.dateline) {
            let d = try c.nestedContainer(keyedBy: Short.self, forKey: .dateline)
            dateline = Dateline(raw: try d.decode(String.self, forKey: .raw),
                                places: try d.decodeIfPresent([String].self, forKey: .places) ?? [],
                                date: try d.decodeIfPresent(String.self, forKey: .date),
                                agency: try d.decodeIfPresent(String.self, forKey: .agency))
        }
        var credits: [Credit] = []
        if c.contains(.credits) {
            var list = try c.nestedUnkeyedContainer(forKey: .credits)
            while !list.isAtEnd {
                let one = try list.nestedContainer(keyedBy: Short.self)
                credits.append(Credit(role: try one.decode(Credit.Role.self, forKey: .role),
                                      people: try one.decode([String].self, forKey: .people)))
            }
        }
        self.init(paragraphs: try c.decode([[Int]].self, forKey: .paragraphs),
                  bylineText: try c.decodeIfPresent(String.self, forKey: .bylineText),
                  byline: try c.decodeIfPresent([String].self, forKey: .byline) ?? [],
                  dateline: dateline, credits: credits,
                  media: try c.decodeIfPresent([String].self, forKey: .media) ?? [],
                  url: try c.decodeIfPresent(String.self, forKey: .url),
                  published: try c.decodeIfPresent(String.self, forKey: .published),
                  isSummary: try c.decodeIfPresent(Bool.self, forKey: .isSummary))
    }
}

/// The parts of a quote beyond its first span, as JSON with short keys.
///
/// The attribution is written under `b` without what repeats the quote's
/// own fields: its cue when it is the quote's cue, its mention when it is
/// the quote's speaker span, the mention's words when they are the first
/// name of the chain (an absent key means "the same", `null` means none).
/// Rows written before keep the whole attribution under `a`; both read back
/// the same.
struct QuoteDetail: Decodable {
    /// `[field, paragraph, start, end]` per part; field as in `FieldCode`.
    /// Empty when the quote is one span in the body, given by the row.
    var parts: [[Int]]
    var cue: String?
    var speakerSpan: [Int]?
    /// Why the quote has its speaker (`Quote.attribution`), with the
    /// mention's words, so listing quotes needs no story body.
    var attribution: StoredAttribution?

    enum CodingKeys: String, CodingKey {
        case parts = "p", cue = "c", speakerSpan = "s", attribution = "a", compactAttribution = "b"
    }

    init(parts: [[Int]], cue: String?, speakerSpan: [Int]?, attribution: StoredAttribution? = nil) {
        self.parts = parts
        self.cue = cue
        self.speakerSpan = speakerSpan
        self.attribution = attribution
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        parts = try c.decodeIfPresent([[Int]].self, forKey: .parts) ?? []
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
        speakerSpan = try c.decodeIfPresent([Int].self, forKey: .speakerSpan)
        if let compact = try? c.nestedContainer(keyedBy: StoredAttribution.CodingKeys.self, forKey: .compactAttribution) {
            let row = decoder.userInfo[QuoteDetail.rowKey] as? QuoteRow ?? QuoteRow(speaker: nil, confidence: nil)
            attribution = try? StoredAttribution(compact: compact, cue: cue, speakerSpan: speakerSpan, row: row)
        } else {
            attribution = try? c.decodeIfPresent(StoredAttribution.self, forKey: .attribution)
        }
    }

    /// The quote row's columns the compact form leaves out of its detail
    /// (schema v7): the speaker that ends the chain, and the confidence.
    struct QuoteRow {
        var speaker: String?
        var confidence: Double?
    }

    static let rowKey = CodingUserInfoKey(rawValue: "newsroom.quoteRow")!

    /// A stored detail read with its row's `speaker` and `confidence`
    /// columns; nil when it is not a detail.
    static func decode(_ detail: String, speaker: String?, confidence: Double?) -> QuoteDetail? {
        let decoder = JSONDecoder()
        decoder.userInfo[rowKey] = QuoteRow(speaker: speaker, confidence: confidence)
        return try? decoder.decode(QuoteDetail.self, from: Data(detail.utf8))
    }
}

/// Attribution methods (`QuoteAttribution.method`) stored as small numbers
/// (schema v7). Append only: a stored number names its method for good; a
/// method not listed is stored as its name.
enum MethodCode {
    static let names = [
        "cue-after-quote", "reported-speech", "colon-intro", "cue-before-quote", "pronoun", "follow-on",
        "organisation-noun", "according-to", "headline-cue", "paraphrase-subject", "conversation",
        "partial-in-clause", "headline-match", "participle-subject", "descriptor", "cue-after-clause",
        "participle-inherit", "intro-paragraph", "sentence-before", "headline-colon",
    ]
    static let codes: [String: Int] = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
}

/// `QuoteAttribution` as stored in a quote's detail, short keys.
struct StoredAttribution: Decodable {
    var method: String
    var cue: String?
    /// `[field, paragraph, start, end]` of the mention, and its words.
    var mention: [Int]?
    var mentionText: String?
    var chain: [String]
    var confidence: Double

    enum CodingKeys: String, CodingKey {
        case method = "m", cue = "c", mention = "s", mentionText = "t", chain = "h", confidence = "f"
        case chainBeforeSpeaker = "g"
    }

    /// The whole form (`QuoteDetail`'s `a`, rows written before the compact one).
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decode(String.self, forKey: .method)
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
        mention = try c.decodeIfPresent([Int].self, forKey: .mention)
        mentionText = try c.decodeIfPresent(String.self, forKey: .mentionText)
        chain = try c.decode([String].self, forKey: .chain)
        confidence = try c.decode(Double.self, forKey: .confidence)
    }


    init(_ a: QuoteAttribution, in story: Story) {
        method = a.method
        cue = a.cue
        mention = a.mention.map(FieldCode.array)
        mentionText = a.mention.map { story.words(at: $0) }
        chain = a.chain
        confidence = a.confidence
    }

    /// Read from the compact form (`QuoteDetail`'s `b`): an absent cue,
    /// mention or mention text is the quote's own. Since schema v7 the
    /// method may be its `MethodCode`, the chain may be written as `g`
    /// without its last name (the row's speaker), and an absent confidence
    /// is the row's.
    init(compact c: KeyedDecodingContainer<CodingKeys>, cue quoteCue: String?, speakerSpan: [Int]?,
         row: QuoteDetail.QuoteRow) throws {
        if let code = try? c.decode(Int.self, forKey: .method) {
            guard MethodCode.names.indices.contains(code) else {
                throw DecodingError.dataCorruptedError(forKey: .method, in: c, debugDescription: "unknown method \(code)")
            }
            method = MethodCode.names[code]
        } else {
            method = try c.decode(String.self, forKey: .method)
        }
        cue = c.contains(.cue) ? try c.decodeIfPresent(String.self, forKey: .cue) : quoteCue
        mention = c.contains(.mention) ? try c.decodeIfPresent([Int].self, forKey: .mention) : speakerSpan
        if c.contains(.chainBeforeSpeaker) {
            guard let speaker = row.speaker else {
                throw DecodingError.dataCorruptedError(forKey: .chainBeforeSpeaker, in: c, debugDescription: "no speaker")
            }
            chain = try c.decode([String].self, forKey: .chainBeforeSpeaker) + [speaker]
        } else {
            chain = try c.decode([String].self, forKey: .chain)
        }
        mentionText = c.contains(.mentionText) ? try c.decodeIfPresent(String.self, forKey: .mentionText)
            : (mention == nil ? nil : chain.first)
        if let f = try c.decodeIfPresent(Double.self, forKey: .confidence) {
            confidence = f
        } else if let f = row.confidence {
            confidence = f
        } else {
            throw DecodingError.keyNotFound(CodingKeys.confidence, .init(codingPath: c.codingPath, debugDescription: "no confidence"))
        }
    }

    var quoteAttribution: QuoteAttribution {
        QuoteAttribution(method: method, cue: cue, mention: mention.flatMap(FieldCode.span), chain: chain,
                         confidence: confidence)
    }

    var json: ArticleJSON.AttributionJSON {
        let span = mention.flatMap(FieldCode.span)
        return ArticleJSON.AttributionJSON(
            method: method, cue: cue,
            mention: span.map { ArticleJSON.MentionJSON(text: mentionText ?? "", field: $0.field.rawValue,
                                                        paragraph: $0.paragraph, range: [$0.start, $0.end]) },
            chain: chain, confidence: confidence)
    }
}

extension QuoteDetail {
    /// The attribution kept in a quote's detail JSON, as records show it;
    /// only a detail that holds one is worth decoding.
    static func attributionJSON(_ detail: String, speaker: String?, confidence: Double?) -> ArticleJSON.AttributionJSON? {
        guard detail.contains("\"b\":") || detail.contains("\"a\":") else { return nil }
        return decode(detail, speaker: speaker, confidence: confidence)?.attribution?.json
    }
}

/// Fields as small integers so mention rows sort headline, byline, body.
enum FieldCode {
    static func code(_ f: Span.Field) -> Int {
        switch f {
        case .headline: return 0
        case .byline: return 1
        case .body: return 2
        }
    }
    static func field(_ code: Int) -> Span.Field {
        switch code {
        case 0: return .headline
        case 1: return .byline
        default: return .body
        }
    }
    static func span(_ a: [Int]) -> Span? {
        guard a.count == 4 else { return nil }
        return Span(field: field(a[0]), paragraph: a[1], start: a[2], end: a[3])
    }
    static func array(_ s: Span) -> [Int] { [code(s.field), s.paragraph, s.start, s.end] }
}

/// Paragraph kinds as stored.
enum ParagraphCode {
    static func code(_ k: Paragraph.Kind) -> Int {
        switch k {
        case .body: return 0
        case .subhead: return 1
        case .credit: return 2
        }
    }
    static func kind(_ c: Int) -> Paragraph.Kind {
        switch c {
        case 1: return .subhead
        case 2: return .credit
        default: return .body
        }
    }
}

/// The body is kept once, as the paragraphs joined by a blank line, which is
/// also what full-text search indexes; `StoredLayout.paragraphs` splits it back.
enum StoredBody {
    static let separator = "\n\n"

    static func join(_ paragraphs: [Paragraph]) -> String {
        paragraphs.map(\.text).joined(separator: separator)
    }

    /// A paragraph's `StoredLayout.paragraphs` entry: `[utf8 length, kind]`,
    /// or just the length for a body paragraph (kind 0, also what a missing
    /// kind reads as).
    static func layoutEntry(_ p: Paragraph) -> [Int] {
        let kind = ParagraphCode.code(p.kind)
        return kind == 0 ? [p.text.utf8.count] : [p.text.utf8.count, kind]
    }

    static func split(_ body: String, layout: [[Int]]) -> [Paragraph] {
        var out: [Paragraph] = []
        out.reserveCapacity(layout.count)
        let bytes = Array(body.utf8)
        var at = 0
        for entry in layout {
            let length = entry.first ?? 0
            let end = min(bytes.count, at + length)
            let text = String(decoding: bytes[min(at, end)..<end], as: UTF8.self)
            out.append(Paragraph(text, kind: ParagraphCode.kind(entry.count > 1 ? entry[1] : 0)))
            at = end + 2
        }
        return out
    }

    /// The UTF-8 byte offset in the body where paragraph `index` starts.
    static func offset(of index: Int, layout: [[Int]]) -> Int {
        var at = 0
        for i in 0..<min(index, layout.count) { at += (layout[i].first ?? 0) + 2 }
        return at
    }
}

/// Dates as written in datelines and files, turned into `yyyy-MM-dd` and a
/// sortable integer `yyyymmdd` (0 when unknown, which sorts oldest).
enum StoryDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ raw: String?) -> (iso: String, key: Int)? {
        guard let raw, !raw.isEmpty else { return nil }
        let words = raw.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var year: Int?, month: Int?, day: Int?
        // ISO 8601 first: 2026-11-29, 2026-11-29T14:30:00Z (Atom, NewsML, ninjs)
        let head = Array(raw.utf8.prefix(10))
        if head.count == 10, head[4] == UInt8(ascii: "-"), head[7] == UInt8(ascii: "-"),
           let y = Int(String(decoding: head[0..<4], as: UTF8.self)), let m = Int(String(decoding: head[5..<7], as: UTF8.self)),
           let d = Int(String(decoding: head[8..<10], as: UTF8.self)) {
            year = y; month = m; day = d
        } else if words.count >= 3, let y = Int(words[0]), words[0].count == 4, let m = Int(words[1]), let d = Int(words[2]) {
            year = y; month = m; day = d
        } else {
            for w in words {
                if let n = Int(w) {
                    if w.count == 4 { year = n } else if day == nil && n >= 1 && n <= 31 { day = n }
                } else if w.count >= 3, let m = months.firstIndex(of: String(w.prefix(3))) {
                    month = m + 1
                }
            }
        }
        guard let y = year, let m = month, let d = day, (1...12).contains(m), (1...31).contains(d),
              (1000...9999).contains(y) else { return nil }
        let iso = String(format: "%04d-%02d-%02d", y, m, d)
        return (iso, y * 10000 + m * 100 + d)
    }
}

/// Words at a UTF-8 byte range of a text (clamped to the text).
enum StoredText {
    static func words(in text: String, start: Int, end: Int) -> String {
        let utf8 = text.utf8
        let lo = max(0, min(start, utf8.count)), hi = max(lo, min(end, utf8.count))
        let a = utf8.index(utf8.startIndex, offsetBy: lo), b = utf8.index(a, offsetBy: hi - lo)
        return String(decoding: utf8[a..<b], as: UTF8.self)
    }
}

/// A small JSON writer for the stored forms: Foundation's encoder costs more
/// than the rest of preparing a story, and these shapes are fixed. The output
/// is read back with `JSONDecoder` into the same `Codable` types.
struct CompactJSON {
    private(set) var text = ""

    mutating func raw(_ s: String) { text += s }

    mutating func string(_ s: String) {
        text += "\""
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C { plain = false; break }
        if plain {
            text += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        text.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        text += "\""
    }

    mutating func strings(_ list: [String]) {
        text += "["
        for (i, s) in list.enumerated() {
            if i > 0 { text += "," }
            string(s)
        }
        text += "]"
    }

    mutating func ints(_ list: [Int]) {
        text += "[" + list.map(String.init).joined(separator: ",") + "]"
    }

    mutating func key(_ k: String, first: Bool = false) {
        text += (first ? "\"" : ",\"") + k + "\":"
    }
}

extension StoredLayout {
    /// The stored form (v7): one-letter keys (`Short`), empty lists left out.
    var json: String {
        var w = CompactJSON()
        w.raw("{")
        w.key("p", first: true)
        w.raw("[" + paragraphs.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]")
        if let bylineText {
            w.key("t")
            w.string(bylineText)
        }
        if !byline.isEmpty {
            w.key("b")
            w.strings(byline)
        }
        if let d = dateline {
            w.key("d")
            w.raw("{")
            w.key("r", first: true)
            w.string(d.raw)
            if !d.places.isEmpty {
                w.key("l")
                w.strings(d.places)
            }
            if let date = d.date {
                w.key("e")
                w.string(date)
            }
            if let agency = d.agency {
                w.key("a")
                w.string(agency)
            }
            w.raw("}")
        }
        if !credits.isEmpty {
            w.key("c")
            w.raw("[")
            for (i, c) in credits.enumerated() {
                if i > 0 { w.raw(",") }
                w.raw("{")
                w.key("o", first: true)
                w.string(c.role.rawValue)
                w.key("n")
                w.strings(c.people)
                w.raw("}")
            }
            w.raw("]")
        }
        if !media.isEmpty {
            w.key("m")
            w.strings(media)
        }
        if let url {
            w.key("u")
            w.string(url)
        }
        if let published {
            w.key("w")
            w.string(published)
        }
        if isSummary == true { w.raw(",\"s\":true") }
        w.raw("}")
        return w.text
    }
}

extension QuoteDetail {
    /// The stored form. With the row's `speaker` and `confidence` columns
    /// (schema v7) the method is its `MethodCode`, a chain that ends with
    /// the speaker is written as `g` without it, and a confidence that is
    /// the row's is left out; without them the detail stands alone.
    func json(speaker: String? = nil, confidence rowConfidence: Double? = nil) -> String {
        var w = CompactJSON()
        w.raw("{")
        var first = true
        if !parts.isEmpty {
            w.key("p", first: true)
            w.raw("[" + parts.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]")
            first = false
        }
        if let cue {
            w.key("c", first: first)
            w.string(cue)
            first = false
        }
        if let speakerSpan {
            w.key("s", first: first)
            w.ints(speakerSpan)
            first = false
        }
        if let a = attribution {
            // Compact: what repeats the quote's fields is left out (see above).
            w.key("b", first: first)
            w.raw("{")
            w.key("m", first: true)
            if speaker != nil || rowConfidence != nil, let code = MethodCode.codes[a.method] {
                w.raw(String(code))
            } else {
                w.string(a.method)
            }
            if a.cue != cue {
                w.key("c")
                if let cue = a.cue { w.string(cue) } else { w.raw("null") }
            }
            if a.mention != speakerSpan {
                w.key("s")
                if let m = a.mention { w.ints(m) } else { w.raw("null") }
            }
            if a.mentionText != (a.mention == nil ? nil : a.chain.first) {
                w.key("t")
                if let t = a.mentionText { w.string(t) } else { w.raw("null") }
            }
            if speaker != nil && a.chain.last == speaker {
                w.key("g")
                w.strings(Array(a.chain.dropLast()))
            } else {
                w.key("h")
                w.strings(a.chain)
            }
            let stored = a.confidence.isFinite ? a.confidence : 0
            if rowConfidence != stored {
                w.key("f")
                w.raw(String(stored))
            }
            w.raw("}")
        }
        w.raw("}")
        return w.text
    }
}
