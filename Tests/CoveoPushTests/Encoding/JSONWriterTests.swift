import Foundation
import Testing

@testable import CoveoPush

@Suite("JSONWriter")
struct JSONWriterTests {
    /// A small deterministic generator so the random strings are the same on every run.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomString(_ random: inout SplitMix) -> String {
        let pools: [ClosedRange<UInt32>] = [
            0x00...0x1F, 0x20...0x7E, 0x7F...0x7F, 0xA0...0x2FF, 0x2028...0x2029, 0x4E00...0x4E80,
            0x1F600...0x1F64F, 0x10000...0x10FFFF, 0xE000...0xF8FF,
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            let pool = pools[Int.random(in: 0..<pools.count, using: &random)]
            if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) { scalars.append(scalar) }
        }
        scalars.append(contentsOf: "\"\\/".unicodeScalars)
        return String(scalars)
    }

    @Test("seeded random strings with every control and non-BMP character round-trip through JSONSerialization")
    func escapingRoundTrip() throws {
        var random = SplitMix(state: 20_261_122)
        for _ in 0..<500 {
            let text = Self.randomString(&random)
            var writer = JSONWriter()
            writer.beginArray()
            writer.string(text)
            writer.endArray()
            let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String]
            #expect(decoded == [text])
        }
    }

    @Test("every control character is escaped, U+2028/U+2029 too, and '/' is not")
    func escapesEveryControlCharacter() {
        for code in 0..<0x20 {
            var writer = JSONWriter()
            writer.string(String(UnicodeScalar(UInt8(code))))
            let output = String(decoding: writer.bytes, as: UTF8.self)
            #expect(!output.unicodeScalars.contains { $0.value < 0x20 }, "control \(code) left raw")
        }
        var writer = JSONWriter()
        writer.string("a\u{2028}b\u{2029}c/d\"e\\f\ng")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\u2028b\u2029c/d\"e\\f\ng""#)
    }

    @Test("objects, arrays and numbers get commas and forms JSON parsers accept")
    func structure() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.integer(-42)
        writer.key("b")
        writer.beginArray()
        writer.double(0.1)
        writer.double(5)
        writer.integer(Int64.min)
        writer.bool(true)
        writer.null()
        writer.beginObject()
        writer.endObject()
        writer.endArray()
        writer.key("c")
        writer.double(1e300)
        writer.endObject()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == #"{"a":-42,"b":[0.1,5.0,-9223372036854775808,true,null,{}],"c":1e+300}"#)
        #expect(try JSONSerialization.jsonObject(with: Data(writer.bytes)) is [String: Any])
    }
}
