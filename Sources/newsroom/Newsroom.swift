import ArgumentParser
import Foundation
import NewsFetch

@main
struct Newsroom: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsroom",
        abstract: "A terminal newsroom reader: stories, who said what, who is mentioned.",
        version: NewsroomVersion.current,
        subcommands: [
            BrowseCommand.self, ExtractCommand.self, IngestCommand.self, FetchCommand.self, StoriesCommand.self,
            QuotesCommand.self, EntitiesCommand.self, MentionsCommand.self, SearchCommand.self,
            RelatedCommand.self, MigrateCommand.self, CopyCommand.self, GenCorpusCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    /// ArgumentParser exits 64 (EX_USAGE) on usage errors; our contract is 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            finish(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                finish(ExitStatus.usage.rawValue)
            }
            if HTTPClient.madeSessions {
                let message = fullMessage(for: error)
                if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
                finish(code.rawValue)
            }
            exit(withError: error)
        }
    }

    /// Ends the process. After a download (`fetch`, the reader's `R`) it
    /// skips the atexit cleanups: see `HTTPClient.madeSessions`.
    static func finish(_ code: Int32) -> Never {
        // Output goes through FileHandle (unbuffered); fflush(nil) covers
        // anything printed through stdio.
        fflush(nil)
        if HTTPClient.madeSessions { _exit(code) }
        Foundation.exit(code)
    }
}

/// Exit codes of every command: 0 success, 1 some input failed, 2 usage.
enum ExitStatus {
    static let inputFailed = ExitCode(1)
    static let usage = ExitCode(2)
}

/// One line on stderr.
func warn(_ message: String) {
    FileHandle.standardError.write(Data(("newsroom: " + message + "\n").utf8))
}

/// Write text to stdout (no buffering surprises when piping).
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

func emitBytes(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
}
