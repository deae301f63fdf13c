import Foundation
import Testing

@testable import CoveoPush

@Suite("Compression round trips and framing")
struct CompressionRoundTripTests {
    static let producible: [CompressionType] = [.uncompressed, .deflate, .gzip, .zlib]

    @Test("every producible type round-trips every input", arguments: producible, CompressionTestData.Input.allCases)
    func roundTrip(type: CompressionType, input: CompressionTestData.Input) throws {
        let original = input.bytes
        let packed = try Compression.compress(original, as: type)
        let unpacked = try Decompression.decompress(packed, as: type, maxOutputBytes: original.count)
        #expect(unpacked == original)
        if input == .compressible5MB && type != .uncompressed {
            #expect(packed.count < original.count / 10)
        }
    }

    @Test("ZLIB output starts with a zlib header (0x78) and ends with the Adler-32 of the input")
    func zlibFraming() throws {
        let original = Data("Hello, Coveo!".utf8)
        let packed = [UInt8](try Compression.compress(original, as: .zlib))
        #expect(packed[0] == 0x78)
        #expect((Int(packed[0]) << 8 | Int(packed[1])) % 31 == 0)
        // Adler-32 of "Hello, Coveo!", computed by hand from its definition.
        var low: UInt32 = 1
        var high: UInt32 = 0
        for byte in original {
            low = (low + UInt32(byte)) % 65_521
            high = (high + low) % 65_521
        }
        let adler = high << 16 | low
        let trailer = packed.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(trailer == adler)
    }

    @Test("GZIP output starts with 1F 8B 08 and ends with the input length")
    func gzipFraming() throws {
        let original = CompressionTestData.text(count: 70_000)
        let packed = [UInt8](try Compression.compress(original, as: .gzip))
        #expect(Array(packed.prefix(3)) == [0x1f, 0x8b, 0x08])
        let length = packed.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(length == 70_000)
    }

    @Test("DEFLATE output is raw: its first two bytes are not a zlib header")
    func deflateIsRaw() throws {
        for input in [Data("hello".utf8), CompressionTestData.text(count: 100_000), Data()] {
            let packed = [UInt8](try Compression.compress(input, as: .deflate))
            #expect(packed.count >= 2)
            #expect(!StreamingDecompressor.isZlibHeader(packed[0], packed[1]))
        }
    }

    @Test("matches bytes produced by another zlib user")
    func independentVectors() throws {
        // zlib.compress(b"hello") and a raw deflate of b"hello", both from Python's zlib module.
        let zlibHello = Data([0x78, 0x9c, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x06, 0x2c, 0x02, 0x15])
        let rawHello = Data([0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00])
        #expect(try Compression.compress(Data("hello".utf8), as: .zlib) == zlibHello)
        #expect(try Compression.compress(Data("hello".utf8), as: .deflate) == rawHello)
        #expect(try Decompression.decompress(zlibHello, as: .zlib, maxOutputBytes: 5) == Data("hello".utf8))
        // The example in Coveo's Swagger file: gzip of "example".
        let swaggerSample = try #require(Data(base64Encoded: "H4sIAAAAAAAA/0utSMwtyEkFAJ+b7G4HAAAA"))
        #expect(try Decompression.decompress(swaggerSample, as: .gzip, maxOutputBytes: 100) == Data("example".utf8))
    }

    @Test("DEFLATE accepts zlib-wrapped data, like Coveo's own \"Deflate\" samples")
    func deflateAcceptsZlib() throws {
        let original = CompressionTestData.text(count: 200_000)
        let wrapped = try Compression.compress(original, as: .zlib)
        #expect(try Decompression.decompress(wrapped, as: .deflate, maxOutputBytes: 200_000) == original)
    }

    @Test("DEFLATE falls back to raw when a raw stream happens to start like a zlib header")
    func deflateFallsBackToRaw() throws {
        // A stored (uncompressed) non-final block of 29 bytes, then an empty final fixed block. Its first
        // two bytes, 0x08 0x1D, pass the zlib header check (method 8, 0x081D % 31 == 0).
        let payload = Array("twenty-nine bytes of payload!".utf8)
        #expect(payload.count == 29)
        let raw = Data([0x08, 0x1d, 0x00, 0xe2, 0xff] + payload + [0x03, 0x00])
        #expect(StreamingDecompressor.isZlibHeader(0x08, 0x1d))
        #expect(try Decompression.decompress(raw, as: .deflate, maxOutputBytes: 100) == Data(payload))
    }

    @Test("GZIP accepts concatenated members")
    func gzipMembers() throws {
        let first = Data("first member, ".utf8)
        let second = CompressionTestData.text(count: 100_000)
        var joined = try Compression.compress(first, as: .gzip)
        joined.append(try Compression.compress(Data(), as: .gzip))
        joined.append(try Compression.compress(second, as: .gzip))
        #expect(try Decompression.decompress(joined, as: .gzip, maxOutputBytes: 200_000) == first + second)
    }

    @Test("UNCOMPRESSED passes bytes through, within the limit")
    func passThrough() throws {
        let bytes = Data([1, 2, 3])
        #expect(try Compression.compress(bytes, as: .uncompressed) == bytes)
        #expect(try Decompression.decompress(bytes, as: .uncompressed, maxOutputBytes: 3) == bytes)
        #expect(throws: CompressionError.self) {
            try Decompression.decompress(bytes, as: .uncompressed, maxOutputBytes: 2)
        }
    }

    @Test("the compression level changes the output, and every level round-trips", arguments: 0...9)
    func levels(level: Int) throws {
        let original = CompressionTestData.text(count: 300_000)
        let packed = try Compression.compress(original, as: .zlib, level: level)
        #expect(try Decompression.decompress(packed, as: .zlib, maxOutputBytes: original.count) == original)
        if level == 0 {
            #expect(packed.count > original.count)
        } else {
            #expect(packed.count < original.count / 5)
        }
    }

    @Test(
        "compressFile streams a multi-megabyte file to the same bytes as compress(_:as:)",
        arguments: [CompressionType.zlib, .gzip, .deflate, .uncompressed])
    func compressFile(type: CompressionType) throws {
        let original = CompressionTestData.text(count: 3_000_000) + CompressionTestData.random(count: 500_000, seed: 3)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("coveo-push-compress-\(UUID().uuidString).bin")
        try original.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var streamed = Data()
        var calls = 0
        let produced = try Compression.compressFile(at: url, as: type) { bytes in
            streamed.append(contentsOf: Array(bytes))
            calls += 1
        }
        #expect(produced == streamed.count)
        #expect(streamed == (try Compression.compress(original, as: type)))
        #expect(calls > 1)
    }

    @Test("compressFile names the path of a file it cannot read")
    func unreadableFile() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/coveo-push/missing.html")
        let error = try #require(throws: CompressionError.self) {
            try Compression.compressFile(at: missing, as: .zlib) { _ in }
        }
        #expect(error.kind == .unreadableFile)
        #expect(error.description.contains("/nonexistent/coveo-push/missing.html"))

        let directory = FileManager.default.temporaryDirectory
        let directoryError = try #require(throws: CompressionError.self) {
            try Compression.compressFile(at: directory, as: .gzip) { _ in }
        }
        #expect(directoryError.kind == .unreadableFile)

        let remote = try #require(URL(string: "https://example.com/a.html"))
        #expect(throws: CompressionError.self) {
            try Compression.compressFile(at: remote, as: .gzip) { _ in }
        }
    }
}
