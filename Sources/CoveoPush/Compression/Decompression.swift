import Foundation

/// One-call decompression of bytes in memory, with a cap on the output size.
///
/// Used by the emulator to read what the SDK uploads, and by anyone checking content before it is sent.
/// ``CompressionType/deflate`` accepts both raw deflate and zlib-wrapped data (Coveo's own "Deflate"
/// samples are zlib-wrapped); ``CompressionType/gzip`` accepts concatenated members.
///
/// ```swift
/// let html = try Decompression.decompress(packed, as: .zlib, maxOutputBytes: 5_000_000)
/// ```
package enum Decompression {
    /// Decompresses `data`.
    ///
    /// - Parameters:
    ///   - data: the compressed bytes, exactly one complete stream (or gzip members), nothing after it.
    ///   - type: how `data` is compressed; ``CompressionType/uncompressed`` returns it unchanged (within
    ///     the limit).
    ///   - maxOutputBytes: the most decompressed bytes to accept.
    /// - Returns: the decompressed bytes.
    /// - Throws: ``CompressionError``: ``CompressionError/Kind/unsupportedType`` for LZMA,
    ///   ``CompressionError/Kind/corruptInput``, ``CompressionError/Kind/truncatedInput``, or
    ///   ``CompressionError/Kind/outputLimitExceeded``.
    package static func decompress(_ data: Data, as type: CompressionType, maxOutputBytes: Int) throws -> Data {
        do {
            return try run(StreamingDecompressor(type, maxOutputBytes: maxOutputBytes), on: data)
        } catch let error as CompressionError where type == .deflate && error.kind == .corruptInput {
            // A raw stream can start with two bytes that happen to form a zlib header; try it as raw.
            let bytes = data.prefix(2)
            guard bytes.count == 2,
                StreamingDecompressor.isZlibHeader(bytes[bytes.startIndex], bytes[bytes.startIndex + 1])
            else { throw error }
            let raw = try StreamingDecompressor(.deflate, framing: .fixed(-15), maxOutputBytes: maxOutputBytes)
            guard let output = try? run(raw, on: data) else { throw error }
            return output
        }
    }

    private static func run(_ decompressor: StreamingDecompressor, on data: Data) throws -> Data {
        var output = Data()
        try data.withUnsafeBytes { bytes in
            try decompressor.decompress(bytes) { output.append($0.assumingMemoryBound(to: UInt8.self)) }
        }
        try decompressor.finish()
        return output
    }
}
