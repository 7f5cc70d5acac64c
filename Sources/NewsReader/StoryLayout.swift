import NewsKit

/// One screen line of the open story: which field and paragraph it shows and
/// the UTF-8 byte range of that text.
public struct StoryLine: Sendable, Hashable {
    public enum Role: Sendable, Hashable { case headline, byline, dateline, link, body, subhead, credit, blank }
    public var role: Role
    public var field: Span.Field
    public var paragraph: Int
    public var range: Range<Int>

    public init(role: Role, field: Span.Field, paragraph: Int, range: Range<Int>) {
        self.role = role
        self.field = field
        self.paragraph = paragraph
        self.range = range
    }
}

/// The open story word-wrapped to the story pane's width. Computed when the
/// story opens or the width changes, not on every frame, so scrolling a long
/// story costs nothing.
public struct StoryLayout: Sendable, Hashable {
    public var width: Int
    public var lines: [StoryLine]
    /// The first line of each body paragraph.
    public var paragraphStart: [Int]

    public init(story: Story, width: Int) {
        self.width = width
        var lines: [StoryLine] = []
        for r in WordWrap.lines(story.headline, width: width) {
            lines.append(StoryLine(role: .headline, field: .headline, paragraph: 0, range: r))
        }
        if let by = story.bylineText, !by.isEmpty {
            for r in WordWrap.lines(by, width: width) {
                lines.append(StoryLine(role: .byline, field: .byline, paragraph: 0, range: r))
            }
        }
        lines.append(StoryLine(role: .dateline, field: .headline, paragraph: 0, range: 0..<0))
        // The story's web address on a line of its own (`o` opens it).
        if let url = story.url, !url.isEmpty {
            lines.append(StoryLine(role: .link, field: .headline, paragraph: 0, range: 0..<0))
        }
        var starts: [Int] = []
        for (i, p) in story.paragraphs.enumerated() {
            lines.append(StoryLine(role: .blank, field: .body, paragraph: i, range: 0..<0))
            starts.append(lines.count)
            let role: StoryLine.Role = p.kind == .subhead ? .subhead : p.kind == .credit ? .credit : .body
            for r in WordWrap.lines(p.text, width: width) {
                lines.append(StoryLine(role: role, field: .body, paragraph: i, range: r))
            }
        }
        self.lines = lines
        paragraphStart = starts
    }

    /// The first line showing a position in the story.
    public func line(field: Span.Field, paragraph: Int, offset: Int) -> Int {
        switch field {
        case .headline: return 0
        case .byline: return lines.firstIndex(where: { $0.role == .byline }) ?? 0
        case .body:
            guard paragraphStart.indices.contains(paragraph) else { return 0 }
            var i = paragraphStart[paragraph]
            while i + 1 < lines.count, lines[i + 1].paragraph == paragraph, lines[i + 1].role != .blank,
                  lines[i + 1].range.lowerBound <= offset {
                i += 1
            }
            return i
        }
    }
}
