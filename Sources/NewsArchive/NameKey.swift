import Foundation
import NewsKit

/// Keys for matching names across stories: lowercased, accents removed,
/// words split on anything that is not a letter or digit ("Jean-Luc O'Neil"
/// → ["jean", "luc", "o", "neil"]). "sebastien" matches "Sébastien".
enum NameKey {
    /// The words of a name, folded.
    static func words(_ name: String) -> [String] {
        var out: [String] = []
        // ASCII fast path: most wire names are plain ASCII, and Foundation's
        // folding is slow enough to matter over millions of mentions.
        let ascii: [String]? = name.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var words: [String] = []
            var current: [UInt8] = []
            for b in bytes {
                if b >= 0x80 { return nil }
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    current.append(b)
                } else if b >= 0x41 && b <= 0x5A {
                    current.append(b + 0x20)
                } else if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            return words
        } ?? nil
        if let ascii { return ascii }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The whole name as one key: its folded words joined by one space.
    static func key(_ name: String) -> String {
        words(name).joined(separator: " ")
    }
}

/// A 128-bit FNV-1a hash of a file's bytes, as 32 hex digits: a story's
/// identity in the archive. (No CryptoKit on Linux and no extra packages;
/// identity needs collision resistance against accidents, not attackers.)
enum ContentHash {
    static func of(_ data: Data) -> String {
        var hash: UInt128 = 0x6c62272e07bb014262b821756295c58d
        let prime: UInt128 = 0x0000000001000000000000000000013B
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            for b in raw {
                hash ^= UInt128(b)
                hash = hash &* prime
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }
}

/// The content hash of a story that is not a whole file (a feed item, a
/// NewsML item, a fetched page): of everything parsed from it but its
/// source, so the same item saved in two files or fetched twice is one
/// story and a changed one is another version.
public enum StoryHash {
    public static func of(_ story: Story) -> String {
        var s = story
        s.source = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(s)) ?? Data(story.headline.utf8)
        return ContentHash.of(Data("story\u{0}".utf8) + data)
    }
}
