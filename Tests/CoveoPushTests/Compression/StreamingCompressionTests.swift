import Foundation
import Testing

@testable import CoveoPush

@Suite("Streaming compressor and decompressor")
struct StreamingCompressionTests {
    /// Feeds `data` to `body` in pieces of `size` bytes.
    private func pieces(of data: Data, size: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try data.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + size, all.count)
                try body(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                offset = end
            }
        }
    }

    @Test(
        "input fed in pieces compresses to the same bytes as in one call",
        arguments: [CompressionType.zlib, .gzip, .deflate], [1, 1_000, 65_536, 300_001])
    func piecesMatchOneShot(type: CompressionType, pieceSize: Int) throws {
        let input = CompressionTestData.text(count: pieceSize == 1 ? 20_000 : 600_000)
        let compressor = try StreamingCompressor(type)
        var output = Data()
        try pieces(of: input, size: pieceSize) { piece in
            try compressor.compress(piece) { output.append(contentsOf: Array($0)) }
        }
        try compressor.finish { output.append(contentsOf: Array($0)) }
        #expect(output == (try Compression.compress(input, as: type)))
        #expect(compressor.totalIn == input.count)
        #expect(compressor.totalOut == output.count)
    }

    @Test("the sink gets output in buffers of at most 64 KiB while input streams in")
    func boundedBuffers() throws {
        let input = CompressionTestData.random(count: 1_000_000, seed: 9)
        let compressor = try StreamingCompressor(.zlib, level: 1)
        var largest = 0
        var beforeFinish = 0
        try pieces(of: input, size: 100_000) { piece in
            try compressor.compress(piece) { bytes in
                largest = max(largest, bytes.count)
                beforeFinish += bytes.count
            }
        }
        try compressor.finish { largest = max(largest, $0.count) }
        #expect(largest <= StreamingCompressor.outputBufferSize)
        #expect(beforeFinish > 900_000)
    }

    @Test(
        "compressed input fed a byte at a time decompresses, DEFLATE header detection included",
        arguments: [CompressionType.zlib, .gzip, .deflate])
    func decompressByteByByte(type: CompressionType) throws {
        let original = CompressionTestData.text(count: 30_000)
        for framing in type == .deflate ? [CompressionType.deflate, .zlib] : [type] {
            let packed = try Compression.compress(original, as: framing)
            let decompressor = try StreamingDecompressor(type, maxOutputBytes: original.count)
            var output = Data()
            try pieces(of: packed, size: 1) { byte in
                try decompressor.decompress(byte) { output.append(contentsOf: Array($0)) }
            }
            try decompressor.finish()
            #expect(output == original)
            #expect(decompressor.totalIn == packed.count)
            #expect(decompressor.totalOut == original.count)
        }
    }

    @Test("a DEFLATE stream of a single byte is reported as truncated")
    func deflateOneByte() throws {
        let decompressor = try StreamingDecompressor(.deflate)
        try Data([0x78]).withUnsafeBytes { try decompressor.decompress($0) { _ in } }
        let error = try #require(throws: CompressionError.self) { try decompressor.finish() }
        #expect(error.kind == .truncatedInput)
        #expect(error.message.contains("after 1 bytes"))
    }

    @Test("UNCOMPRESSED is a pass-through that still counts bytes")
    func passThrough() throws {
        let compressor = try StreamingCompressor(.uncompressed)
        var output = Data()
        try Data("abc".utf8).withUnsafeBytes { try compressor.compress($0) { output.append(contentsOf: Array($0)) } }
        try compressor.finish { _ in Issue.record("pass-through has no trailer") }
        #expect(output == Data("abc".utf8))
        #expect(compressor.totalIn == 3)
        #expect(compressor.totalOut == 3)
    }
}
