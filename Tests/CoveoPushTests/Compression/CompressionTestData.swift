import Foundation
import Testing

/// Deterministic inputs for the compression tests.
enum CompressionTestData {
    /// An input shape, named for test output.
    enum Input: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case empty, oneByte, random1MB, compressible5MB

        var testDescription: String { rawValue }

        var bytes: Data {
            switch self {
            case .empty: return Data()
            case .oneByte: return Data([0x41])
            case .random1MB: return CompressionTestData.random(count: 1_000_000, seed: 7)
            case .compressible5MB: return CompressionTestData.text(count: 5_000_000)
            }
        }
    }

    /// `count` pseudo-random bytes (SplitMix64), the same for the same seed.
    static func random(count: Int, seed: UInt64) -> Data {
        var state = seed
        var data = Data(count: count)
        data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            for index in 0..<count {
                state &+= 0x9e37_79b9_7f4a_7c15
                var mixed = state
                mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
                mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
                buffer[index] = UInt8(truncatingIfNeeded: mixed ^ (mixed >> 31))
            }
        }
        return data
    }

    /// `count` bytes of repetitive HTML-like text.
    static func text(count: Int) -> Data {
        let line = Array("<p class=\"row\">The quick brown fox jumps over the lazy dog, again and again.</p>\n".utf8)
        var data = Data(capacity: count)
        var index = 0
        while data.count < count {
            data.append(contentsOf: line.prefix(count - data.count))
            data.append(contentsOf: Array(String(index).utf8).prefix(max(0, count - data.count)))
            index += 1
        }
        return data
    }
}
