import Foundation

/// Bytes to text. The character encoding is, in this order: a byte-order mark;
/// the charset of an HTTP `Content-Type`; the document's own declaration (an
/// XML prolog's `encoding=`, an HTML `<meta charset>` or `http-equiv`
/// Content-Type); else UTF-8. UTF-8, UTF-16 (LE/BE), ISO-8859-1, ISO-8859-15
/// and Windows-1252 are read; anything else, and bytes that are not valid in
/// their encoding, are refused with an error naming the source. Binary data
/// (NUL bytes in UTF-8 or single-byte text) is refused too.
public enum TextDecoding {
    /// A character encoding this reader knows.
    public enum Charset: String, Sendable, Equatable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE"
        /// ISO-8859-1 is read as Windows-1252, as browsers do: the C1 range
        /// 0x80–0x9F holds the curly quotes and dashes real "Latin-1" text uses.
        case windows1252 = "windows-1252"
        case latin9 = "ISO-8859-15"

        /// The charset an IANA name (any case, `_` or `-`) stands for, or nil.
        public init?(name: String) {
            let n = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
                .replacingOccurrences(of: "_", with: "-")
            switch n {
            case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
            case "us-ascii", "ascii", "ansi-x3.4-1968": self = .utf8  // ASCII is a subset; checked as UTF-8
            case "utf-16le": self = .utf16LE
            case "utf-16be", "utf-16": self = .utf16BE  // UTF-16 without a BOM is big-endian
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819",
                 "windows-1252", "cp1252", "x-cp1252":
                self = .windows1252
            case "iso-8859-15", "iso8859-15", "latin-9", "latin9", "l9": self = .latin9
            default: return nil
            }
        }

        var isSingleByte: Bool { self == .windows1252 || self == .latin9 }
    }

    /// Decodes plain text as before: UTF-8 (a BOM is dropped) or UTF-16 with a BOM.
    public static func decode(_ data: Data, source: String) throws(StoryInputError) -> String {
        try decode(data, source: source, contentType: nil)
    }

    /// Decodes `data`, honouring `contentType` (an HTTP `Content-Type` value)
    /// and the document's own charset declaration.
    public static func decode(_ data: Data, source: String, contentType: String?) throws(StoryInputError) -> String {
        if data.starts(with: [0xFF, 0xFE]) { return try decodeUTF16(data.dropFirst(2), little: true, source: source) }
        if data.starts(with: [0xFE, 0xFF]) { return try decodeUTF16(data.dropFirst(2), little: false, source: source) }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return try decodeUTF8(data, source: source) }
        // UTF-16 without a BOM shows itself by the NULs around `<?` (XML 1.0, Appendix F).
        if data.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return try decodeUTF16(data[...], little: true, source: source) }
        if data.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return try decodeUTF16(data[...], little: false, source: source) }

        let headerName = contentType.flatMap(charsetParameter)
        // Only markup declares its charset (a prolog, a meta tag).
        let documentName = InputFormat.firstNonBlankByte(data.prefix(64)) == UInt8(ascii: "<") ? declaredCharset(in: data) : nil
        guard let name = headerName ?? documentName else { return try decodeUTF8(data, source: source) }
        let by = headerName != nil ? "Content-Type" : "the document"
        guard let charset = Charset(name: name) else {
            throw .undecodable(path: source, reason: "unsupported character encoding '\(clean(name))' (declared by \(by))")
        }
        switch charset {
        case .utf8:
            if let text = try? decodeUTF8(data, source: source) { return text }
            // A server that says UTF-8 for a page that declares (and is) Windows-1252.
            if headerName != nil, let doc = documentName.flatMap(Charset.init(name:)), doc.isSingleByte {
                return try decodeSingleByte(data, doc, source: source)
            }
            throw .undecodable(path: source, reason: "not valid UTF-8 text (declared UTF-8 by \(by))")
        case .utf16LE, .utf16BE:
            return try decodeUTF16(data[...], little: charset == .utf16LE, source: source)
        case .windows1252, .latin9:
            // Valid UTF-8 with non-ASCII bytes in it is UTF-8, whatever the label
            // says: Latin-1 text almost never is valid UTF-8 by chance.
            if data.contains(where: { $0 >= 0x80 }), let text = try? decodeUTF8(data, source: source) { return text }
            return try decodeSingleByte(data, charset, source: source)
        }
    }

    /// The `charset` parameter of a `Content-Type` value (`text/html; charset=ISO-8859-1`).
    public static func charsetParameter(_ contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The charset the document declares in its first 1,024 bytes: the XML
    /// prolog's `encoding="…"`, `<meta charset="…">`, or the `charset=` of a
    /// `<meta http-equiv="Content-Type" content="…">`.
    static func declaredCharset(in data: Data) -> String? {
        // Plain text (wire copy) declares nothing: a byte scan says so without
        // making and lowercasing a string of the head.
        guard mayDeclareCharset(data.prefix(1024)) else { return nil }
        let head = String(decoding: data.prefix(1024).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self)
        let lower = head.lowercased()
        if lower.hasPrefix("<?xml"), let end = lower.range(of: "?>") {
            let prolog = lower[..<end.lowerBound]
            if let r = prolog.range(of: "encoding") { return quotedValue(after: prolog[r.upperBound...]) }
            return nil
        }
        var from = lower.startIndex
        while let meta = lower.range(of: "<meta", range: from..<lower.endIndex) {
            let tagEnd = lower[meta.upperBound...].firstIndex(of: ">") ?? lower.endIndex
            let tag = lower[meta.upperBound..<tagEnd]
            if let r = tag.range(of: "charset") {
                var rest = tag[r.upperBound...].drop { $0 == " " }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " }
                    let value = rest.prefix { !" \"'/>;".contains($0) }
                    let quoted = rest.first == "\"" || rest.first == "'"
                    let name = quoted ? String(rest.dropFirst().prefix { $0 != "\"" && $0 != "'" }) : String(value)
                    if !name.isEmpty { return name }
                }
            }
            from = tagEnd
        }
        return nil
    }

    /// Whether `head` starts with `<?xml` or holds `<meta` (any case): the
    /// only places `declaredCharset` looks for a declaration.
    static func mayDeclareCharset(_ head: Data) -> Bool {
        head.withUnsafeBytes { raw -> Bool in
            let b = raw.bindMemory(to: UInt8.self)
            func lower(_ i: Int) -> UInt8 { b[i] | 0x20 }
            if b.count >= 5, b[0] == 0x3C, b[1] == 0x3F, lower(2) == 0x78, lower(3) == 0x6D, lower(4) == 0x6C { return true }
            guard b.count >= 5, let base = b.baseAddress else { return false }
            var i = 0
            while i + 5 <= b.count, let hit = memchr(base + i, 0x3C, b.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 5 <= b.count, lower(at + 1) == 0x6D, lower(at + 2) == 0x65, lower(at + 3) == 0x74, lower(at + 4) == 0x61 {
                    return true
                }
                i = at + 1
            }
            return false
        }
    }

    private static func quotedValue(after text: Substring) -> String? {
        var rest = text.drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard let q = rest.first, q == "\"" || q == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != q }
        return value.isEmpty ? nil : String(value)
    }

    /// A charset name fit for a one-line message.
    private static func clean(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.prefix(40).map(Character.init))
    }

    private enum CheckedUTF8 {
        case text(String), empty, binary, notUTF8
    }

    private static func decodeUTF8(_ data: Data, source: String) throws(StoryInputError) -> String {
        // Checked in place: no copy of the file before the one into the String.
        let checked: CheckedUTF8 = data.withUnsafeBytes { raw in
            var bytes = raw.assumingMemoryBound(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .empty }
            if let base = bytes.baseAddress, memchr(base, 0, min(bytes.count, 8192)) != nil { return .binary }
            guard let text = String(validating: bytes, as: UTF8.self) else { return .notUTF8 }
            return .text(text)
        }
        switch checked {
        case .text(let text): return text
        case .empty: throw .empty(path: source)
        case .binary: throw .binary(path: source)
        case .notUTF8: throw .notUTF8(path: source)
        }
    }

    /// UTF-16 code units, little- or big-endian, the BOM already dropped.
    private static func decodeUTF16(_ body: Data.SubSequence, little: Bool, source: String) throws(StoryInputError) -> String {
        guard body.count % 2 == 0 else { throw .unreadable(path: source, reason: "invalid UTF-16 text (odd length)") }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(little ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .unreadable(path: source, reason: "invalid UTF-16 text")
        }
        if text.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" }) {
            throw .empty(path: source)
        }
        if text.utf8.contains(0) { throw .binary(path: source) }
        return text
    }

    /// Windows-1252's 0x80–0x9F (nil where it has no character; those bytes
    /// stay the C1 control of the same value, as browsers read them).
    private static let cp1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]
    /// Where ISO-8859-15 differs from ISO-8859-1.
    private static let latin9: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]

    private static func decodeSingleByte(_ data: Data, _ charset: Charset, source: String) throws(StoryInputError) -> String {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(path: source) }
        if data.prefix(8192).contains(0) { throw .binary(path: source) }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(data.count)
        for b in data {
            var value = UInt32(b)
            if charset == .latin9, let v = latin9[b] {
                value = v
            } else if charset == .windows1252, b >= 0x80, b <= 0x9F, let v = cp1252High[Int(b - 0x80)] {
                value = v
            }
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
