import Dispatch

/// Maps an array on all cores, keeping the order of the input.
public enum ParallelMap {
    public static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        if items.count < 2 { return items.map(transform) }
        let slots = Slots<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.set(i, transform(items[i]))
        }
        return slots.values()
    }
}

/// Fixed storage where each slot is written by exactly one iteration, so no
/// lock is needed; read only after all writers have finished.
private final class Slots<U>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<U?>
    private let count: Int
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }
    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
    func set(_ i: Int, _ value: U) { base[i] = value }
    func values() -> [U] { (0..<count).map { base[$0]! } }
}
