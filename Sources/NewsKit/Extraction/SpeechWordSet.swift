/// A set of short lower-case ASCII words packed into integers (see
/// `AttributionText.key`), with open addressing and a multiplicative hash: a
/// membership test costs a few instructions, where `Set<String>` would hash
/// and allocate. Words longer than eight bytes are not stored.
struct SpeechWordSet: Sendable {
    private var slots: [UInt64]
    private let shift: UInt64

    /// A set of already packed keys (zero keys are ignored).
    init(keys: [UInt64]) {
        var size = 16
        var bits: UInt64 = 4
        while size < keys.count * 2 { size *= 2; bits += 1 }
        shift = 64 - bits
        slots = [UInt64](repeating: 0, count: size)
        for k in keys where k != 0 { insert(k) }
    }

    init<S: Sequence>(_ words: S) where S.Element == String {
        var keys: [UInt64] = []
        for w in words where w.utf8.count <= 8 && !w.isEmpty {
            var k: UInt64 = 0
            var ascii = true
            for u in w.utf8 {
                if u >= 0x80 { ascii = false }
                k = k << 8 | UInt64(u | 0x20)
            }
            if ascii { keys.append(k) }
        }
        var size = 16
        var bits: UInt64 = 4
        while size < keys.count * 4 { size *= 2; bits += 1 }
        shift = 64 - bits
        slots = [UInt64](repeating: 0, count: size)
        for k in keys { insert(k) }
    }

    private mutating func insert(_ k: UInt64) {
        var i = Int((k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[i] != 0 {
            if slots[i] == k { return }
            i = (i + 1) & (slots.count - 1)
        }
        slots[i] = k
    }

    @inline(__always) func contains(_ k: UInt64) -> Bool {
        guard k != 0 else { return false }
        var i = Int((k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let s = slots[i]
            if s == k { return true }
            if s == 0 { return false }
            i = (i + 1) & (slots.count - 1)
        }
    }
}
