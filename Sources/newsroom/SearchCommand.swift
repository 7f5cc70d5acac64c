import ArgumentParser

// Placeholder until the command lands; replaced by its own issue's work.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "(not built yet)")
    @Argument(parsing: .captureForPassthrough) var rest: [String] = []
    func run() throws {
        warn("'search' is not built yet")
        throw ExitCode(2)
    }
}
