/// The four panes of the reader.
public enum PaneID: String, Sendable, Hashable, CaseIterable {
    case stories, story, entities, quotes

    public var title: String {
        switch self {
        case .stories: return "Stories"
        case .story: return "Story"
        case .entities: return "Entities"
        case .quotes: return "Quotes"
        }
    }
}

/// Where each visible pane goes for a terminal size. Wide terminals show all
/// four panes; medium ones share the left column between the story list and
/// the entities; narrow or short ones show the focused pane alone.
public struct Layout: Sendable, Hashable {
    public enum Mode: Sendable, Hashable { case full, medium, single, tooSmall }

    /// The smallest terminal the reader draws in.
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public var mode: Mode
    public var panes: [PaneID: Rect]
    /// The bottom row: status line and prompts.
    public var status: Rect

    public init(width: Int, height: Int, focus: PaneID) {
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        panes = [:]
        if width < Layout.minimumWidth || height < Layout.minimumHeight {
            mode = .tooSmall
            return
        }
        let body = height - 1
        if width >= 120 && height >= 30 {
            mode = .full
            let quotesHeight = max(8, body * 3 / 10)
            let top = body - quotesHeight
            let left = max(30, width * 29 / 100)
            let right = max(26, width * 19 / 100)
            panes[.stories] = Rect(x: 0, y: 0, width: left, height: top)
            panes[.story] = Rect(x: left, y: 0, width: width - left - right, height: top)
            panes[.entities] = Rect(x: width - right, y: 0, width: right, height: top)
            panes[.quotes] = Rect(x: 0, y: top, width: width, height: quotesHeight)
        } else if width >= 80 && height >= 20 {
            mode = .medium
            let quotesHeight = max(6, body * 3 / 10)
            let top = body - quotesHeight
            let left = max(26, width * 32 / 100)
            let leftPane: PaneID = focus == .entities ? .entities : .stories
            panes[leftPane] = Rect(x: 0, y: 0, width: left, height: top)
            panes[.story] = Rect(x: left, y: 0, width: width - left, height: top)
            panes[.quotes] = Rect(x: 0, y: top, width: width, height: quotesHeight)
        } else {
            mode = .single
            panes[focus] = Rect(x: 0, y: 0, width: width, height: body)
        }
    }

    /// The inside of a pane (without its border), or an empty rectangle when hidden.
    public func content(of pane: PaneID) -> Rect {
        panes[pane]?.inset(1) ?? Rect(x: 0, y: 0, width: 0, height: 0)
    }

    /// The pane at a screen position.
    public func pane(atX x: Int, y: Int) -> PaneID? {
        panes.first(where: { $0.value.contains(x: x, y: y) })?.key
    }
}
