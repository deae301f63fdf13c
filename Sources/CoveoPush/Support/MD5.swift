/// The MD5 message digest (RFC 1321), used only to derive `permanentid` values.
///
/// MD5 is broken as a cryptographic hash; the SDK uses it because Coveo's official clients build the
/// default `permanentid` from it, never for security. Feed bytes with ``update(_:)`` as they arrive,
/// then call ``finalize()`` once.
///
/// ```swift
/// var md5 = MD5()
/// md5.update(Array("abc".utf8))
/// Hex.lowercase(md5.finalize())  // "900150983cd24fb0d6963f7d28e17f72"
/// ```
struct MD5: Sendable {
    /// The digest length, in bytes.
    static let digestByteCount = 16

    private var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
    private var buffer = DigestBuffer()

    /// A fresh digest with no input yet.
    init() {}

    /// The digest of `bytes`, in one call.
    static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var md5 = MD5()
        md5.update(bytes)
        return md5.finalize()
    }

    /// Adds `bytes` to the message.
    mutating func update(_ bytes: some Collection<UInt8>) {
        buffer.append(bytes) { block in Self.process(block, into: &state) }
    }

    /// Pads the message and returns the 16-byte digest. Call it once, after the last ``update(_:)``.
    mutating func finalize() -> [UInt8] {
        buffer.finish(lengthIsBigEndian: false) { block in Self.process(block, into: &state) }
        var digest: [UInt8] = []
        digest.reserveCapacity(Self.digestByteCount)
        for word in [state.0, state.1, state.2, state.3] {
            for shift: UInt32 in [0, 8, 16, 24] {
                digest.append(UInt8(truncatingIfNeeded: word >> shift))
            }
        }
        return digest
    }

    /// Per-round left rotations: four per group of 16 rounds.
    private static let shifts: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]

    /// `floor(abs(sin(i + 1)) * 2^32)` for i in 0..<64, as RFC 1321 defines them.
    private static let sines: [UInt32] = [
        0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee,
        0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
        0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be,
        0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
        0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa,
        0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
        0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed,
        0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
        0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c,
        0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
        0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05,
        0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
        0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039,
        0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
        0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1,
        0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
    ]

    /// Mixes one 64-byte block into `state`.
    private static func process(_ block: UnsafeRawBufferPointer, into state: inout (UInt32, UInt32, UInt32, UInt32)) {
        var (a, b, c, d) = state
        for round in 0..<64 {
            var mixed: UInt32
            let index: Int
            switch round >> 4 {
            case 0:
                mixed = (b & c) | (~b & d)
                index = round
            case 1:
                mixed = (d & b) | (~d & c)
                index = (5 &* round &+ 1) & 15
            case 2:
                mixed = b ^ c ^ d
                index = (3 &* round &+ 5) & 15
            default:
                mixed = c ^ (b | ~d)
                index = (7 &* round) & 15
            }
            let word = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
            mixed = mixed &+ a &+ sines[round] &+ word
            a = d
            d = c
            c = b
            b = b &+ mixed.rotatedLeft(by: shifts[(round >> 4) << 2 | round & 3])
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
