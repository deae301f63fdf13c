/// One accepted TCP connection, used by a single thread: bounded, interruptible reads and writes.
///
/// The socket is non-blocking; every wait is a `poll` on the socket and the server's stop signal, bounded by
/// the idle timeout, so a silent client, a client that stops reading, or a shutdown never wedges the thread.
final class SocketConnection {
    /// How a read ended.
    enum ReadOutcome: Sendable, Hashable {
        /// Bytes were added to the parser.
        case received
        /// The client closed its side.
        case endOfStream
        /// Nothing arrived within the idle timeout.
        case timedOut
        /// The server is stopping.
        case stopped
        /// The connection failed (reset by the peer, for instance).
        case failed
    }

    private enum WaitOutcome {
        case ready
        case timedOut
        case stopped
    }

    private let descriptor: Int32
    private let stopDescriptor: Int32
    private let timeoutMilliseconds: Int32
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var isClosed = false

    /// Takes ownership of a connected, non-blocking socket.
    init(descriptor: Int32, stopDescriptor: Int32, timeoutMilliseconds: Int32) {
        self.descriptor = descriptor
        self.stopDescriptor = stopDescriptor
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    deinit { close() }

    /// Reads what is available (at most 64 KiB) into the parser, waiting up to the idle timeout.
    func read(into parser: inout HTTPRequestParser) -> ReadOutcome {
        guard !isClosed else { return .failed }
        while true {
            let count = readBuffer.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return SocketAPI.receive(descriptor, into: base, count: buffer.count)
            }
            if count > 0 {
                parser.append(readBuffer[0..<count])
                return .received
            }
            if count == 0 { return .endOfStream }
            guard SocketAPI.isTransient(SocketAPI.lastError) else { return .failed }
            switch wait(for: SocketAPI.readable) {
            case .ready: continue
            case .timedOut: return .timedOut
            case .stopped: return .stopped
            }
        }
    }

    /// Writes every byte, waiting up to the idle timeout each time the client's window is full.
    ///
    /// - Returns: `false` when the client vanished, stopped reading, or the server is stopping.
    func write(_ bytes: [UInt8]) -> Bool {
        guard !isClosed else { return false }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return SocketAPI.send(descriptor, from: base + offset, count: buffer.count - offset)
            }
            if sent > 0 {
                offset += sent
                continue
            }
            guard sent < 0, SocketAPI.isTransient(SocketAPI.lastError) else { return false }
            guard wait(for: SocketAPI.writable) == .ready else { return false }
        }
        return true
    }

    /// Stops sending, then reads and discards what the client still sends (at most `limit` bytes, waiting at
    /// most `waitMilliseconds` for each read) before closing.
    ///
    /// Closing a socket with unread input makes the kernel reset the connection, which can destroy the error
    /// response the client has not read yet; draining first lets it arrive.
    func closeAfterDraining(limit: Int, waitMilliseconds: Int32) {
        guard !isClosed else { return }
        SocketAPI.shutdownWrite(descriptor)
        var discarded = 0
        while discarded < limit {
            let count = readBuffer.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return SocketAPI.receive(descriptor, into: base, count: buffer.count)
            }
            if count > 0 {
                discarded += count
                continue
            }
            guard count < 0, SocketAPI.isTransient(SocketAPI.lastError) else { break }
            guard wait(for: SocketAPI.readable, milliseconds: waitMilliseconds) == .ready else { break }
        }
        close()
    }

    /// Closes the socket; later calls do nothing.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        SocketAPI.close(descriptor)
    }

    private func wait(for events: Int16, milliseconds: Int32? = nil) -> WaitOutcome {
        let requests = [(fd: descriptor, events: events), (fd: stopDescriptor, events: SocketAPI.readable)]
        guard let revents = SocketAPI.poll(requests, timeoutMilliseconds: milliseconds ?? timeoutMilliseconds) else {
            return .timedOut
        }
        if revents[1] != 0 { return .stopped }
        return .ready
    }
}
