import Foundation

/// A stand-in for the Push API that does as little as a server can, for benchmarks: it answers the source status,
/// file container, upload and batch calls, discards every body without looking at it, and counts the bytes.
///
/// It shares no code with the SDK's transport, the emulator or `LoopbackPushServer` (a reference must not share
/// the code it judges): POSIX sockets, one thread per connection, HTTP/1.1 keep-alive, `Content-Length` and
/// chunked bodies, and `Expect: 100-continue` answered as libcurl may ask for it.
///
/// - `POST …/files`: `201` with an `uploadUri` on this server and a new `fileId`;
/// - `PUT /upload/…`: `200`;
/// - `POST …/status`: `201`;
/// - anything else (batches, deletes): `202`.
package final class DiscardingPushServer: @unchecked Sendable {
    /// The port on 127.0.0.1.
    package let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var received = 0
    private var requests = 0
    private var containers = 0

    /// Starts serving on an ephemeral port of 127.0.0.1.
    package init() throws {
        (listener, port) = try PlainSocket.listen()
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    package var origin: String { "http://127.0.0.1:\(port)" }

    /// Body bytes received so far (uploads, batches and everything else).
    package var bytesReceived: Int { locked { received } }

    /// Requests answered so far.
    package var requestCount: Int { locked { requests } }

    /// Stops accepting connections; connections already open end when their client closes them.
    package func stop() {
        locked { stopped = true }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private func acceptLoop() {
        defer { PlainSocket.close(listener) }
        while !locked({ stopped }) {
            guard let connection = PlainSocket.accept(listener, waitingAtMost: 50) else { continue }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    /// Serves requests on one connection until the client closes it or asks to.
    private func serve(_ connection: Int32) {
        defer { PlainSocket.close(connection) }
        var reader = RequestReader(descriptor: connection)
        while let head = reader.readHead() {
            if head.expectsContinue, !PlainSocket.writeAll(connection, "HTTP/1.1 100 Continue\r\n\r\n") { return }
            guard let bodyBytes = reader.discardBody(of: head) else { return }
            let (status, body) = answer(head)
            let response =
                "HTTP/1.1 \(status) \(status == 200 ? "OK" : status == 201 ? "Created" : "Accepted")\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
            locked {
                received += bodyBytes
                requests += 1
            }
            guard PlainSocket.writeAll(connection, response), !head.closes else { return }
        }
    }

    private func answer(_ head: RequestReader.Head) -> (Int, String) {
        let path = head.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.target
        if head.method == "POST" && path.hasSuffix("/files") {
            let fileId = locked { () -> Int in
                containers += 1
                return containers
            }
            return (
                201, #"{"uploadUri":"\#(origin)/upload/\#(fileId)","fileId":"file-\#(fileId)","requiredHeaders":{}}"#
            )
        }
        if head.method == "PUT" && path.hasPrefix("/upload/") { return (200, "") }
        if head.method == "POST" && path.hasSuffix("/status") { return (201, "") }
        return (202, "")
    }
}

/// Reads HTTP/1.1 requests from a connection through one reused buffer.
struct RequestReader {
    /// What the server needs of a request head.
    struct Head {
        var method: String
        var target: String
        var contentLength = 0
        var chunked = false
        var expectsContinue = false
        var closes = false
    }

    let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    private var start = 0
    private var end = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next request head; `nil` when the connection ended or the head is malformed.
    mutating func readHead() -> Head? {
        guard let text = readThrough(Array("\r\n\r\n".utf8)) else { return nil }
        return Self.parse(text)
    }

    /// Reads and drops the body of `head`: the number of body bytes, or `nil` when the connection ended inside it.
    mutating func discardBody(of head: Head) -> Int? {
        guard head.chunked else { return discard(head.contentLength) ? head.contentLength : nil }
        var total = 0
        while true {
            guard let line = readLine(), let size = Int(line.split(separator: ";")[0], radix: 16) else { return nil }
            if size == 0 {
                while let trailer = readLine(), !trailer.isEmpty {}
                return total
            }
            guard discard(size), readLine() != nil else { return nil }
            total += size
        }
    }

    private static func parse(_ text: String) -> Head? {
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var head = Head(method: String(requestLine[0]), target: String(requestLine[1]))
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            switch name {
            case "content-length": head.contentLength = Int(value) ?? 0
            case "transfer-encoding": head.chunked = value.contains("chunked")
            case "expect": head.expectsContinue = value == "100-continue"
            case "connection": head.closes = value == "close"
            default: break
            }
        }
        return head
    }

    private mutating func discard(_ count: Int) -> Bool {
        var left = count
        while left > 0 {
            if start == end, !fill() { return false }
            let taken = min(left, end - start)
            start += taken
            left -= taken
        }
        return true
    }

    private mutating func readLine() -> String? {
        readThrough(Array("\r\n".utf8))
    }

    /// The text before the next `marker`, consumed with it; `nil` when the connection ended first.
    private mutating func readThrough(_ marker: [UInt8]) -> String? {
        var scanned = 0  // bytes after `start` known not to begin the marker (`fill` may move `start`)
        while true {
            if let found = find(marker, from: start + scanned) {
                let text = String(decoding: buffer[start..<found], as: UTF8.self)
                start = found + marker.count
                return text
            }
            scanned = max(0, end - start - (marker.count - 1))
            guard fill() else { return nil }
        }
    }

    private func find(_ marker: [UInt8], from: Int) -> Int? {
        guard end - from >= marker.count else { return nil }
        var index = from
        while index <= end - marker.count {
            if buffer[index] == marker[0] && buffer[index..<(index + marker.count)].elementsEqual(marker) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Reads more bytes after the unread ones (moved to the front first); `false` at end of stream.
    private mutating func fill() -> Bool {
        if start > 0 {
            if start < end {
                buffer.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let count = buffer.withUnsafeMutableBytes {
            PlainSocket.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: $0[end...]))
        }
        guard count > 0 else { return false }
        end += count
        return true
    }
}
