import ArgumentParser

// Placeholder until the command lands; replaced by its own issue's work.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "(not built yet)")
    @Argument(parsing: .captureForPassthrough) var rest: [String] = []
    func run() throws {
        warn("'ingest' is not built yet")
        throw ExitCode(2)
    }
}
