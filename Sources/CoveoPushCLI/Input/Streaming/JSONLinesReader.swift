import CoveoPush
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a JSON Lines file line by line, holding one chunk and one line in memory at a time.
///
/// Lines end with `\n` or `\r\n`; the last line may have no line end. Blank lines (only spaces, tabs or `\r`)
/// are skipped, but still counted, so line numbers match what an editor shows. A UTF-8 byte order mark at the
/// start of the file is dropped. A line longer than ``maxLineBytes`` is reported as
/// ``Line/Content/oversized(byteCount:)`` and skipped without being buffered: the reader only counts its bytes
/// up to the next line end.
///
/// The reader hands out raw bytes; parse each line with ``JSONParser``, so one bad line does not stop the file.
///
/// ```swift
/// var reader = try JSONLinesReader(path: "documents.jsonl")
/// while let line = try reader.next() {
///     switch line.content {
///     case .bytes(let bytes):
///         let document = try Document(json: JSONParser().parse(bytes))
///     case .oversized(let byteCount):
///         print("line \(line.number): \(byteCount) bytes, skipped")
///     }
/// }
/// ```
package struct JSONLinesReader: ~Copyable, Sendable {
    /// One non-blank line.
    package struct Line: Sendable, Hashable {
        /// What the line holds.
        package enum Content: Sendable, Hashable {
            /// The line's bytes, without its line end.
            case bytes([UInt8])
            /// A line over the size limit, skipped; its length without the line end.
            case oversized(byteCount: Int)
        }

        /// The 1-based line number in the file.
        package var number: Int
        /// The line's bytes, or the size of a skipped line.
        package var content: Content

        /// Creates a line.
        package init(number: Int, content: Content) {
            self.number = number
            self.content = content
        }

        /// The line's bytes, or `nil` for an oversized line.
        package var bytes: [UInt8]? {
            if case .bytes(let bytes) = content { return bytes }
            return nil
        }
    }

    /// The default size limit of a line: 64 MB (64 × 10⁶ bytes).
    package static let defaultMaxLineBytes = 64_000_000
    /// The default size of the chunks read from the file: 256 KiB.
    package static let defaultChunkSize = 256 * 1024

    /// Lines longer than this many bytes (without their line end) are reported as oversized and skipped.
    package let maxLineBytes: Int

    private var input: JSONChunkedInput
    private var lineNumber = 0
    /// The bytes of the line being assembled across chunks (at most `maxLineBytes + 1`).
    private var pending: [UInt8] = []
    /// The length so far of the line being assembled, counting skipped bytes.
    private var pendingCount = 0
    /// The last byte of the line being assembled, to recognise `\r\n` when the line is not kept.
    private var pendingLastByte: UInt8 = 0
    /// The most bytes ever held for one line being assembled across chunks (for tests of the size limit).
    private(set) var largestPendingCount = 0

    /// Opens a file.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - maxLineBytes: The size limit of one line; 64 MB by default.
    ///   - chunkSize: How many bytes to read at a time; 256 KiB by default, at most 64 MiB.
    /// - Throws: ``JSONFileError`` when the file cannot be opened.
    package init(path: String, maxLineBytes: Int = defaultMaxLineBytes, chunkSize: Int = defaultChunkSize)
        throws(JSONFileError)
    {
        self.init(input: try JSONChunkedInput(path: path, chunkSize: chunkSize), maxLineBytes: maxLineBytes)
    }

    /// Opens a file URL.
    ///
    /// - Throws: ``JSONFileError`` when the file cannot be opened.
    package init(url: URL, maxLineBytes: Int = defaultMaxLineBytes, chunkSize: Int = defaultChunkSize)
        throws(JSONFileError)
    {
        try self.init(path: url.path, maxLineBytes: maxLineBytes, chunkSize: chunkSize)
    }

    /// Reads from an open file descriptor, such as standard input (`0`).
    ///
    /// - Parameters:
    ///   - fileDescriptor: The descriptor to read.
    ///   - closeWhenDone: Whether to close it at the end of the input or when the reader goes away.
    package init(
        fileDescriptor: Int32, closeWhenDone: Bool = false, maxLineBytes: Int = defaultMaxLineBytes,
        chunkSize: Int = defaultChunkSize
    ) {
        self.init(
            input: JSONChunkedInput(descriptor: fileDescriptor, closeWhenDone: closeWhenDone, chunkSize: chunkSize),
            maxLineBytes: maxLineBytes)
    }

    /// Reads lines from bytes in memory.
    package init(bytes: [UInt8], maxLineBytes: Int = defaultMaxLineBytes, chunkSize: Int = defaultChunkSize) {
        self.init(input: JSONChunkedInput(bytes: bytes, chunkSize: chunkSize), maxLineBytes: maxLineBytes)
    }

    private init(input: consuming JSONChunkedInput, maxLineBytes: Int) {
        self.input = input
        self.maxLineBytes = max(0, maxLineBytes)
    }

    /// How many bytes of the input have been consumed.
    package var bytesRead: Int { input.offset }

    /// The next non-blank line, or `nil` at the end of the input.
    ///
    /// - Throws: ``JSONFileError`` when reading fails.
    package mutating func next() throws(JSONFileError) -> Line? {
        while true {
            if !input.hasBytes {
                guard try input.refill() else {
                    // A last line without a line end.
                    guard pendingCount > 0 else { return nil }
                    if let line = finishLine(tail: nil) { return line }
                    continue
                }
            }
            let start = input.start
            let end = input.end
            let newline = input.chunk.withUnsafeBytes { bytes -> Int? in
                guard let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, end - start) else {
                    return nil
                }
                return UnsafeRawPointer(found) - base
            }
            if let newline {
                input.start = newline + 1
                if let line = finishLine(tail: start..<newline) { return line }
            } else {
                input.start = end
                accumulate(start..<end)
            }
        }
    }

    /// Adds part of a line to the line being assembled, dropping its bytes once it is over the limit.
    private mutating func accumulate(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        pendingCount += range.count
        pendingLastByte = input.chunk[range.upperBound - 1]
        if pendingCount <= maxLineBytes + 1 {
            pending.append(contentsOf: input.chunk[range])
            largestPendingCount = max(largestPendingCount, pending.count)
        } else if !pending.isEmpty {
            pending = []
        }
    }

    /// Completes the line made of what was assembled plus `tail` (the bytes before its `\n`); `nil` when blank.
    private mutating func finishLine(tail: Range<Int>?) -> Line? {
        lineNumber += 1
        var bytes: [UInt8]
        var total: Int
        if pendingCount == 0, let tail {
            // The whole line is in this chunk: one copy.
            total = tail.count
            let hasCarriageReturn = total > 0 && input.chunk[tail.upperBound - 1] == 0x0D
            if hasCarriageReturn { total -= 1 }
            if total > maxLineBytes { return Line(number: lineNumber, content: .oversized(byteCount: total)) }
            bytes = Array(input.chunk[tail.lowerBound..<(tail.lowerBound + total)])
        } else {
            if let tail { accumulate(tail) }
            total = pendingCount
            let hasCarriageReturn = total > 0 && pendingLastByte == 0x0D
            if hasCarriageReturn { total -= 1 }
            defer {
                pendingCount = 0
                pendingLastByte = 0
            }
            if total > maxLineBytes {
                pending.removeAll(keepingCapacity: pending.count <= Self.defaultChunkSize)
                return Line(number: lineNumber, content: .oversized(byteCount: total))
            }
            pending.removeLast(pending.count - total)
            if pending.count <= Self.defaultChunkSize {
                bytes = pending
                pending.removeAll(keepingCapacity: true)
            } else {
                // A long line is handed out as assembled, not copied: the reader lets go of it.
                bytes = pending
                pending = []
            }
        }
        if lineNumber == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        if bytes.allSatisfy(JSONTokenizer.isWhitespace) { return nil }
        return Line(number: lineNumber, content: .bytes(bytes))
    }
}
