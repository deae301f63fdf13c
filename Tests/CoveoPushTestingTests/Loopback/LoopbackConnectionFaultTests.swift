import CoveoPushTestSupport
import Foundation
import Testing

@testable import CoveoPushEmulator
@testable import CoveoPushTesting

@Suite("LoopbackPushServer: connection faults", .timeLimit(.minutes(1)))
struct LoopbackConnectionFaultTests {
    @Test("decisions depend only on seed, method, target and occurrence, and follow the rates")
    func decisions() {
        let faults = ConnectionFaults(seed: 5, midRequestRate: 0.2, midResponseRate: 0.3)
        var counts: [ConnectionFaults.Cut?: Int] = [:]
        for index in 0..<4_000 {
            let cut = faults.cut(method: "PUT", target: "/upload/\(index)", occurrence: 1)
            #expect(cut == faults.cut(method: "PUT", target: "/upload/\(index)", occurrence: 1))
            counts[cut, default: 0] += 1
        }
        #expect(abs(Double(counts[.midRequest] ?? 0) / 4_000 - 0.2) < 0.03)
        #expect(abs(Double(counts[.midResponse] ?? 0) / 4_000 - 0.3) < 0.03)
        let retries = (1...40).map { faults.cut(method: "GET", target: "/x", occurrence: $0) }
        #expect(retries.contains(nil) && retries.contains { $0 != nil }, "each occurrence is decided afresh")
        #expect(ConnectionFaults.none.cut(method: "GET", target: "/x", occurrence: 1) == nil)
    }

    @Test("rates are clamped to 0...1 and together to at most 1")
    func clamping() {
        let faults = ConnectionFaults(midRequestRate: 0.8, midResponseRate: 0.9)
        #expect(faults.midRequestRate == 0.8)
        #expect(abs(faults.midResponseRate - 0.2) < 1e-12)
        #expect(ConnectionFaults(midRequestRate: -1, midResponseRate: .nan) == .none)
        #expect(!ConnectionFaults.none.isActive)
    }

    @Test("midRequest closes the connection before the handler sees the request")
    func midRequest() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo, connectionFaults: ConnectionFaults(midRequestRate: 1))
        let port = server.port
        let received = try await onDedicatedThread { () -> Data in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT /first HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc")
            return try client.readUntilClosed()
        }
        #expect(received.isEmpty, "no response at all")
        #expect(await echo.log.entries.isEmpty, "the handler never saw the request")
        #expect(server.connectionCuts == [.midRequest: 1])
        await server.shutdown()
    }

    @Test("midResponse runs the handler, then closes after the head and half of the body")
    func midResponse() async throws {
        let echo = EchoTransport()
        let server = try LoopbackPushServer(handler: echo, connectionFaults: ConnectionFaults(midResponseRate: 1))
        let port = server.port
        let body = String(repeating: "0123456789", count: 10)
        let received = try await onDedicatedThread { () -> Data in
            let client = try RawHTTPClient(port: port)
            try client.send("PUT /first HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n" + body)
            return try client.readUntilClosed()
        }
        let text = String(decoding: received, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        #expect(parts.first?.hasPrefix("HTTP/1.1 200") == true, "the whole head arrives: \(text)")
        #expect(parts.count == 2 && parts[1].count == 50, "half of the echoed body: \(text)")
        #expect(await echo.log.entries.count == 1, "the work was done")
        #expect(server.connectionCuts == [.midResponse: 1])
        await server.shutdown()
    }

    @Test("the cut point of a response without a body is its end; one without a head separator is not cut")
    func cutPoint() {
        let head = Array("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".utf8)
        #expect(ConnectionWorker.midResponseCut(head) == head.count)
        #expect(ConnectionWorker.midResponseCut(head + Array("abcd".utf8)) == head.count + 2)
        #expect(ConnectionWorker.midResponseCut(Array("garbage".utf8)) == 7)
        #expect(ConnectionWorker.midResponseCut([]) == 0)
    }
}
