import Foundation
import NewsArchive
import NewsReader

/// Runs the reader on a terminal until the user quits or a signal arrives.
/// Returns the signal number that stopped it, or 0.
/// `archivePath` is where `R` stores what it fetches.
@MainActor
func runBrowser(archive: any ArchiveStore, archivePath: String) throws -> Int32 {
    let screen = try CursesScreen()
    defer { screen.end() }
    let size = screen.size
    var session = ReaderSession(archive: archive, width: size.width, height: size.height)
    let fetch = BackgroundFetch(archivePath: archivePath)
    // A shared archive says when other machines add stories.
    let news = (archive as? PostgresArchive).flatMap { try? $0.storyNotifications() }
    screen.draw(session.render())
    while !session.state.shouldQuit {
        if TerminalRestore.stopSignal != 0 { return TerminalRestore.stopSignal }
        let effects = session.takeEffects()
        carryOut(effects, fetch: fetch, into: &session)
        let background = fetch.take()
        for action in background { session.send(action) }
        var changed = !effects.isEmpty || !background.isEmpty
        if let n = news?.newStories(), n > 0 {
            session.send(.newStories(n))
            changed = true
        }
        if changed { screen.draw(session.render()) }
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

/// Carries out what the reducer asked of the world: a browser, a fetch.
@MainActor
func carryOut(_ effects: [ReaderEffect], fetch: BackgroundFetch, into session: inout ReaderSession) {
    for effect in effects {
        switch effect {
        case .openURL(let url):
            if let problem = LinkOpener.open(url) {
                session.send(.failed(problem))
            } else {
                session.send(.note("opened \(url)"))
            }
        case .fetchFeeds:
            fetch.start()
        }
    }
}
