import Foundation
import Testing
import TestSupport

/// What every end-to-end reader test starts from: a temporary folder (also
/// the shell's HOME), the fixture archive in it, and a tmux shell at a size.
/// `close()` (also on deinit) ends tmux and removes the folder.
final class ReaderOnFixture {
    let folder: TemporaryFolder
    let binary: NewsroomBinary
    let tmux: TmuxTerminal
    /// The fixture archive (three stories; see `FixtureArchive`).
    let db: String

    init(_ name: String, width: Int = 160, height: Int = 48) throws {
        folder = try TemporaryFolder(name)
        binary = try NewsroomBinary.find()
        db = try FixtureArchive.build(in: folder)
        tmux = try TmuxTerminal.shell(width: width, height: height, home: folder)
    }

    deinit { close() }

    /// `newsroom ARGUMENTS` as a line for the shell.
    func command(_ arguments: String) -> String { "\(binary.path) \(arguments)" }

    /// Opens the reader on the fixture archive and waits for its first frame;
    /// the reader's pid.
    @discardableResult
    func startReader(_ prefix: String = "") -> Int32? {
        tmux.run(prefix + command("browse --db \(db)"))
        tmux.waitFor("Quotes · this story")
        return tmux.foregroundPID
    }

    func close() {
        tmux.close()
        folder.remove()
    }
}
