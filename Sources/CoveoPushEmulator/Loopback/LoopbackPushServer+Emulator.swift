import Foundation

extension LoopbackPushServer {
    /// Starts a server on 127.0.0.1 serving a new ``InMemoryPushService`` whose upload URLs point back at this
    /// same server, so any HTTP client (`URLSessionTransport`, the `coveo-push` command, curl) can use it as a
    /// local Push API at `baseURL/push/v1`.
    ///
    /// ```swift
    /// let (server, service) = try LoopbackPushServer.emulator()
    /// defer { Task { await server.shutdown() } }
    /// let endpoint = try PushEndpoint(baseURL: server.baseURL.appendingPathComponent("push/v1"))
    /// ```
    ///
    /// - Parameters:
    ///   - configuration: The emulator's configuration; its `uploadBaseURL` is replaced by this server's.
    ///   - clock: The clock the emulator throttles and adds latency on (share a `TestClock` with the client).
    ///   - port: A port, or 0 for any free one.
    /// - Throws: ``LoopbackServerError`` when the port cannot be bound.
    public static func emulator(
        configuration: InMemoryPushService.Configuration = .init(),
        clock: any Clock<Duration> = ContinuousClock(),
        port: UInt16 = 0
    ) throws -> (server: LoopbackPushServer, service: InMemoryPushService) {
        let relay = RelayTransport()
        let server = try LoopbackPushServer(handler: relay, port: port)
        var configuration = configuration
        configuration.uploadBaseURL = server.baseURL.appendingPathComponent("upload")
        let service = InMemoryPushService(configuration: configuration, clock: clock)
        relay.target = service
        return (server, service)
    }
}

/// Forwards to a transport set after the server that uses it was created (the emulator needs the server's URL).
private final class RelayTransport: Transport, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Transport)?

    var target: (any Transport)? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            lock.unlock()
        }
    }

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        guard let target else { return TransportResponse(statusCode: 503, body: Data("{\"message\":\"starting\"}".utf8)) }
        return try await target.send(request, body: body)
    }
}
