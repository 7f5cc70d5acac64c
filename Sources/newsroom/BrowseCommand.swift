import ArgumentParser

// Placeholder until the command lands; replaced by its own issue's work.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "(not built yet)")
    @Argument(parsing: .captureForPassthrough) var rest: [String] = []
    func run() throws {
        warn("'browse' is not built yet")
        throw ExitCode(2)
    }
}
