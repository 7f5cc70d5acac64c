import Foundation

/// One benchmark figure as printed: what, how much, the target, the verdict.
struct Figure {
    enum Verdict: String { case pass = "PASS", miss = "MISS", info = "INFO", todo = "TODO" }
    var name: String
    var value: String
    var target: String
    var verdict: Verdict

    var line: String {
        let t = target.isEmpty ? "" : "  (target \(target))"
        return "[\(verdict.rawValue)] \(name): \(value)\(t)"
    }
}

/// Prints figures as they are measured and keeps them for the summary.
final class FigureLog {
    private(set) var figures: [Figure] = []
    func add(_ f: Figure) {
        figures.append(f)
        say(f.line)
    }
    func add(_ name: String, _ value: String, target: String = "", pass: Bool?) {
        add(Figure(name: name, value: value, target: target, verdict: pass.map { $0 ? .pass : .miss } ?? .info))
    }
    func note(_ text: String) {
        say("       \(text)")
    }
}

/// One line on stdout, written at once (no buffering between figures).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fmt(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

/// 100000 -> "100,000".
func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}

func megabytes(_ bytes: Int) -> String { fmt(Double(bytes) / 1_000_000) + " MB" }
