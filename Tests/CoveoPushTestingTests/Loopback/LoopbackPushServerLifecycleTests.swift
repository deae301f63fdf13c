import CoveoPushTestSupport
import Foundation
import Testing

@testable import CoveoPushEmulator
@testable import CoveoPushTesting

@Suite("LoopbackPushServer lifecycle", .timeLimit(.minutes(1)))
struct LoopbackPushServerLifecycleTests {
    @Test("the server listens on 127.0.0.1 at the port it reports")
    func address() async throws {
        let server = try LoopbackPushServer(handler: EchoTransport())
        #expect(server.port != 0)
        #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)")
        #expect(server.liveThreadCount == 1)
        await server.shutdown()
    }

    @Test("a port in use is a clear error")
    func portInUse() async throws {
        let first = try LoopbackPushServer(handler: EchoTransport())
        let error = #expect(throws: LoopbackServerError.self) {
            _ = try LoopbackPushServer(handler: EchoTransport(), port: first.port)
        }
        #expect(error?.code == .portInUse)
        #expect(error?.port == first.port)
        #expect(error?.description.contains("already in use") == true)
        await first.shutdown()
    }

    @Test("a requested port is used")
    func requestedPort() async throws {
        // The probe's port is free once it shuts down, but the suites running alongside may take it as the local
        // port of a connection before it is asked for again: such an attempt starts over with another port.
        for attempt in 1...5 {
            let probe = try LoopbackPushServer(handler: EchoTransport())
            let port = probe.port
            await probe.shutdown()
            let server: LoopbackPushServer
            do {
                server = try LoopbackPushServer(handler: EchoTransport(), port: port)
            } catch let error as LoopbackServerError where error.code == .portInUse && attempt < 5 {
                continue
            }
            #expect(server.port == port)
            await server.shutdown()
            return
        }
    }

    @Test(
        "limits out of range are refused",
        arguments: [(-1, 1024, Duration.seconds(1)), (0, 0, .seconds(1)), (0, 1024, .zero)])
    func invalidConfiguration(body: Int, header: Int, timeout: Duration) {
        let error = #expect(throws: LoopbackServerError.self) {
            _ = try LoopbackPushServer(
                handler: EchoTransport(), maxRequestBodyBytes: body, maxHeaderBytes: header, idleTimeout: timeout)
        }
        #expect(error?.code == .invalidConfiguration)
    }

    @Test("shutdown closes open connections, waits for every thread, and can be called again")
    func shutdownWithOpenConnections() async throws {
        let server = try LoopbackPushServer(handler: EchoTransport())
        let port = server.port
        let client = try await onDedicatedThread { () -> ClientBox in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\n\r\n")
            _ = try client.readResponse()
            return ClientBox(client)
        }
        #expect(server.openConnectionCount == 1)

        await server.shutdown()

        #expect(server.liveThreadCount == 0)
        #expect(server.openConnectionCount == 0)
        let rest = try await onDedicatedThread { try client.client.readUntilClosed() }
        #expect(rest.isEmpty)
        await server.shutdown()
        #expect(server.liveThreadCount == 0)
    }

    @Test("shutdown while a request is in the handler cancels it and closes its connection")
    func shutdownInFlight() async throws {
        let transport = StallingTransport()
        let server = try LoopbackPushServer(handler: transport)
        let port = server.port
        var signals = transport.signals.makeAsyncIterator()
        async let received = onDedicatedThread { () -> Data in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT /slow HTTP/1.1\r\nContent-Length: 1\r\n\r\nx")
            return try client.readUntilClosed()
        }
        #expect(await signals.next() == .started)

        await server.shutdown()

        #expect(server.liveThreadCount == 0)
        #expect(try await received.isEmpty)
        #expect(await signals.next() == .cancelled)
    }

    @Test("releasing a server without shutdown still stops it")
    func releaseStops() async throws {
        var server: LoopbackPushServer? = try LoopbackPushServer(handler: EchoTransport())
        let port = try #require(server?.port)
        server = nil
        // With the server released, connecting either fails or the connection is closed without an answer.
        let outcome = try? await onDedicatedThread { () -> Data in
            let client = try RawHTTPClient(port: port)
            try client.send("GET / HTTP/1.1\r\n\r\n")
            return try client.readUntilClosed()
        }
        #expect(outcome?.isEmpty ?? true)
    }
}

/// Moves a client (used by one thread at a time) between threads.
final class ClientBox: @unchecked Sendable {
    let client: RawHTTPClient
    init(_ client: RawHTTPClient) { self.client = client }
}
