/// A set of short lower-case ASCII words packed into integers (see
/// `AttributionText.key`), with open addressing and a multiplicative hash: a
/// membership test costs a few instructions, where `Set<String>` would hash
/// and allocate. Words longer than eight bytes are not stored.
struct SpeechWordSet: Sendable {
    private var slots: [UInt64]
    private let shift: UInt64
    /// The byte length of the longest word the set was built from: a longer
    /// ASCII word is in neither the keys nor the `Set<String>` beside them.
    let longest: Int

    /// A set of already packed keys (zero keys are ignored).
    init(keys: [UInt64]) {
        var size = 16
        var bits: UInt64 = 4
        while size < keys.count * 2 { size *= 2; bits += 1 }
        shift = 64 - bits
        longest = 8
        slots = [UInt64](repeating: 0, count: size)
        for k in keys where k != 0 { insert(k) }
    }

    /// A word packed as `AttributionText.key` packs tokens: 0 when longer than
    /// eight bytes, empty or not ASCII.
    static func key(_ w: String) -> UInt64 {
        guard w.utf8.count <= 8, !w.isEmpty else { return 0 }
        var k: UInt64 = 0
        for u in w.utf8 {
            if u >= 0x80 { return 0 }
            k = k << 8 | UInt64(u | 0x20)
        }
        return k
    }

    init<S: Sequence>(_ words: S) where S.Element == String {
        var keys: [UInt64] = []
        var longest = 0
        for w in words {
            longest = max(longest, w.utf8.count)
            let k = Self.key(w)
            if k != 0 { keys.append(k) }
        }
        var size = 16
        var bits: UInt64 = 4
        while size < keys.count * 4 { size *= 2; bits += 1 }
        shift = 64 - bits
        self.longest = longest
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

/// Short lower-case ASCII words packed into integers (as `SpeechWordSet`),
/// each with a small value: one probe answers every word-list question about
/// a word at once. Also the gazetteer's word flags by `NameScanner.key`
/// (`Value` UInt32), where a `Dictionary` hashed every key with SipHash.
struct SpeechWordTable<Value: FixedWidthInteger & Sendable>: Sendable {
    private var slots: [UInt64]
    private var values: [Value]
    private let shift: UInt64

    init(_ entries: [UInt64: Value]) {
        var size = 16
        var bits: UInt64 = 4
        while size < entries.count * 4 { size *= 2; bits += 1 }
        shift = 64 - bits
        slots = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: 0, count: size)
        for (k, v) in entries where k != 0 {
            var i = Int((k &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[i] != 0 && slots[i] != k { i = (i + 1) & (size - 1) }
            slots[i] = k
            values[i] |= v
        }
    }

    /// The value stored for `k`, 0 when there is none.
    @inline(__always) func value(_ k: UInt64) -> Value {
        guard k != 0 else { return 0 }
        var i = Int((k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let s = slots[i]
            if s == k { return values[i] }
            if s == 0 { return 0 }
            i = (i + 1) & (slots.count - 1)
        }
    }
}
