/// Everything a key can ask the reader to do.
public enum Command: String, Sendable, Hashable, CaseIterable {
    case focusNext, focusPrevious
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case open
    case filterByPerson, clearFilter
    case nextMention, previousMention
    case search, nextResult, previousResult, searchResults
    case commandLine
    case related
    case toggleEntityScope
    case why
    case refresh
    case openLink, fetchFeeds
    case help
    case quit
}

/// One row of the action table: the keys, what they do, and how the help
/// overlay and the status line describe it.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var command: Command
    /// One line for the help overlay.
    public var help: String
    /// A word or two for the status line, or nil to keep it out of the hints.
    public var hint: String?
    public var section: String

    public init(_ keys: [Key], _ command: Command, _ help: String, hint: String? = nil, section: String) {
        self.keys = keys
        self.command = command
        self.help = help
        self.hint = hint
        self.section = section
    }
}

/// The single table of key bindings. Dispatch, the help overlay and the
/// status-line hints are all read from it, so they cannot disagree.
public enum ActionTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding([.tab], .focusNext, "focus the next pane", hint: "pane", section: "Move"),
        KeyBinding([.backTab], .focusPrevious, "focus the previous pane", section: "Move"),
        KeyBinding([.character("j"), .down], .moveDown, "move down", section: "Move"),
        KeyBinding([.character("k"), .up], .moveUp, "move up", section: "Move"),
        KeyBinding([.pageDown, .character(" "), .control("f")], .pageDown, "page down", section: "Move"),
        KeyBinding([.pageUp, .character("b"), .control("b")], .pageUp, "page up", section: "Move"),
        KeyBinding([.character("g"), .home], .top, "go to the top", section: "Move"),
        KeyBinding([.character("G"), .end], .bottom, "go to the bottom", section: "Move"),
        KeyBinding([.enter], .open, "open the story, or jump to the quote or mention", hint: "open", section: "Move"),
        KeyBinding([.character("f")], .filterByPerson, "filter quotes by a person (Tab completes)", hint: "filter", section: "Quotes and people"),
        KeyBinding([.character("F")], .clearFilter, "clear the quote filter (also Esc)", section: "Quotes and people"),
        KeyBinding([.character("]")], .nextMention, "next mention of the selected person or entity", hint: "mention", section: "Quotes and people"),
        KeyBinding([.character("[")], .previousMention, "previous mention", section: "Quotes and people"),
        KeyBinding([.character("w")], .why, "why: how the selected quote got its speaker", hint: "why", section: "Quotes and people"),
        KeyBinding([.character("a")], .toggleEntityScope, "entities of this story / of the whole archive", hint: "scope", section: "Quotes and people"),
        KeyBinding([.character("/")], .search, "full-text search over the archive", hint: "search", section: "Search"),
        KeyBinding([.character("n")], .nextResult, "next match of the search, on into the next result", section: "Search"),
        KeyBinding([.character("N")], .previousResult, "previous match, back into the previous result", section: "Search"),
        KeyBinding([.character("s")], .searchResults, "the search's results, to pick one (Enter)", section: "Search"),
        KeyBinding([.character("r")], .related, "stories related to the open one", hint: "related", section: "Search"),
        KeyBinding([.character(":")], .commandLine, "command line: filter NAME, search WORDS, open N, quit", section: "Other"),
        KeyBinding([.character("o")], .openLink, "open the story's web address in $BROWSER", section: "Other"),
        KeyBinding([.character("R")], .fetchFeeds, "fetch the feeds in the background", section: "Other"),
        KeyBinding([.control("l")], .refresh, "reload the story list (new stories) and redraw", section: "Other"),
        KeyBinding([.character("?")], .help, "this help", hint: "help", section: "Other"),
        KeyBinding([.character("q"), .control("c")], .quit, "quit (closes an overlay first)", hint: "quit", section: "Other"),
    ]

    /// The command bound to `key`, if any.
    public static func command(for key: Key) -> Command? {
        bindings.first(where: { $0.keys.contains(key) })?.command
    }

    /// The binding of a command (for hints).
    public static func binding(of command: Command) -> KeyBinding? {
        bindings.first(where: { $0.command == command })
    }

    /// The keys as a Markdown table, for README.md (a test keeps the README's
    /// copy equal to this).
    public static var markdownTable: String {
        var lines = ["| key | action |", "|---|---|"]
        for b in bindings {
            lines.append("| " + b.keys.map { "`\($0.label)`" }.joined(separator: " ") + " | " + b.help + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The status line's key hints, in table order: "f filter  ] mention …".
    public static var hints: [(key: String, word: String)] {
        bindings.compactMap { b in b.hint.map { (b.keys[0].label, $0) } }
    }
}
