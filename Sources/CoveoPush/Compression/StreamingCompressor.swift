internal import CCoveoZlib

/// Compresses a stream of bytes piece by piece, as zlib (RFC 1950), gzip (RFC 1952) or raw deflate (RFC 1951).
///
/// Feed input with ``compress(_:into:)`` as it arrives, then call ``finish(into:)`` once. Compressed bytes
/// are handed to the sink as soon as zlib produces them, from one reusable 64 KiB buffer: the buffer is
/// only valid during the sink call, so copy or write it out there. Memory stays constant whatever the
/// input size. ``CompressionType/uncompressed`` passes the input through unchanged.
///
/// A compressor has a single owner and is deliberately not `Sendable`: create one per stream, in the task
/// that does the work. If the sink or zlib throws, the compressor is spent and later calls throw
/// ``CompressionError/Kind/streamEnded``.
///
/// ```swift
/// let compressor = try StreamingCompressor(.gzip)
/// var output = Data()
/// for chunk in chunks {
///     try chunk.withUnsafeBytes { bytes in
///         try compressor.compress(bytes) { output.append(contentsOf: $0) }
///     }
/// }
/// try compressor.finish { output.append(contentsOf: $0) }
/// ```
package final class StreamingCompressor {
    /// The size of the reusable output buffer, in bytes.
    static let outputBufferSize = 64 * 1024

    /// The compression type produced.
    package let type: CompressionType
    /// The compression level, 0 (store only) to 9 (smallest output).
    package let level: Int
    /// Bytes consumed so far.
    package private(set) var totalIn = 0
    /// Bytes handed to sinks so far.
    package private(set) var totalOut = 0

    /// The zlib stream, at a stable heap address; `nil` for pass-through, and once ended.
    private var stream: UnsafeMutablePointer<z_stream>?
    private let output: UnsafeMutableRawBufferPointer
    private var isEnded = false

    /// Creates a compressor.
    ///
    /// - Parameters:
    ///   - type: the format to produce; ``CompressionType/lzma`` is not supported.
    ///   - level: 0 (fastest, no compression) to 9 (smallest); 6 is zlib's usual balance.
    /// - Throws: ``CompressionError`` with kind ``CompressionError/Kind/unsupportedType`` for LZMA,
    ///   ``CompressionError/Kind/invalidLevel`` for a level outside 0...9, or
    ///   ``CompressionError/Kind/zlibFailure`` if zlib cannot allocate its state.
    package init(_ type: CompressionType, level: Int = 6) throws(CompressionError) {
        self.type = type
        self.level = level
        guard type.isProducibleBySDK else {
            throw CompressionError(
                .unsupportedType, compressionType: type, isDecompressing: false,
                message: "the SDK cannot produce \(type.rawValue); supply the content already compressed")
        }
        guard (0...9).contains(level) else {
            throw CompressionError(
                .invalidLevel, compressionType: type, isDecompressing: false,
                message: "level \(level) is outside 0...9")
        }
        guard let windowBits = type.windowBits else {
            output = UnsafeMutableRawBufferPointer(start: nil, count: 0)
            return
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = ccoveo_deflateInit2(stream, Int32(level), windowBits)
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw CompressionError(
                .zlibFailure, compressionType: type, isDecompressing: false, zlibCode: Int(code),
                message: "deflateInit2 failed")
        }
        self.stream = stream
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.outputBufferSize, alignment: 16)
    }

    deinit {
        endStream()
        output.deallocate()
    }

    /// Compresses `input`, handing any compressed bytes ready so far to `sink`.
    ///
    /// zlib keeps some input back to find longer matches, so the sink may get nothing until a later call
    /// or ``finish(into:)``.
    ///
    /// - Parameters:
    ///   - input: the next bytes of the stream; only read during the call.
    ///   - sink: receives compressed bytes; the buffer is only valid during the call.
    /// - Throws: ``CompressionError`` if the compressor was finished or failed, or zlib fails; or what the
    ///   sink throws.
    package func compress(_ input: UnsafeRawBufferPointer, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try checkUsable()
        guard let stream else {
            totalIn += input.count
            totalOut += input.count
            if !input.isEmpty {
                try sink(input)
            }
            return
        }
        guard let base = input.baseAddress, !input.isEmpty else { return }
        var offset = 0
        do {
            while offset < input.count {
                let count = min(input.count - offset, Int(UInt32.max))
                stream.pointee.next_in = UnsafeMutablePointer(
                    mutating: (base + offset).assumingMemoryBound(to: Bytef.self))
                stream.pointee.avail_in = UInt32(count)
                try deflateUntilOutputRoom(stream, flush: Z_NO_FLUSH, sink: sink)
                offset += count
                totalIn += count
            }
        } catch {
            endStream()
            throw error
        }
    }

    /// Compresses whatever zlib still holds, writes the stream's trailer, and ends the stream.
    ///
    /// - Parameter sink: receives the last compressed bytes; the buffer is only valid during the call.
    /// - Throws: ``CompressionError`` if the compressor was already finished or failed, or zlib fails; or
    ///   what the sink throws.
    package func finish(into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try checkUsable()
        defer { endStream() }
        guard let stream else { return }
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        let code = try deflateUntilOutputRoom(stream, flush: Z_FINISH, sink: sink)
        guard code == Z_STREAM_END else {
            throw CompressionError(
                .zlibFailure, compressionType: type, isDecompressing: false, zlibCode: Int(code),
                message: "deflate did not reach the end of the stream")
        }
    }

    /// Calls `deflate` with a fresh output buffer until it leaves room in it, which means it has consumed
    /// all input (or, with `Z_FINISH`, written the whole trailer). Returns the last code.
    @discardableResult
    private func deflateUntilOutputRoom(
        _ stream: UnsafeMutablePointer<z_stream>,
        flush: Int32,
        sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int32 {
        let capacity = output.count
        let outputBase = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        var code: Int32
        repeat {
            stream.pointee.next_out = outputBase
            stream.pointee.avail_out = UInt32(capacity)
            code = deflate(stream, flush)
            guard code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR else {
                throw CompressionError(
                    .zlibFailure, compressionType: type, isDecompressing: false, zlibCode: Int(code),
                    message: "deflate failed")
            }
            let produced = capacity - Int(stream.pointee.avail_out)
            if produced > 0 {
                totalOut += produced
                try sink(UnsafeRawBufferPointer(start: output.baseAddress, count: produced))
            }
        } while stream.pointee.avail_out == 0
        return code
    }

    private func checkUsable() throws(CompressionError) {
        guard !isEnded else {
            throw CompressionError(
                .streamEnded, compressionType: type, isDecompressing: false,
                message: "the compressor was finished or failed; create a new one")
        }
    }

    /// Releases zlib's state, exactly once.
    private func endStream() {
        isEnded = true
        guard let stream else { return }
        self.stream = nil
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}

@available(*, unavailable, message: "a StreamingCompressor has a single owner; create one per task")
extension StreamingCompressor: Sendable {}
