import ArgumentParser

// Placeholder until the command lands; replaced by its own issue's work.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quotes", abstract: "(not built yet)")
    @Argument(parsing: .captureForPassthrough) var rest: [String] = []
    func run() throws {
        warn("'quotes' is not built yet")
        throw ExitCode(2)
    }
}
