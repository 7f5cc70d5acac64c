import Foundation

/// A small, fast pseudo-random generator with a fixed algorithm (SplitMix64),
/// so a corpus generated from a seed is the same bytes on every machine and
/// every Swift version — which `SystemRandomNumberGenerator` does not promise.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one item of a family (story `index` of corpus `seed`):
    /// items are independent, so they can be generated in any order, on any thread.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next() ^ stream
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0). Multiply-shift instead of modulo
    /// keeps the bias negligible without a rejection loop.
    public mutating func below(_ bound: Int) -> Int {
        Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in `0..<1`.
    public mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index skewed towards 0: a few items come up very often, most rarely,
    /// like the people in a news archive. `skew` > 1 sharpens the head.
    public mutating func skewedIndex(_ count: Int, skew: Double) -> Int {
        min(count - 1, Int(Double(count) * pow(unit(), skew)))
    }
}
