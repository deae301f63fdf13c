/// SplitMix64 and FNV-1a mixing for fault decisions: no shared random stream, so decisions never depend on the
/// order requests arrive in.
enum FaultHash {
    /// The SplitMix64 finalizer.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a over UTF-8 bytes.
    static func fnv1a(_ text: String, into hash: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 {
        var hash = hash
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// One 64-bit value from the seed, route, key and attempt.
    static func combine(_ seed: UInt64, route: String, key: String, attempt: Int) -> UInt64 {
        var hash = mix(seed)
        hash = mix(hash ^ fnv1a(route))
        hash = mix(hash ^ fnv1a(key))
        return mix(hash ^ UInt64(truncatingIfNeeded: attempt))
    }

    /// A value in [0, 1) from the top 53 bits.
    static func unit(_ value: UInt64) -> Double {
        Double(value >> 11) / Double(UInt64(1) << 53)
    }
}
