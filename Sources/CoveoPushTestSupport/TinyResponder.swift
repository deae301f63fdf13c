import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A throwaway HTTP/1.1 responder on 127.0.0.1 for the URLSessionTransport tests: one thread per
/// connection, one request per connection, canned replies, and a record of what arrived.
package final class TinyResponder: @unchecked Sendable {
    /// What to do with a request once it has been read.
    package enum Reply: Sendable {
        /// Answer with this status, headers and body, then close.
        case respond(status: Int, headers: [String: String] = [:], body: Data = Data())
        /// Never answer; keep the connection open until the responder stops.
        case hang
        /// Close the connection without answering.
        case drop
    }

    /// A request as it arrived.
    package struct Received: Sendable {
        package var method: String
        package var target: String
        /// Header names lowercased.
        package var headers: [String: String]
        package var body: Data
    }

    package let port: UInt16
    /// Yields each request as soon as it has been read, before the reply.
    package let arrivals: AsyncStream<Received>
    /// Yields, for each `.hang` reply, `true` when the client closed the connection, `false` when the
    /// responder stopped first.
    package let hangEnds: AsyncStream<Bool>

    private let listener: Int32
    private let reply: @Sendable (Received) -> Reply
    private let arrivalsContinuation: AsyncStream<Received>.Continuation
    private let hangEndsContinuation: AsyncStream<Bool>.Continuation
    private let lock = NSLock()
    private var stopped = false
    private var records: [Received] = []

    package init(reply: @escaping @Sendable (Received) -> Reply) throws {
        self.reply = reply
        (arrivals, arrivalsContinuation) = AsyncStream.makeStream()
        (hangEnds, hangEndsContinuation) = AsyncStream.makeStream()
        (listener, port) = try PlainSocket.listen(backlog: 64)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// Runs `body` under the lock (`NSLock.withLock` needs macOS 14).
    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    package var received: [Received] { locked { records } }

    package var isStopped: Bool { locked { stopped } }

    package func stop() {
        let first = locked { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if first {
            arrivalsContinuation.finish()
            hangEndsContinuation.finish()
        }
    }

    package var baseURL: URL {
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    // MARK: Sockets

    private func acceptLoop() {
        PlainSocket.acceptConnections(on: listener, until: { [self] in isStopped }) { [self] in serve($0) }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = readRequest(connection) else { return }
        locked { records.append(request) }
        arrivalsContinuation.yield(request)
        switch reply(request) {
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) Canned\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            write(connection, Data((head + "\r\n").utf8) + body)
        case .hang:
            var scratch = [UInt8](repeating: 0, count: 4_096)
            while !isStopped {
                if PlainSocket.isReadable(connection, waitingAtMost: 50),
                    recv(connection, &scratch, scratch.count, 0) <= 0
                {
                    hangEndsContinuation.yield(true)
                    return
                }
            }
            hangEndsContinuation.yield(false)
        case .drop:
            return
        }
    }

    private func write(_ connection: Int32, _ data: Data) {
        _ = data.withUnsafeBytes { PlainSocket.writeAll(connection, $0) }
    }

    /// Reads one request: head, then a Content-Length or chunked body; answers `Expect: 100-continue`.
    private func readRequest(_ connection: Int32) -> Received? {
        var reader = HTTPRequestReader(descriptor: connection) { [self] in isStopped }
        guard let head = reader.readHead() else { return nil }
        if head.expectsContinue { write(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        guard let body = reader.readBody(of: head, keeping: true) else { return nil }
        return Received(method: head.method, target: head.target, headers: head.headers, body: Data(body.bytes))
    }
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed at once).
package func closedLoopbackPort() throws -> UInt16 {
    let (descriptor, port) = try PlainSocket.listen()
    close(descriptor)
    return port
}
