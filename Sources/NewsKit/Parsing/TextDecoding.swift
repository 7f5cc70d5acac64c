import Foundation

/// Bytes to text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM; refuses
/// binary data and invalid UTF-8, naming the file.
public enum TextDecoding {
    public static func decode(_ data: Data, source: String) throws(StoryInputError) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(data, source: source)
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty(path: source)
        }
        if bytes.prefix(8192).contains(0) { throw .binary(path: source) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(path: source) }
        return text
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
