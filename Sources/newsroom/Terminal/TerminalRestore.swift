import Foundation

/// Puts the terminal back as it was, from anywhere: a normal quit, a signal
/// or a crash. The crash path only calls async-signal-safe functions
/// (`tcsetattr`, `write`, `signal`, `raise`) on state prepared at start-up.
enum TerminalRestore {
    /// Bytes that leave the alternate screen, show the cursor, reset
    /// attributes and stop mouse reporting; filled once from terminfo.
    nonisolated(unsafe) static var resetBytes: UnsafeMutableBufferPointer<UInt8> = .init(start: nil, count: 0)
    nonisolated(unsafe) static var savedTermios = termios()
    nonisolated(unsafe) static var haveSavedTermios = false
    /// The signal that asked us to stop (SIGTERM, SIGINT, SIGHUP), or 0.
    nonisolated(unsafe) static var stopSignal: sig_atomic_t = 0

    /// Saves the terminal's modes before curses changes them.
    static func saveModes() {
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveSavedTermios = true }
    }

    /// Prepares the bytes the crash path writes.
    static func prepare(reset: String) {
        let bytes = Array(reset.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        resetBytes = buffer
    }

    /// Stop signals are noted and handled by the main loop (which restores
    /// the terminal through curses); crash signals restore at once and die.
    static func installHandlers() {
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            signal(sig) { s in TerminalRestore.stopSignal = s }
        }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { s in
                TerminalRestore.restoreRaw()
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }

    /// Restores the saved modes and writes the reset bytes: safe in a signal handler.
    static func restoreRaw() {
        if let base = resetBytes.baseAddress, resetBytes.count > 0 {
            _ = write(STDOUT_FILENO, base, resetBytes.count)
        }
        if haveSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
    }
}
