/// A small streaming JSON writer over UTF-8 bytes. `JSONEncoder` costs more than
/// extraction itself on large outputs; `extract --json` writes through this.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the open object or array already holds a value (the next one
    /// needs a comma); the enclosing levels' flags wait in `outerNeedsComma`.
    /// A stored flag, not the top of an array: every value asks it, and an
    /// array element cost a uniqueness check and bounds checks each time.
    private var needsComma = false
    private var outerNeedsComma: [Bool] = []

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private mutating func open(_ mark: UInt8) {
        separate()
        bytes.append(mark)
        outerNeedsComma.append(needsComma)
        needsComma = false
    }

    private mutating func close(_ mark: UInt8) {
        needsComma = outerNeedsComma.removeLast()
        bytes.append(mark)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key inside an object; the next value call writes its value.
    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func value(_ s: String) { separate(); appendString(s) }
    public mutating func value(_ s: String?) {
        if let s { value(s) } else { separate(); bytes.append(contentsOf: "null".utf8) }
    }
    public mutating func value(_ n: Int) { separate(); appendDecimal(n) }
    /// A finite number as Swift prints it (`0.93`), which JSON reads back exactly.
    public mutating func value(_ x: Double) {
        separate()
        bytes.append(contentsOf: (x.isFinite ? String(x) : "null").utf8)
    }
    public mutating func value(_ list: [String]) {
        beginArray()
        for s in list { value(s) }
        endArray()
    }
    public mutating func value(range: Int, _ end: Int) {
        beginArray()
        value(range)
        value(end)
        endArray()
    }

    public mutating func field(_ name: String, _ s: String) { key(name); value(s) }
    public mutating func field(_ name: String, _ s: String?) { key(name); value(s) }
    public mutating func field(_ name: String, _ n: Int) { key(name); value(n) }
    public mutating func field(_ name: String, _ x: Double) { key(name); value(x) }
    public mutating func field(_ name: String, _ list: [String]) { key(name); value(list) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// `String(n)`'s digits, written straight into the output (offsets and
    /// paragraph numbers are most of the values; a `String` each cost more).
    private mutating func appendDecimal(_ n: Int) {
        if n >= 0 && n < 10 { bytes.append(0x30 + UInt8(n)); return }
        guard n > 0 else { bytes.append(contentsOf: String(n).utf8); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var v = n
            var k = d.count
            while v > 0 {
                k -= 1
                d[k] = 0x30 + UInt8(v % 10)
                v /= 10
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[k...]))
        }
    }

    /// Whether any of eight bytes is a control character, `"` or `\\`.
    @inline(__always)
    private static func needsEscape(_ x: UInt64) -> Bool {
        UTF8Scalar.bytes(x, below: 0x20) | UTF8Scalar.bytes(x, equal: 0x22) | UTF8Scalar.bytes(x, equal: 0x5C) != 0
    }

    /// The string in quotes, escaped. Unescaped runs are copied whole; the
    /// escapes are appended byte by byte (an array literal each was an allocation).
    private mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { buf in
            var runStart = 0
            var i = 0
            while i < buf.count {
                // Eight bytes at a time while none needs escaping (nearly all text).
                if i + 8 <= buf.count, !Self.needsEscape(UTF8Scalar.load8(buf, i)) {
                    i += 8
                    continue
                }
                let b = buf[i]
                i += 1
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if runStart < i - 1 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<(i - 1)])) }
                runStart = i
                bytes.append(0x5C)
                switch b {
                case UInt8(ascii: "\""): bytes.append(0x22)
                case UInt8(ascii: "\\"): bytes.append(0x5C)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(UInt8(ascii: "u")); bytes.append(0x30); bytes.append(0x30)
                    bytes.append(Self.hex[Int(b >> 4)]); bytes.append(Self.hex[Int(b & 15)])
                }
            }
            if runStart < buf.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<buf.count]))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension ExtractOutput {
    /// The document `JSONOutput.encode(self)` gives (keys sorted; absent optionals
    /// written as null), written fast. Streamed as `head`, each article, `tail`.
    public func jsonBytes() -> [UInt8] {
        var out = Array(Self.head.utf8)
        for (i, a) in articles.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += a.jsonBytes()
        }
        return out + Array(Self.tail.utf8)
    }
    public static let head = "{\"articles\":["
    public static var tail: String { "],\"formatVersion\":\(currentFormatVersion)}" }
}

extension ArticleJSON {
    /// One article as a JSON object, keys sorted.
    public func jsonBytes() -> [UInt8] {
        var w = JSONWriter(capacity: 4096)
        write(into: &w)
        return w.bytes
    }

    func write(into w: inout JSONWriter) {
        w.beginObject()
        w.field("byline", byline)
        w.key("credits")
        w.beginArray()
        for c in credits {
            w.beginObject(); w.field("people", c.people); w.field("role", c.role); w.endObject()
        }
        w.endArray()
        w.key("dateline")
        if let d = dateline {
            w.beginObject()
            w.field("agency", d.agency)
            w.field("date", d.date)
            w.field("places", d.places)
            w.endObject()
        } else {
            w.value(nil as String?)
        }
        w.key("entities")
        w.beginArray()
        for e in entities {
            w.beginObject()
            w.key("mentions")
            w.beginArray()
            for m in e.mentions { Self.write(m, into: &w) }
            w.endArray()
            w.field("name", e.name)
            w.field("type", e.type)
            w.endObject()
        }
        w.endArray()
        w.field("headline", headline)
        w.key("headlineQuotes")
        Self.write(headlineQuotes, into: &w)
        w.field("media", media)
        w.key("paragraphs")
        w.beginArray()
        for p in paragraphs {
            w.beginObject(); w.field("kind", p.kind); w.field("text", p.text); w.endObject()
        }
        w.endArray()
        if let published { w.field("published", published) }
        w.key("quotes")
        Self.write(quotes, into: &w)
        w.field("source", source)
        if let url { w.field("url", url) }
        w.endObject()
    }

    private static func write(_ m: MentionJSON, into w: inout JSONWriter) {
        w.beginObject()
        w.field("field", m.field)
        w.field("paragraph", m.paragraph)
        w.key("range"); w.value(range: m.range[0], m.range[1])
        w.field("text", m.text)
        w.endObject()
    }

    private static func write(_ quotes: [QuoteJSON], into w: inout JSONWriter) {
        w.beginArray()
        for q in quotes {
            w.beginObject()
            if let a = q.attribution {
                w.key("attribution")
                w.beginObject()
                w.field("chain", a.chain)
                w.field("confidence", a.confidence)
                if let cue = a.cue { w.field("cue", cue) }
                if let m = a.mention { w.key("mention"); write(m, into: &w) }
                w.field("method", a.method)
                w.endObject()
            }
            if let cue = q.cue { w.field("cue", cue) }
            w.field("kind", q.kind)
            w.field("paragraph", q.paragraph)
            w.key("parts")
            w.beginArray()
            for p in q.parts {
                w.beginObject()
                w.field("paragraph", p.paragraph)
                w.key("range"); w.value(range: p.range[0], p.range[1])
                w.endObject()
            }
            w.endArray()
            w.key("range"); w.value(range: q.range[0], q.range[1])
            w.field("speaker", q.speaker)
            w.field("text", q.text)
            w.endObject()
        }
        w.endArray()
    }
}
