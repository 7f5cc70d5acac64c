import Foundation

/// Lines that reference pictures or tags rather than carry text:
/// `tagreuters.com…-VIEWIMAGE`, `Image: …`, `Photo: …`, `#tags`, bare URLs.
struct MediaLine {
    private static let prefixes: [[UInt8]] = [
        "tagreuters", "image:", "images:", "photo:", "photos:", "picture:", "pictures:", "video:", "graphic:",
    ].map { Array($0.utf8) }
    private static let viewImage = Array("VIEWIMAGE".utf8)
    private static let imageTag = Array("tagreuters".utf8)

    private static let captionPrefixes: [[UInt8]] = ["file photo:", "file picture:", "file photo -"].map { Array($0.utf8) }
    private static let agencyPhotoCredit = Array("REUTERS/".utf8)

    /// Picture references that can stand anywhere in the body, not only at the
    /// end: image tags, and captions ("FILE PHOTO: …", "… REUTERS/Jane Doe").
    static func isPicture(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { b in
            guard !b.isEmpty, b.count <= 600 else { return false }
            if contains(b, viewImage) || hasPrefixIgnoringCase(b, imageTag) { return true }
            for prefix in captionPrefixes where hasPrefixIgnoringCase(b, prefix) { return true }
            return contains(b, agencyPhotoCredit)
        }
    }

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
        guard let base = b.baseAddress, let first = needle.first, b.count >= needle.count else { return false }
        // memchr jumps to each candidate first byte; most lines have none.
        var i = 0
        let last = b.count - needle.count
        while i <= last, let hit = memchr(base + i, Int32(first), last - i + 1) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var j = 1
            while j < needle.count && b[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
            i += 1
        }
        return false
    }
}
