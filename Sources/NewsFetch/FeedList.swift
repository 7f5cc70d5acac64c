import Foundation

/// The feeds file: one URL a line, optional tags after it, `#` comments and
/// blank lines (newsboat's `urls` file). A tag with spaces is in double
/// quotes: `https://example.org/rss.xml politics "city hall"`.
public struct FeedList: Sendable, Hashable {
    public struct Feed: Sendable, Hashable {
        public var url: String
        public var tags: [String]
        /// 1-based line in the file.
        public var line: Int
    }

    /// A line that is not a feed, with its 1-based number and why.
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var reason: String
    }

    public var feeds: [Feed] = []
    public var problems: [Problem] = []

    /// `$XDG_CONFIG_HOME/newsroom/feeds`, else `~/.config/newsroom/feeds`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let x = environment["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/newsroom/feeds" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/newsroom/feeds"
    }

    public init(text: String) {
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let words = Self.words(raw)
            guard let first = words.first else { continue }
            if first.hasPrefix("#") { continue }
            guard let url = URL(string: first), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", url.host != nil else {
                problems.append(Problem(line: i + 1, reason: "not an http(s) URL: \(first)"))
                continue
            }
            // A `#` word starts a comment at the end of the line.
            let tags = Array(words.dropFirst().prefix { !$0.hasPrefix("#") })
            feeds.append(Feed(url: first, tags: tags, line: i + 1))
        }
    }

    /// Reads the file; throws a one-line reason naming it.
    public init(path: String) throws(FetchError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw FetchError("\(path): cannot read the feeds file") }
            throw FetchError("\(path): no feeds file (one URL a line)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FetchError("\(path): the feeds file is not UTF-8 text")
        }
        self.init(text: text)
    }

    /// Splits a line into words; double quotes keep spaces in a word. An
    /// unquoted `#` at the start of a word starts a comment only there.
    static func words<S: StringProtocol>(_ line: S) -> [String] {
        var out: [String] = []
        var word = ""
        var quoted = false
        var inWord = false
        for ch in line {
            if quoted {
                if ch == "\"" { quoted = false } else { word.append(ch) }
            } else if ch == "\"" {
                quoted = true
                inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord { out.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(ch)
                inWord = true
            }
        }
        if inWord { out.append(word) }
        return out
    }
}
