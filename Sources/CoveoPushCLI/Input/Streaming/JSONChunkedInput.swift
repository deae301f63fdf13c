import CoveoPush

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a file (or of memory) in fixed-size chunks, for the streaming readers: one chunk is held at a
/// time, whatever the size of the input.
///
/// Owns its file descriptor when it opened it, and closes it exactly once, when it goes away.
struct JSONChunkedInput: ~Copyable, Sendable {
    private enum Source: Sendable {
        case descriptor(Int32, closes: Bool)
        case memory([UInt8], position: Int)
        case closed
    }

    /// The largest chunk size honoured: 64 MiB.
    static let maxChunkSize = 64 << 20

    private var source: Source
    /// How the input is named in errors.
    let name: String
    /// The current chunk; the unread bytes are `chunk[start..<end]`.
    private(set) var chunk: [UInt8]
    var start = 0
    private(set) var end = 0
    /// The offset in the input of `chunk[0]`.
    private(set) var chunkOffset = 0

    /// Opens a file for reading.
    init(path: String, chunkSize: Int) throws(JSONFileError) {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw JSONFileError(path: path, operation: .open, code: errno) }
        self.init(source: .descriptor(descriptor, closes: true), name: path, chunkSize: chunkSize)
    }

    /// Reads from an open descriptor, closing it at the end only when asked to.
    init(descriptor: Int32, closeWhenDone: Bool, chunkSize: Int) {
        self.init(
            source: .descriptor(descriptor, closes: closeWhenDone), name: "file descriptor \(descriptor)",
            chunkSize: chunkSize)
    }

    /// Reads from bytes in memory, chunk by chunk like a file.
    init(bytes: [UInt8], chunkSize: Int) {
        self.init(source: .memory(bytes, position: 0), name: "memory", chunkSize: chunkSize)
    }

    private init(source: Source, name: String, chunkSize: Int) {
        self.source = source
        self.name = name
        chunk = [UInt8](repeating: 0, count: min(max(1, chunkSize), Self.maxChunkSize))
    }

    deinit {
        if case .descriptor(let descriptor, true) = source {
            _ = close(descriptor)
        }
    }

    /// The offset in the input of the next unread byte.
    var offset: Int { chunkOffset + start }

    /// Whether unread bytes are in the chunk.
    var hasBytes: Bool { start < end }

    /// Replaces the chunk with the next one (unread bytes of the chunk are dropped, so call it when they are all
    /// consumed). Returns `false` at the end of the input.
    mutating func refill() throws(JSONFileError) -> Bool {
        chunkOffset += end
        start = 0
        end = 0
        switch source {
        case .closed:
            return false
        case .memory(let bytes, let position):
            let count = min(chunk.count, bytes.count - position)
            guard count > 0 else {
                source = .closed
                return false
            }
            chunk.withUnsafeMutableBufferPointer { destination in
                bytes.withUnsafeBufferPointer { source in
                    guard let target = destination.baseAddress, let origin = source.baseAddress else { return }
                    target.update(from: origin + position, count: count)
                }
            }
            source = .memory(bytes, position: position + count)
            end = count
            return true
        case .descriptor(let descriptor, let closes):
            var result: Int
            repeat {
                result = chunk.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress, buffer.count) }
            } while result < 0 && errno == EINTR
            guard result >= 0 else { throw JSONFileError(path: name, operation: .read, code: errno) }
            guard result > 0 else {
                if closes { _ = close(descriptor) }
                source = .closed
                return false
            }
            end = result
            return true
        }
    }
}
