import Foundation
import Testing

@testable import CoveoPush

@Suite("Compression errors: truncation, corruption, bombs, misuse")
struct CompressionErrorTests {
    static let zlibTypes: [CompressionType] = [.deflate, .gzip, .zlib]

    private func decompressError(_ data: Data, as type: CompressionType, limit: Int = 10_000_000) throws
        -> CompressionError
    {
        try #require(throws: CompressionError.self) {
            try Decompression.decompress(data, as: type, maxOutputBytes: limit)
        }
    }

    @Test("input cut short anywhere is a truncation error", arguments: zlibTypes)
    func truncated(type: CompressionType) throws {
        let packed = try Compression.compress(CompressionTestData.text(count: 200_000), as: type)
        for length in [0, 1, packed.count / 2, packed.count - 1] {
            let error = try decompressError(packed.prefix(length), as: type)
            #expect(error.kind == .truncatedInput, "cut at \(length) of \(packed.count)")
            #expect(error.isDecompressing)
        }
    }

    @Test("a flipped byte in a checksummed stream is a corruption error", arguments: [CompressionType.zlib, .gzip])
    func corrupt(type: CompressionType) throws {
        let packed = try Compression.compress(CompressionTestData.text(count: 50_000), as: type)
        for position in [packed.count / 2, packed.count - 2] {
            var damaged = packed
            damaged[position] ^= 0x55
            let error = try decompressError(damaged, as: type)
            #expect(error.kind == .corruptInput, "flipped byte \(position)")
            #expect(error.zlibCode != nil)
        }
    }

    @Test("garbage is a corruption error, never a crash", arguments: zlibTypes)
    func garbage(type: CompressionType) throws {
        let error = try decompressError(Data(repeating: 0xff, count: 64), as: type)
        #expect(error.kind == .corruptInput)
        let random = CompressionTestData.random(count: 10_000, seed: 11)
        #expect(throws: CompressionError.self) {
            try Decompression.decompress(random, as: type, maxOutputBytes: 1 << 30)
        }
    }

    @Test(
        "bytes after the end of a zlib or raw stream are a corruption error",
        arguments: [CompressionType.zlib, .deflate])
    func trailingBytes(type: CompressionType) throws {
        var packed = try Compression.compress(Data("hello".utf8), as: type)
        packed.append(0x00)
        #expect(try decompressError(packed, as: type).kind == .corruptInput)
    }

    @Test("a decompression bomb stops at the limit", arguments: zlibTypes)
    func bomb(type: CompressionType) throws {
        let zeros = Data(count: 20_000_000)
        let packed = try Compression.compress(zeros, as: type, level: 9)
        #expect(packed.count < 100_000)
        let error = try decompressError(packed, as: type, limit: 1_000_000)
        #expect(error.kind == .outputLimitExceeded)
        #expect(error.description.contains("1000000"))
    }

    @Test("the limit is inclusive: exactly the limit passes, one byte less fails")
    func limitBoundary() throws {
        let original = CompressionTestData.text(count: 100_000)
        let packed = try Compression.compress(original, as: .gzip)
        #expect(try Decompression.decompress(packed, as: .gzip, maxOutputBytes: 100_000) == original)
        #expect(try decompressError(packed, as: .gzip, limit: 99_999).kind == .outputLimitExceeded)
    }

    @Test("LZMA is refused both ways with an unsupported-type error")
    func lzma() throws {
        let compressError = try #require(throws: CompressionError.self) { try StreamingCompressor(.lzma) }
        #expect(compressError.kind == .unsupportedType)
        #expect(!compressError.isDecompressing)
        #expect(try decompressError(Data([0x5d, 0, 0]), as: .lzma).kind == .unsupportedType)
        #expect(!CompressionType.lzma.isProducibleBySDK)
        #expect(CompressionType.allCases.filter(\.isProducibleBySDK).count == 4)
    }

    @Test("levels outside 0...9 are refused", arguments: [-1, 10, 100])
    func invalidLevel(level: Int) throws {
        let error = try #require(throws: CompressionError.self) { try StreamingCompressor(.zlib, level: level) }
        #expect(error.kind == .invalidLevel)
        #expect(error.description == "ZLIB compression: invalid compression level: level \(level) is outside 0...9")
    }

    @Test("a finished compressor or decompressor refuses more work")
    func useAfterFinish() throws {
        let compressor = try StreamingCompressor(.gzip)
        try compressor.finish { _ in }
        let error = try #require(throws: CompressionError.self) {
            try Data("x".utf8).withUnsafeBytes { try compressor.compress($0) { _ in } }
        }
        #expect(error.kind == .streamEnded)
        #expect(throws: CompressionError.self) { try compressor.finish { _ in } }

        let decompressor = try StreamingDecompressor(.zlib)
        #expect(throws: CompressionError.self) { try decompressor.finish() }
        #expect(throws: CompressionError.self) { try decompressor.finish() }
    }

    struct SinkFailure: Error {}

    @Test("an error thrown by the sink reaches the caller and spends the compressor")
    func sinkThrows() throws {
        let compressor = try StreamingCompressor(.zlib, level: 0)
        let input = CompressionTestData.random(count: 200_000, seed: 5)
        #expect(throws: SinkFailure.self) {
            try input.withUnsafeBytes { try compressor.compress($0) { _ in throw SinkFailure() } }
        }
        let error = try #require(throws: CompressionError.self) { try compressor.finish { _ in } }
        #expect(error.kind == .streamEnded)
    }

    @Test("a zlib error's description is one line naming the type and direction")
    func description() throws {
        let error = try decompressError(Data([0x78, 0x9c, 0xff, 0xff]), as: .zlib)
        #expect(error.description.hasPrefix("ZLIB decompression: corrupt input: "))
        #expect(error.description.hasSuffix("(zlib -3)"))
        #expect(!error.description.contains("\n"))
    }
}
