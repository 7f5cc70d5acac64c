import ArgumentParser

// Placeholder until the command lands; replaced by its own issue's work.
struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "related", abstract: "(not built yet)")
    @Argument(parsing: .captureForPassthrough) var rest: [String] = []
    func run() throws {
        warn("'related' is not built yet")
        throw ExitCode(2)
    }
}
