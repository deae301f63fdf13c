/// A small, fast random number generator whose sequence is fixed by its seed (SplitMix64).
///
/// Use it to make retry jitter reproducible in tests or benchmarks; the same seed always yields the same
/// sequence, on every platform. It is not suitable for cryptography. For production, the client's default
/// source is `SystemRandomNumberGenerator`.
///
/// ```swift
/// var random = SeededRandomNumberGenerator(seed: 42)
/// let wait = RetryPolicy.default.backoff(beforeAttempt: 2, using: &random)
/// ```
package struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// Creates a generator whose sequence is determined by `seed`.
    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
