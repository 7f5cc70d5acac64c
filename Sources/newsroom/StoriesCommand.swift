import ArgumentParser

// Placeholder until the command lands; replaced by its own issue's work.
struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stories", abstract: "(not built yet)")
    @Argument(parsing: .captureForPassthrough) var rest: [String] = []
    func run() throws {
        warn("'stories' is not built yet")
        throw ExitCode(2)
    }
}
