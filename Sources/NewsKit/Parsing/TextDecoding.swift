import Foundation

/// Bytes to text: strips a UTF-8 BOM, refuses binary data and invalid UTF-8.
public enum TextDecoding {
    public static func decode(_ data: Data, source: String) throws(StoryInputError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty(path: source)
        }
        if bytes.prefix(8192).contains(0) { throw .binary(path: source) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(path: source) }
        return text
    }
}
