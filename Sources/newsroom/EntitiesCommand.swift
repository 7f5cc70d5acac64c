import ArgumentParser

// Placeholder until the command lands; replaced by its own issue's work.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "entities", abstract: "(not built yet)")
    @Argument(parsing: .captureForPassthrough) var rest: [String] = []
    func run() throws {
        warn("'entities' is not built yet")
        throw ExitCode(2)
    }
}
