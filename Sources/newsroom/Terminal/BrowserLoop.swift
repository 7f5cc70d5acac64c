import Foundation
import NewsArchive
import NewsReader

/// Runs the reader on a terminal until the user quits or a signal arrives.
/// Returns the signal number that stopped it, or 0.
@MainActor
func runBrowser(archive: any ArchiveStore) throws -> Int32 {
    let screen = try CursesScreen()
    defer { screen.end() }
    let size = screen.size
    var session = ReaderSession(archive: archive, width: size.width, height: size.height)
    // A shared archive says when other machines add stories.
    let news = (archive as? PostgresArchive).flatMap { try? $0.storyNotifications() }
    screen.draw(session.render())
    while !session.state.shouldQuit {
        if TerminalRestore.stopSignal != 0 { return TerminalRestore.stopSignal }
        if let n = news?.newStories(), n > 0 {
            session.send(.newStories(n))
            screen.draw(session.render())
        }
        guard let input = screen.read() else { continue }
        switch input {
        case .key(let k):
            if k == .control("l") { screen.invalidate() }
            session.send(.key(k))
        case .mouse(let m): session.send(.mouse(m))
        case .resize(let w, let h): session.send(.resize(width: w, height: h))
        }
        screen.draw(session.render())
    }
    return 0
}
