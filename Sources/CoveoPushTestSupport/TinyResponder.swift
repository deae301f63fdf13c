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

    /// Waits up to 50 ms for `descriptor` to become readable.
    private static func readable(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 50) > 0
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            guard let connection = PlainSocket.accept(listener, waitingAtMost: 50) else { continue }
            Thread.detachNewThread { [self] in serve(connection) }
        }
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
                if Self.readable(connection), recv(connection, &scratch, scratch.count, 0) <= 0 {
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
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        func fill() -> Bool {
            while !isStopped {
                guard Self.readable(connection) else { continue }
                let count = recv(connection, &chunk, chunk.count, 0)
                guard count > 0 else { return false }
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            return false
        }
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard fill() else { return nil }
            headEnd = buffer.range(of: separator)
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        buffer = Data(buffer[headEnd.upperBound...])
        if headers["expect"]?.lowercased() == "100-continue" {
            write(connection, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        var body = Data()
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            while true {
                var lineEnd = buffer.range(of: Data("\r\n".utf8))
                while lineEnd == nil {
                    guard fill() else { return nil }
                    lineEnd = buffer.range(of: Data("\r\n".utf8))
                }
                guard let lineEnd,
                    let size = Int(String(decoding: buffer[..<lineEnd.lowerBound], as: UTF8.self), radix: 16)
                else { return nil }
                buffer = Data(buffer[lineEnd.upperBound...])
                while buffer.count < size + 2 {
                    guard fill() else { return nil }
                }
                if size == 0 { break }
                body.append(buffer.prefix(size))
                buffer = Data(buffer.dropFirst(size + 2))
            }
        } else {
            let length = Int(headers["content-length"] ?? "0") ?? 0
            while buffer.count < length {
                guard fill() else { return nil }
            }
            body = Data(buffer.prefix(length))
        }
        return Received(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }
}

/// A port on 127.0.0.1 where nothing listens (bound, then closed at once).
package func closedLoopbackPort() throws -> UInt16 {
    let (descriptor, port) = try PlainSocket.listen()
    close(descriptor)
    return port
}
