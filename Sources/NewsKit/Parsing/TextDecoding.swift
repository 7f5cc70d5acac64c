import Foundation

/// Bytes to text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM; refuses
/// binary data and invalid UTF-8, naming the file.
public enum TextDecoding {
    public static func decode(_ data: Data, source: String) throws(StoryInputError) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(data, source: source)
        }
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

    private enum CheckedUTF8 {
        case text(String), empty, binary, notUTF8
    }

    /// UTF-16 text announced by its byte-order mark (FF FE little-endian, FE FF big-endian).
    private static func decodeUTF16(_ data: Data, source: String) throws(StoryInputError) -> String {
        let little = data.first == 0xFF
        let body = data.dropFirst(2)
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
}
