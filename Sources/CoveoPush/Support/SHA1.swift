/// The SHA-1 message digest (FIPS 180-4, RFC 3174), used only to derive `permanentid` values.
///
/// SHA-1 is no longer collision resistant; the SDK uses it because Coveo's official clients build the
/// default `permanentid` from it, never for security. Feed bytes with ``update(_:)`` as they arrive,
/// then call ``finalize()`` once.
///
/// ```swift
/// Hex.lowercase(SHA1.hash(Array("abc".utf8)))  // "a9993e364706816aba3e25717850c26c9cd0d89d"
/// ```
struct SHA1: Sendable {
    /// The digest length, in bytes.
    static let digestByteCount = 20

    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0
    )
    private var buffer = DigestBuffer()

    /// A fresh digest with no input yet.
    init() {}

    /// The digest of `bytes`, in one call.
    static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var sha1 = SHA1()
        sha1.update(bytes)
        return sha1.finalize()
    }

    /// Adds `bytes` to the message.
    mutating func update(_ bytes: some Collection<UInt8>) {
        buffer.append(bytes) { block in Self.process(block, into: &state) }
    }

    /// Pads the message and returns the 20-byte digest. Call it once, after the last ``update(_:)``.
    mutating func finalize() -> [UInt8] {
        buffer.finish(lengthIsBigEndian: true) { block in Self.process(block, into: &state) }
        var digest: [UInt8] = []
        digest.reserveCapacity(Self.digestByteCount)
        for word in [state.0, state.1, state.2, state.3, state.4] {
            for shift: UInt32 in [24, 16, 8, 0] {
                digest.append(UInt8(truncatingIfNeeded: word >> shift))
            }
        }
        return digest
    }

    /// Mixes one 64-byte block into `state`.
    private static func process(
        _ block: UnsafeRawBufferPointer,
        into state: inout (UInt32, UInt32, UInt32, UInt32, UInt32)
    ) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { schedule in
            for index in 0..<16 {
                schedule[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            }
            for index in 16..<80 {
                let mixed = schedule[index - 3] ^ schedule[index - 8] ^ schedule[index - 14] ^ schedule[index - 16]
                schedule[index] = mixed.rotatedLeft(by: 1)
            }
            var (a, b, c, d, e) = state
            for round in 0..<80 {
                let function: UInt32
                let constant: UInt32
                switch round {
                case 0..<20:
                    function = (b & c) | (~b & d)
                    constant = 0x5a82_7999
                case 20..<40:
                    function = b ^ c ^ d
                    constant = 0x6ed9_eba1
                case 40..<60:
                    function = (b & c) | (b & d) | (c & d)
                    constant = 0x8f1b_bcdc
                default:
                    function = b ^ c ^ d
                    constant = 0xca62_c1d6
                }
                let next = a.rotatedLeft(by: 5) &+ function &+ e &+ constant &+ schedule[round]
                e = d
                d = c
                c = b.rotatedLeft(by: 30)
                b = a
                a = next
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
        }
    }
}
