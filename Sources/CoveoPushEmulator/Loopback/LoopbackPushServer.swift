import Foundation

/// A real HTTP/1.1 server on 127.0.0.1 that hands every request to a ``Transport`` and sends back its response.
///
/// Use it to run `URLSessionTransport`, the `coveo-push` command or any HTTP client against an in-process fake,
/// such as the in-memory Push service or a ``Transport`` of your own. Each request reaches the handler as a
/// ``TransportRequest`` whose URL is ``baseURL`` plus the request target, with every header as sent, and a
/// ``RequestBody/data(_:)`` body (`nil` when the request has none).
///
/// The server speaks the HTTP/1.1 that clients send: persistent connections (and `Connection: close`),
/// `Content-Length` and chunked bodies, `Expect: 100-continue`, pipelining. It answers malformed requests with
/// 400, too-large heads with 431, too-large bodies with 413 (then closes the connection), a handler that throws
/// with 500 and a JSON body. Connections idle longer than the idle timeout are closed. Sockets are served on
/// dedicated threads, so blocking I/O never occupies the Swift concurrency pool.
///
/// ```swift
/// let server = try LoopbackPushServer(handler: myTransport)
/// let url = server.baseURL.appendingPathComponent("push/v1/organizations/org/sources/src/status")
/// let (data, response) = try await URLSession.shared.data(from: url)
/// await server.shutdown()
/// ```
///
/// Call ``shutdown()`` when done; releasing the server also stops it, without waiting.
public final class LoopbackPushServer: Sendable {
    /// The port the server listens on (the one picked by the system when `0` was requested).
    public let port: UInt16
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public let baseURL: URL
    private let core: LoopbackServerCore

    /// Starts listening on 127.0.0.1 and serving requests with `handler`.
    ///
    /// - Parameters:
    ///   - handler: The transport that answers every request; its thrown errors become 500 responses.
    ///   - port: The port to listen on, or `0` for any free port.
    ///   - maxRequestBodyBytes: The largest accepted body; larger ones get 413. By default a full file container
    ///     plus room for the JSON framing.
    ///   - maxHeaderBytes: The largest accepted request line plus header fields; larger heads get 431.
    ///   - idleTimeout: How long a connection may stay silent (between or within requests) before it is closed.
    ///   - connectionFaults: Connections to cut on purpose, to test a client's recovery; none by default.
    /// - Throws: ``LoopbackServerError``: `.portInUse` when another socket holds the port, `.invalidConfiguration`
    ///   for a negative limit or a non-positive timeout, `.permissionDenied` or `.socketFailure` otherwise.
    public init(
        handler: any Transport,
        port: UInt16 = 0,
        maxRequestBodyBytes: Int = PushLimits.maxFileContainerBytes + 16 * PushLimits.megabyte,
        maxHeaderBytes: Int = 64 * 1024,
        idleTimeout: Duration = .seconds(60),
        connectionFaults: ConnectionFaults = .none
    ) throws {
        guard maxRequestBodyBytes >= 0, maxHeaderBytes > 0, idleTimeout > .zero else {
            throw LoopbackServerError(
                code: .invalidConfiguration, port: port,
                message: "maxRequestBodyBytes must be at least 0, maxHeaderBytes and idleTimeout more than 0")
        }
        guard let stopSignal = StopSignal() else {
            throw LoopbackServerError.system(
                .socketFailure, operation: "pipe", code: SocketAPI.lastError, port: port)
        }
        let listener = try SocketAPI.makeListener(port: port, backlog: 128)
        guard let baseURL = URL(string: "http://127.0.0.1:\(listener.port)") else {
            SocketAPI.close(listener.fd)
            throw LoopbackServerError(code: .socketFailure, port: port, message: "cannot form the base URL")
        }
        self.port = listener.port
        self.baseURL = baseURL
        var configuration = LoopbackServerCore.Configuration(
            baseURLString: baseURL.absoluteString,
            parserLimits: HTTPRequestParser.Limits(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxRequestBodyBytes),
            idleTimeoutMilliseconds: Self.milliseconds(idleTimeout))
        configuration.connectionFaults = connectionFaults
        let core = LoopbackServerCore(handler: handler, configuration: configuration, stopSignal: stopSignal)
        self.core = core
        _ = core.spawn(name: "LoopbackPushServer accept", call: nil) {
            core.runAcceptLoop(listener: listener.fd)
        }
    }

    deinit {
        core.beginStop()
    }

    /// How many connections were cut on purpose so far, by where (see ``ConnectionFaults``).
    public var connectionCuts: [ConnectionFaults.Cut: Int] { core.connectionCuts }

    /// Stops the server and waits until it has fully stopped.
    ///
    /// Closes the listener and every open connection; a request still in the handler is abandoned (its task is
    /// cancelled and its client gets no response). Returns once every server thread has finished. Calling it
    /// again does nothing more.
    public func shutdown() async {
        core.beginStop()
        await core.waitUntilStopped()
    }

    /// How many server threads (the accept loop and one per connection) are running.
    var liveThreadCount: Int { core.liveThreadCount }

    /// How many client connections are open.
    var openConnectionCount: Int { core.openConnectionCount }

    /// A duration in whole milliseconds, from 1 to `Int32.max`.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return Int32(max(1, min(total.rounded(.up), Double(Int32.max))))
    }
}
