/// Trailing lines that reference pictures or tags rather than carry text:
/// `tagreuters.com…-VIEWIMAGE`, `Image: …`, `Photo: …`, `#tags`, bare URLs.
struct MediaLine {
    private static let prefixes: [[UInt8]] = [
        "tagreuters", "image:", "images:", "photo:", "photos:", "picture:", "pictures:", "video:", "graphic:",
    ].map { Array($0.utf8) }
    private static let viewImage = Array("VIEWIMAGE".utf8)

    static func matches(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { matches(bytes: $0) }
    }

    static func matches(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        // Media references are short; a long closing paragraph is text.
        guard !b.isEmpty, b.count <= 400 else { return false }
        for prefix in prefixes where hasPrefixIgnoringCase(b, prefix) { return true }
        if contains(b, viewImage) { return true }
        let hasSpace = b.contains(0x20)
        if !hasSpace, hasPrefixIgnoringCase(b, Array("http://".utf8)) || hasPrefixIgnoringCase(b, Array("https://".utf8)) {
            return true
        }
        // "#ferries #lisbon": every word a hashtag.
        var atWordStart = true
        for c in b {
            if c == 0x20 { atWordStart = true; continue }
            if atWordStart && c != UInt8(ascii: "#") { return false }
            atWordStart = false
        }
        return b[0] == UInt8(ascii: "#") && b.count > 1
    }

    private static func hasPrefixIgnoringCase(_ b: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard b.count >= prefix.count else { return false }
        for i in 0..<prefix.count {
            var c = b[i]
            if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { c += 32 }
            if c != prefix[i] { return false }
        }
        return true
    }

    private static func contains(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard b.count >= needle.count else { return false }
        var i = 0
        while i <= b.count - needle.count {
            if b[i] == needle[0] {
                var j = 1
                while j < needle.count && b[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
