import Foundation

/// A test HTTP proxy on 127.0.0.1, written for the proxy tests and sharing no code with the SDK's transport or the
/// emulator's server.
///
/// - A plain `http` request arrives in absolute form (`GET http://127.0.0.1:PORT/path HTTP/1.1`): it is counted and
///   forwarded to that origin, which must be on 127.0.0.1 (anything else is answered `502`), and the origin's answer
///   is relayed back. One request per client connection; the proxy closes it after the answer.
/// - A `CONNECT host:port` (how clients tunnel `https`): the authority is recorded and answered `502` (there is no
///   TLS server behind it, so a tunnelled request always fails).
///
/// Every request head is recorded (method, target, whether it carried `Proxy-Authorization`), so a test can tell
/// which requests went through the proxy.
package final class ForwardingProxy: @unchecked Sendable {
    /// A request the proxy received.
    package struct Received: Sendable {
        /// `CONNECT`, `GET`, `POST`, …
        package var method: String
        /// The request target: an absolute URL, or `host:port` for `CONNECT`.
        package var target: String
        /// The `Proxy-Authorization` header's value, when the client sent one.
        package var proxyAuthorization: String?
    }

    /// The port on 127.0.0.1.
    package let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var records: [Received] = []

    /// Starts serving on an ephemeral port of 127.0.0.1.
    package init() throws {
        (listener, port) = try PlainSocket.listen(backlog: 64)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`, the value for `--proxy` or `http_proxy`.
    package var url: String { "http://127.0.0.1:\(port)" }

    /// Every request head received, in order.
    package var received: [Received] { locked { records } }

    /// The plain `http` requests forwarded to an origin (`CONNECT` excluded).
    package var forwardedCount: Int { received.filter { $0.method != "CONNECT" }.count }

    /// The authorities of the `CONNECT` requests received, such as `push.example.test:443`.
    package var connectAuthorities: [String] { received.filter { $0.method == "CONNECT" }.map(\.target) }

    /// Stops accepting connections.
    package func stop() {
        locked { stopped = true }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private func acceptLoop() {
        PlainSocket.acceptConnections(on: listener, until: { [self] in locked { stopped } }) { [self] in serve($0) }
    }

    private func serve(_ connection: Int32) {
        defer { PlainSocket.close(connection) }
        PlainSocket.setTimeouts(connection, seconds: 30)
        var reader = HTTPRequestReader(descriptor: connection) { [self] in locked { stopped } }
        guard let head = reader.readHead() else { return }
        locked {
            records.append(
                Received(
                    method: head.method, target: head.target, proxyAuthorization: head.headers["proxy-authorization"]))
        }
        if head.method == "CONNECT" {
            answer(connection, status: 502, reason: "Bad Gateway", body: "no tunnel to \(head.target)")
            return
        }
        guard let origin = URLComponents(string: head.target), origin.scheme?.lowercased() == "http",
            origin.host == "127.0.0.1", let port = origin.port, let originPort = UInt16(exactly: port)
        else {
            answer(connection, status: 502, reason: "Bad Gateway", body: "only http://127.0.0.1:PORT is forwarded")
            return
        }
        if head.expectsContinue, !PlainSocket.writeAll(connection, "HTTP/1.1 100 Continue\r\n\r\n") { return }
        guard let body = reader.readBody(of: head, keeping: true) else { return }
        forward(
            head, body: body.bytes, to: originPort, path: origin.percentEncodedPath, query: origin.percentEncodedQuery,
            client: connection)
    }

    /// Sends the request in origin form with a `Content-Length` body and `Connection: close`, then relays every byte
    /// of the answer until the origin closes.
    private func forward(
        _ head: HTTPRequestReader.Head, body: [UInt8], to originPort: UInt16, path: String, query: String?,
        client: Int32
    ) {
        guard let upstream = try? PlainSocket.connect(port: originPort) else {
            answer(client, status: 502, reason: "Bad Gateway", body: "the origin refused the connection")
            return
        }
        defer { PlainSocket.close(upstream) }
        PlainSocket.setTimeouts(upstream, seconds: 30)
        let skipped: Set<String> = [
            "proxy-authorization", "proxy-connection", "connection", "keep-alive", "expect", "content-length",
            "transfer-encoding",
        ]
        var text = "\(head.method) \(path.isEmpty ? "/" : path)\(query.map { "?" + $0 } ?? "") HTTP/1.1\r\n"
        for (name, value) in head.headers where !skipped.contains(name) { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        guard PlainSocket.writeAll(upstream, text), body.withUnsafeBytes({ PlainSocket.writeAll(upstream, $0) }) else {
            answer(client, status: 502, reason: "Bad Gateway", body: "the origin went away")
            return
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { PlainSocket.read(upstream, into: $0) }
            guard count > 0 else { return }
            guard
                buffer.withUnsafeBytes({ PlainSocket.writeAll(client, UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                )
            else { return }
        }
    }

    private func answer(_ connection: Int32, status: Int, reason: String, body: String) {
        _ = PlainSocket.writeAll(
            connection,
            "HTTP/1.1 \(status) \(reason)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
    }
}
