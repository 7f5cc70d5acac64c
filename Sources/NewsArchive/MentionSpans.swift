import NewsKit

/// Where one entity is mentioned in one story.
struct MentionSpan: Sendable, Hashable {
    /// Index of the story's own (local) entity the mention belongs to.
    var ordinal: Int
    /// `FieldCode` of the field.
    var field: Int
    var paragraph: Int
    var start: Int
    var end: Int
    /// The mention's words when they differ from the words at the range;
    /// nil for most mentions.
    var text: String?

    /// Story order: headline, byline, body; paragraph; offset.
    var position: (Int, Int, Int) { (field, paragraph, start) }
}

/// All mentions of one entity in one story, packed into the `spans` blob of
/// its `story_entity` row: one row per entity and story instead of one per
/// mention (a third of the rows ingest wrote, and their B-tree inserts).
///
/// The blob is a run of records in story order, unique by position, each
/// six unsigned LEB128 varints — field, paragraph, start, length, ordinal,
/// text length (0: the words at the range) — followed by the text's UTF-8.
enum MentionSpans {
    /// The spans in story order, one per position (the first one given).
    static func normalize(_ spans: [MentionSpan]) -> [MentionSpan] {
        var out: [MentionSpan] = []
        out.reserveCapacity(spans.count)
        // Stable: of two spans at one position, the first given is kept.
        let sorted = spans.enumerated().sorted {
            $0.element.position != $1.element.position ? $0.element.position < $1.element.position : $0.offset < $1.offset
        }
        for (_, s) in sorted {
            if let last = out.last, last.position == s.position { continue }
            out.append(s)
        }
        return out
    }

    /// Packs spans that are normalized already.
    static func pack(_ normalized: [MentionSpan]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(normalized.count * 8)
        for s in normalized {
            let text = s.text.map { Array($0.utf8) } ?? []
            for v in [s.field, s.paragraph, s.start, s.end - s.start, s.ordinal, text.count] {
                appendVarint(max(0, v), to: &out)
            }
            out += text
        }
        return out
    }

    /// The spans of a blob in story order; stops quietly at a damaged tail.
    static func decode(_ blob: [UInt8]) -> [MentionSpan] {
        var spans: [MentionSpan] = []
        var at = 0
        while at < blob.count {
            var v = [Int](repeating: 0, count: 6)
            for i in 0..<6 {
                guard let n = readVarint(blob, &at) else { return spans }
                v[i] = n
            }
            let textEnd = at + v[5]
            guard textEnd <= blob.count else { return spans }
            let text = v[5] == 0 ? nil : String(decoding: blob[at..<textEnd], as: UTF8.self)
            at = textEnd
            spans.append(MentionSpan(ordinal: v[4], field: v[0], paragraph: v[1], start: v[2], end: v[2] + v[3],
                                     text: text))
        }
        return spans
    }

    static func appendVarint(_ value: Int, to out: inout [UInt8]) {
        var v = UInt64(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    static func readVarint(_ bytes: [UInt8], _ at: inout Int) -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count && shift < 63 {
            let b = bytes[at]
            at += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return Int(truncatingIfNeeded: value) }
            shift += 7
        }
        return nil
    }
}
