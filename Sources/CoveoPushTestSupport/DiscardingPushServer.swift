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
    private var connections = 0

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

    /// Connections accepted so far.
    package var connectionCount: Int { locked { connections } }

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
        PlainSocket.acceptConnections(on: listener, until: { [self] in locked { stopped } }) { [self] connection in
            locked { connections += 1 }
            serve(connection)
        }
    }

    /// Serves requests on one connection until the client closes it or asks to.
    private func serve(_ connection: Int32) {
        defer { PlainSocket.close(connection) }
        var reader = HTTPRequestReader(descriptor: connection)
        while let head = reader.readHead() {
            if head.expectsContinue, !PlainSocket.writeAll(connection, "HTTP/1.1 100 Continue\r\n\r\n") { return }
            guard let bodyBytes = reader.readBody(of: head, keeping: false)?.count else { return }
            let (status, body) = answer(head)
            let response =
                "HTTP/1.1 \(status) \(status == 200 ? "OK" : status == 201 ? "Created" : "Accepted")\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
            locked {
                received += bodyBytes
                requests += 1
            }
            guard PlainSocket.writeAll(connection, response), !head.closesConnection else { return }
        }
    }

    private func answer(_ head: HTTPRequestReader.Head) -> (Int, String) {
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
