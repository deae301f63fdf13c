import CoveoPushTestSupport
import CoveoPushTesting
import Foundation
import Testing

/// The benchmark's discarding server answers what a push needs, over our transport and over a raw client.
@Suite("DiscardingPushServer (benchmark reference server)")
struct DiscardingPushServerTests {
    @Test("the SDK pushes a session's batches to it through URLSessionTransport; every byte is counted")
    func sdkPush() async throws {
        let server = try DiscardingPushServer()
        defer { server.stop() }
        guard let base = URL(string: server.origin + "/push/v1") else { throw CancellationError() }
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: base), organizationId: "org", credentials: .apiKey("xx-key"))
        configuration.batchLimit = 20_000
        let client = try PushClient(configuration: configuration, transport: URLSessionTransport())
        let report = try await client.withStatus(.incremental, sourceId: "src") {
            try await client.push(
                (0..<300).map {
                    Document(
                        documentId: "https://example.com/\($0)", content: .text(String(repeating: "x", count: 200)))
                },
                sourceId: "src")
        }
        #expect(report.isComplete && report.accepted == 300 && report.batches > 1)
        #expect(server.requestCount == 2 + 3 * report.batches)
        #expect(server.bytesReceived == report.bytesUploaded)
    }

    @Test("a raw client gets 100 Continue, and chunked and Content-Length bodies are discarded on one connection")
    func rawClient() async throws {
        let server = try DiscardingPushServer()
        defer { server.stop() }
        let result = try await onThread {
            let client = try RawHTTPClient(port: server.port)
            try client.send("PUT /upload/1 HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            let interim = try client.readResponse()
            try client.send("hello")
            let upload = try client.readResponse()
            try client.send(
                "PUT /push/v1/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
            )
            let batch = try client.readResponse()
            let container = try client.request("POST", "/push/v1/organizations/org/files")
            return (interim.statusCode, upload.statusCode, batch.statusCode, container)
        }
        #expect(result.0 == 100 && result.1 == 200 && result.2 == 202)
        #expect(result.3.statusCode == 201)
        let container = try JSONDecoder().decode(FileContainer.self, from: result.3.body)
        #expect(container.uploadUri.absoluteString.hasPrefix(server.origin + "/upload/"))
        #expect(container.fileId == "file-1")
        #expect(server.bytesReceived == 10 && server.requestCount == 3)
    }

    /// Runs blocking socket work off the cooperative pool.
    func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
