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
        var lines: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            lines.append(entry)
        }
        return lines
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
