import Foundation

/// Seconds since some fixed point, monotonic.
func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// CPU seconds used so far by the calling thread, or by the whole process.
/// On a shared machine wall time includes waiting for a core; CPU time is the work.
func cpuSeconds(thread: Bool) -> Double {
    var t = timespec()
    clock_gettime(thread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The 1-minute load average: how busy the machine was during a figure.
func loadAverage() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return .nan }
    return Double(text.split(separator: " ").first ?? "") ?? .nan
}

/// Runs `body` and returns its result and how long it took in seconds.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let value = try body()
    return (value, now() - start)
}

/// The p-th percentile (0...100) of some samples, nearest-rank.
func percentile(_ samples: [Double], _ p: Double) -> Double {
    guard !samples.isEmpty else { return .nan }
    let sorted = samples.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[max(0, min(sorted.count - 1, rank))]
}

/// Peak resident set size of this process in bytes (`VmHWM`), or 0 if unknown.
func peakRSS() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kb * 1024
    }
    return 0
}

/// Peak RSS of the largest child waited for so far, in bytes (Linux reports KB).
func childrenPeakRSS() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
}

/// User + system CPU seconds of all children waited for so far.
func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

/// Whether the machine is busy with other work (load above the core count):
/// then wall-clock figures measure the queue for a core, and verdicts use CPU time.
func machineIsBusy() -> Bool {
    loadAverage() > Double(ProcessInfo.processInfo.activeProcessorCount) + 0.5
}

/// Bytes taken on disk by a file and its SQLite companions (-wal, -shm).
func diskSize(ofDatabase path: String) -> Int {
    [path, path + "-wal", path + "-shm"].reduce(0) { total, p in
        total + ((try? FileManager.default.attributesOfItem(atPath: p)[.size] as? Int) ?? 0)
    }
}

/// The results a child run printed: one `key=value` a line on stdout.
struct ChildResult {
    var values: [String: String]
    var exitCode: Int32
    var stderr: String
    /// User + system CPU seconds the child used.
    var cpu: Double
    func double(_ key: String) -> Double? { values[key].flatMap(Double.init) }
    func int(_ key: String) -> Int? { values[key].flatMap(Int.init) }
}

/// Runs this executable again with `arguments`, so a phase's peak memory is
/// its own and not the parent's. Waits for it.
func runChild(_ arguments: [String]) throws -> ChildResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    }
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let cpuBefore = childrenCPUSeconds()
    try process.run()
    // Drain stderr on another thread so a chatty child cannot block on a full pipe.
    let errBox = ErrorText()
    let errThread = Thread { errBox.text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    errThread.start()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errBox.done { usleep(1_000) }
    var values: [String: String] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        guard let eq = line.firstIndex(of: "=") else { continue }
        values[String(line[..<eq])] = String(line[line.index(after: eq)...])
    }
    return ChildResult(values: values, exitCode: process.terminationStatus, stderr: errBox.text,
                       cpu: childrenCPUSeconds() - cpuBefore)
}

private final class ErrorText: @unchecked Sendable {
    private let lock = NSLock()
    private var _text = ""
    private var _done = false
    var text: String {
        get { lock.withLock { _text } }
        set { lock.withLock { _text = newValue; _done = true } }
    }
    var done: Bool { lock.withLock { _done } }
}

/// A child's result line.
func report(_ key: String, _ value: CustomStringConvertible) {
    say("\(key)=\(value)")
}
