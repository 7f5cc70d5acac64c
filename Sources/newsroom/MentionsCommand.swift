import ArgumentParser

// Placeholder until the command lands; replaced by its own issue's work.
struct MentionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mentions", abstract: "(not built yet)")
    @Argument(parsing: .captureForPassthrough) var rest: [String] = []
    func run() throws {
        warn("'mentions' is not built yet")
        throw ExitCode(2)
    }
}
