import Foundation

/// The data files shipped with Newsroom: gazetteers (one entry a line) and the
/// sample corpus. Everything is found through `Bundle.module`.
public enum NewsResources {
    /// The lines of `gazetteers/NAME.txt`: trimmed, without blank lines and `#` comments.
    /// A missing file is a packaging bug, so it stops the program with its name.
    public static func gazetteer(_ name: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "gazetteers"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("gazetteer '\(name)' is missing from the bundle")
        }
        return entries(in: text)
    }

    /// The trimmed, non-blank, non-comment lines of a gazetteer's text.
    ///
    /// Walks Unicode scalars, not `Character`s, and trims without Foundation:
    /// splitting into `Character`s and `trimmingCharacters(in:)` cost ~140M
    /// instructions at every start, more than extracting a hundred stories.
    /// Same lines as before: a newline character (`\n`, `\r\n`, U+2028 …) is
    /// always a grapheme of its own, so splitting its scalars splits the same
    /// places, and `CharacterSet.whitespaces` is tab plus the Zs category.
    static func entries(in text: String) -> [String] {
        var lines: [String] = []
        for line in text.unicodeScalars.split(whereSeparator: isNewline) {
            var entry = line[...]
            while let first = entry.first, isWhitespace(first) { entry.removeFirst() }
            while let last = entry.last, isWhitespace(last) { entry.removeLast() }
            if entry.isEmpty || entry.first == "#" { continue }
            lines.append(String(entry))
        }
        return lines
    }

    /// A gazetteer line's fields, split at tabs and spaces (as
    /// `split(whereSeparator: { $0 == "\t" || $0 == " " })` splits them).
    /// An ASCII line is split by bytes: the `Character` split of the 5,000
    /// lines of name lists was a sixth of the lexicon's start-up. Only other
    /// lines need `Character`s, where a space may carry a combining mark.
    public static func fields(of line: String) -> [Substring] {
        guard line.utf8.allSatisfy({ $0 < 0x80 }) else {
            return line.split(whereSeparator: { $0 == "\t" || $0 == " " })
        }
        var fields: [Substring] = []
        let u = line.utf8
        var start = u.startIndex
        var i = start
        while i != u.endIndex {
            if u[i] == 0x09 || u[i] == 0x20 {
                if start != i { fields.append(line[start..<i]) }
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if start != u.endIndex { fields.append(line[start..<u.endIndex]) }
        return fields
    }

    /// `Character.isNewline` for a scalar: LF, VT, FF, CR, NEL, U+2028, U+2029.
    private static func isNewline(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x0A && s.value <= 0x0D) || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
    }

    /// Membership in `CharacterSet.whitespaces`: tab and the space separators (Zs).
    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || s.value == 0x09 }
        return s.properties.generalCategory == .spaceSeparator
    }

    /// The folder of the bundled sample corpus.
    public static var corpusURL: URL {
        guard let url = Bundle.module.url(forResource: "corpus", withExtension: nil) else {
            fatalError("the sample corpus is missing from the bundle")
        }
        return url
    }

    /// The folder of the same fictional story in every input format.
    public static var formatsURL: URL {
        guard let url = Bundle.module.url(forResource: "formats", withExtension: nil) else {
            fatalError("the format samples are missing from the bundle")
        }
        return url
    }
}
