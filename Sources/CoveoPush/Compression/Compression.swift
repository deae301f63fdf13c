import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One-call compression of bytes in memory or of a file, over ``StreamingCompressor``.
///
/// ```swift
/// let packed = try Compression.compress(Data(html.utf8), as: .zlib)
///
/// var batch = Data()
/// let size = try Compression.compressFile(at: fileURL, as: .gzip) { batch.append(contentsOf: $0) }
/// ```
package enum Compression {
    /// How much of a file is read at a time by ``compressFile(at:as:level:into:)``.
    static let fileChunkSize = 256 * 1024

    /// Compresses `data` in one call.
    ///
    /// - Parameters:
    ///   - data: the bytes to compress.
    ///   - type: the format to produce; ``CompressionType/uncompressed`` returns `data` unchanged.
    ///   - level: 0 (fastest) to 9 (smallest).
    /// - Returns: the compressed bytes, header and trailer included.
    /// - Throws: ``CompressionError`` for LZMA, a bad level, or a zlib failure.
    package static func compress(_ data: Data, as type: CompressionType, level: Int = 6) throws -> Data {
        let compressor = try StreamingCompressor(type, level: level)
        var result = Data()
        if type != .uncompressed {
            result.reserveCapacity(data.count / 2 + 64)
        }
        let append: (UnsafeRawBufferPointer) -> Void = { bytes in
            result.append(bytes.assumingMemoryBound(to: UInt8.self))
        }
        try data.withUnsafeBytes { try compressor.compress($0, into: append) }
        try compressor.finish(into: append)
        return result
    }

    /// Compresses bytes already in memory and hands the output to `sink` as zlib produces it, so neither the input
    /// nor the output is copied whole: memory stays at the compressor's own buffers whatever the input size.
    ///
    /// - Parameters:
    ///   - bytes: the bytes to compress; only read during the call.
    ///   - type: the format to produce; ``CompressionType/uncompressed`` hands `bytes` to `sink` unchanged.
    ///   - level: 0 (fastest) to 9 (smallest).
    ///   - sink: receives the compressed bytes in order; the buffer is only valid during the call.
    /// - Returns: the number of bytes handed to `sink`.
    /// - Throws: ``CompressionError`` as ``compress(_:as:level:)`` does, or what the sink throws.
    @discardableResult
    package static func compress(
        _ bytes: UnsafeRawBufferPointer,
        as type: CompressionType,
        level: Int = 6,
        into sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        let compressor = try StreamingCompressor(type, level: level)
        try compressor.compress(bytes, into: sink)
        try compressor.finish(into: sink)
        return compressor.totalOut
    }

    /// Compresses the UTF-8 of `text` as ``compress(_:as:level:into:)`` does, read from the string's own storage
    /// (a native Swift string), or a piece of ``fileChunkSize`` bytes at a time when the string is not contiguous
    /// (a bridged `NSString`): the text is never copied whole.
    @discardableResult
    package static func compress(
        utf8 text: String,
        as type: CompressionType,
        level: Int = 6,
        into sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        let compressor = try StreamingCompressor(type, level: level)
        let direct: Void? = try text.utf8.withContiguousStorageIfAvailable { units in
            try compressor.compress(UnsafeRawBufferPointer(units), into: sink)
        }
        if direct == nil {
            var piece: [UInt8] = []
            piece.reserveCapacity(fileChunkSize)
            for unit in text.utf8 {
                piece.append(unit)
                if piece.count == fileChunkSize {
                    try piece.withUnsafeBytes { try compressor.compress($0, into: sink) }
                    piece.removeAll(keepingCapacity: true)
                }
            }
            try piece.withUnsafeBytes { try compressor.compress($0, into: sink) }
        }
        try compressor.finish(into: sink)
        return compressor.totalOut
    }

    /// Compresses the file at `url`, reading it a chunk at a time, and hands the output to `sink`.
    ///
    /// The file is never loaded whole: memory stays constant whatever its size.
    ///
    /// - Parameters:
    ///   - url: a `file:` URL.
    ///   - type: the format to produce; ``CompressionType/uncompressed`` copies the file's bytes.
    ///   - level: 0 (fastest) to 9 (smallest).
    ///   - sink: receives the compressed bytes in order; the buffer is only valid during the call.
    /// - Returns: the number of bytes handed to `sink`.
    /// - Throws: ``CompressionError`` with kind ``CompressionError/Kind/unreadableFile`` (naming the path)
    ///   if the file cannot be opened or read, other ``CompressionError``s as ``compress(_:as:level:)``
    ///   does, or what the sink throws.
    @discardableResult
    package static func compressFile(
        at url: URL,
        as type: CompressionType,
        level: Int = 6,
        into sink: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        let compressor = try StreamingCompressor(type, level: level)
        let path = url.path
        guard url.isFileURL else {
            throw unreadable(path.isEmpty ? url.absoluteString : path, type, "not a file URL")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw unreadable(path, type, String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: fileChunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(path, type, String(cString: strerror(errno)))
            }
            if count == 0 { break }
            try compressor.compress(UnsafeRawBufferPointer(rebasing: buffer[..<count]), into: sink)
        }
        try compressor.finish(into: sink)
        return compressor.totalOut
    }

    private static func unreadable(_ path: String, _ type: CompressionType, _ reason: String) -> CompressionError {
        CompressionError(
            .unreadableFile, compressionType: type, isDecompressing: false, message: "'\(path)': \(reason)")
    }
}
