internal import CCoveoZlib

/// Decompresses a stream of bytes piece by piece, with a cap on the output size.
///
/// Feed compressed input with ``decompress(_:into:)`` as it arrives, then call ``finish()`` to check that
/// the stream was complete. What each type accepts:
///
/// - ``CompressionType/zlib``: one zlib stream (RFC 1950).
/// - ``CompressionType/gzip``: one or more concatenated gzip members (RFC 1952).
/// - ``CompressionType/deflate``: raw deflate (RFC 1951), or a zlib stream, told apart by its first two
///   bytes (a zlib header has compression method 8 in the low nibble of the first byte, and the two bytes
///   read big-endian are a multiple of 31).
/// - ``CompressionType/uncompressed``: passed through.
/// - ``CompressionType/lzma``: not supported.
///
/// Bytes after the end of the stream, corrupt data, a stream cut short and output over the limit all throw
/// a ``CompressionError``; none of them can crash or hang. A decompressor has a single owner and is not
/// `Sendable`; once it has thrown, it is spent.
///
/// ```swift
/// let decompressor = try StreamingDecompressor(.gzip, maxOutputBytes: 50_000_000)
/// try body.withUnsafeBytes { bytes in
///     try decompressor.decompress(bytes) { output.append(contentsOf: $0) }
/// }
/// try decompressor.finish()
/// ```
package final class StreamingDecompressor {
    /// How the compressed bytes are framed, which decides zlib's `windowBits`.
    enum Framing: Sendable {
        /// Raw deflate, zlib or gzip, as given.
        case fixed(Int32)
        /// Zlib if the first two bytes are a zlib header, raw deflate otherwise.
        case zlibOrRaw
        /// No compression.
        case passThrough
    }

    /// The compression type read.
    package let type: CompressionType
    /// The most bytes this decompressor will produce before throwing.
    package let maxOutputBytes: Int
    /// Compressed bytes consumed so far.
    package private(set) var totalIn = 0
    /// Decompressed bytes handed to sinks so far.
    package private(set) var totalOut = 0

    private let framing: Framing
    /// The zlib stream, at a stable heap address; allocated once the framing is known, `nil` once ended.
    private var stream: UnsafeMutablePointer<z_stream>?
    private var output = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    /// The first bytes of a ``CompressionType/deflate`` stream, held until there are two to look at.
    private var headerBytes: [UInt8] = []
    /// Whether zlib reached the end of a stream (or gzip member) and nothing followed yet.
    private var reachedStreamEnd = false
    private var isEnded = false

    /// Creates a decompressor.
    ///
    /// - Parameters:
    ///   - type: the format to read; ``CompressionType/lzma`` is not supported.
    ///   - maxOutputBytes: the most decompressed bytes to accept; more throws
    ///     ``CompressionError/Kind/outputLimitExceeded``.
    /// - Throws: ``CompressionError`` with kind ``CompressionError/Kind/unsupportedType`` for LZMA.
    package convenience init(_ type: CompressionType, maxOutputBytes: Int = .max) throws(CompressionError) {
        let framing: Framing
        switch type {
        case .uncompressed: framing = .passThrough
        case .deflate: framing = .zlibOrRaw
        case .zlib, .gzip: framing = .fixed(type.windowBits ?? 15)
        case .lzma:
            throw CompressionError(
                .unsupportedType, compressionType: type, isDecompressing: true,
                message: "the SDK cannot read LZMA")
        }
        try self.init(type, framing: framing, maxOutputBytes: maxOutputBytes)
    }

    /// Creates a decompressor with an explicit framing.
    init(_ type: CompressionType, framing: Framing, maxOutputBytes: Int) throws(CompressionError) {
        self.type = type
        self.framing = framing
        self.maxOutputBytes = max(0, maxOutputBytes)
        if case .fixed(let windowBits) = framing {
            try startStream(windowBits: windowBits)
        }
    }

    deinit {
        endStream()
        output.deallocate()
    }

    /// Decompresses `input`, handing the decompressed bytes to `sink` as they come.
    ///
    /// - Parameters:
    ///   - input: the next compressed bytes; only read during the call.
    ///   - sink: receives decompressed bytes; the buffer is only valid during the call.
    /// - Throws: ``CompressionError`` for corrupt input, bytes after the end of the stream, output over
    ///   ``maxOutputBytes``, or a decompressor already finished or failed; or what the sink throws.
    package func decompress(_ input: UnsafeRawBufferPointer, into sink: (UnsafeRawBufferPointer) throws -> Void) throws
    {
        try checkUsable()
        do {
            try feed(input, sink: sink)
        } catch {
            endStream()
            throw error
        }
    }

    /// Checks that the compressed stream was complete, and releases zlib's state.
    ///
    /// - Throws: ``CompressionError`` with kind ``CompressionError/Kind/truncatedInput`` if the input ended
    ///   before the end of the stream (including no input at all), or
    ///   ``CompressionError/Kind/streamEnded`` if called twice or after a failure.
    package func finish() throws(CompressionError) {
        try checkUsable()
        defer { endStream() }
        if case .passThrough = framing { return }
        guard reachedStreamEnd else {
            let received = totalIn + headerBytes.count
            throw error(.truncatedInput, "the input ends after \(received) bytes, before the end of the stream")
        }
    }

    private func feed(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch framing {
        case .passThrough:
            try account(input.count)
            totalIn += input.count
            if !input.isEmpty {
                try sink(input)
            }
            return
        case .zlibOrRaw where stream == nil:
            let needed = min(2 - headerBytes.count, input.count)
            headerBytes.append(contentsOf: input.prefix(needed))
            guard headerBytes.count == 2 else { return }
            try startStream(windowBits: Self.isZlibHeader(headerBytes[0], headerBytes[1]) ? 15 : -15)
            let held = headerBytes
            headerBytes = []
            try held.withUnsafeBytes { try inflateAll($0, sink: sink) }
            try inflateAll(UnsafeRawBufferPointer(rebasing: input[needed...]), sink: sink)
        case .zlibOrRaw, .fixed:
            try inflateAll(input, sink: sink)
        }
    }

    /// Whether two bytes form a valid zlib header: deflate method, and a multiple of 31 read big-endian.
    static func isZlibHeader(_ first: UInt8, _ second: UInt8) -> Bool {
        first & 0x0f == 8 && first >> 4 <= 7 && (UInt16(first) << 8 | UInt16(second)) % 31 == 0
    }

    /// Inflates all of `input`, starting a new gzip member whenever one ends and more input follows.
    private func inflateAll(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let stream, let base = input.baseAddress else { return }
        var offset = 0
        while offset < input.count {
            if reachedStreamEnd {
                guard type == .gzip else {
                    throw error(.corruptInput, "\(input.count - offset) bytes follow the end of the stream")
                }
                inflateReset(stream)
                reachedStreamEnd = false
            }
            let count = min(input.count - offset, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: (base + offset).assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = UInt32(count)
            try inflateUntilInputUsed(stream, sink: sink)
            let consumed = count - Int(stream.pointee.avail_in)
            offset += consumed
            totalIn += consumed
        }
    }

    /// Calls `inflate` until the input is used up or the stream ends, emptying the output buffer each time.
    private func inflateUntilInputUsed(
        _ stream: UnsafeMutablePointer<z_stream>,
        sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let capacity = output.count
        let outputBase = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        repeat {
            stream.pointee.next_out = outputBase
            stream.pointee.avail_out = UInt32(capacity)
            let code = inflate(stream, Z_NO_FLUSH)
            let produced = capacity - Int(stream.pointee.avail_out)
            if produced > 0 {
                try account(produced)
                try sink(UnsafeRawBufferPointer(start: output.baseAddress, count: produced))
            }
            switch code {
            case Z_OK:
                continue
            case Z_STREAM_END:
                reachedStreamEnd = true
                return
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                return
            case Z_DATA_ERROR, Z_NEED_DICT:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "invalid compressed data"
                throw error(.corruptInput, code == Z_NEED_DICT ? "a preset dictionary is required" : reason, code)
            default:
                throw error(.zlibFailure, "inflate failed", code)
            }
        } while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0
    }

    /// Counts `produced` output bytes, throwing if they take the total over the limit.
    private func account(_ produced: Int) throws(CompressionError) {
        guard produced <= maxOutputBytes - totalOut else {
            throw error(.outputLimitExceeded, "more than \(maxOutputBytes) bytes")
        }
        totalOut += produced
    }

    private func startStream(windowBits: Int32) throws(CompressionError) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = ccoveo_inflateInit2(stream, windowBits)
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw error(.zlibFailure, "inflateInit2 failed", code)
        }
        self.stream = stream
        output = UnsafeMutableRawBufferPointer.allocate(
            byteCount: StreamingCompressor.outputBufferSize, alignment: 16)
    }

    private func checkUsable() throws(CompressionError) {
        guard !isEnded else {
            throw error(.streamEnded, "the decompressor was finished or failed; create a new one")
        }
    }

    private func error(_ kind: CompressionError.Kind, _ message: String, _ code: Int32? = nil) -> CompressionError {
        CompressionError(
            kind, compressionType: type, isDecompressing: true, zlibCode: code.map(Int.init),
            message: message)
    }

    /// Releases zlib's state, exactly once.
    private func endStream() {
        isEnded = true
        guard let stream else { return }
        self.stream = nil
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}

@available(*, unavailable, message: "a StreamingDecompressor has a single owner; create one per task")
extension StreamingDecompressor: Sendable {}
