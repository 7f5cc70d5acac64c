import Foundation

/// Why the reader cannot run in this terminal, or nil when it can.
func terminalProblem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
        return "browse needs a terminal (standard input and output are not a tty); use 'newsroom stories' or 'quotes' in scripts"
    }
    let term = environment["TERM"] ?? ""
    if term.isEmpty { return "browse needs a terminal: TERM is not set" }
    if ["dumb", "unknown", "emacs"].contains(term) {
        return "browse needs a terminal that can move the cursor; TERM=\(term) cannot"
    }
    return nil
}
