import CoveoPushTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A client-side transport that checks every file body while it is being sent: owner-only, still on disk.
final class FileBodyInspector: Transport, @unchecked Sendable {
    private let inner: any Transport
    private let lock = NSLock()
    private var modes: [Int] = []
    private var uploadsWithAuthorization = 0

    init(_ inner: any Transport) {
        self.inner = inner
    }

    var fileModes: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return modes
    }

    var authorizedUploads: Int {
        lock.lock()
        defer { lock.unlock() }
        return uploadsWithAuthorization
    }

    private func note(mode: Int?, authorizedUpload: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if let mode { modes.append(mode) }
        if authorizedUpload { uploadsWithAuthorization += 1 }
    }

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        var mode: Int?
        if case .file(let url) = body {
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        let isUpload = request.method == .put && request.url.path.contains("/upload/")
        note(mode: mode, authorizedUpload: isUpload && request.headers["authorization"] != nil)
        return try await inner.send(request, body: body)
    }
}

@Suite("Reliability: secrets and temporary files")
struct SecretsAndFilesTests {
    static func freshDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the API key appears in no log line, error, report or upload under faults")
    func keyNeverLeaks() async throws {
        let faults = FaultPlan(
            seed: 21, requestsPerSecond: 5, failureBeforeRate: 0.15, failureAfterRate: 0.15, expiredUploadRate: 0.1)
        let rig = try ReliabilityRig(faults: faults) { request, body, forward in
            // One permanent failure too, so errors carry messages.
            if request.method == .put, String(decoding: body, as: UTF8.self).contains("reliability/5?") {
                return TransportResponse(statusCode: 400, body: Data("<Error><Code>Refused</Code></Error>".utf8))
            }
            return try await forward()
        }
        var configuration = try rig.configuration()
        let collector = LogCollector()
        configuration.logHandler = collector.handler
        let directory = try Self.freshDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        configuration.temporaryDirectory = directory
        configuration.batchMemoryThreshold = 1_024
        let inspector = FileBodyInspector(URLSessionTransport())
        let client = try rig.client(configuration, transport: inspector)
        let report = try await client.withStatus(.incremental, sourceId: "src") {
            try await client.push(ReliabilityCorpus.documents(200), sourceId: "src")
        }
        await rig.shutdown()

        let events = collector.events
        #expect(events.count > 100)
        #expect(events.allSatisfy { !$0.description.contains(reliabilityKey) && !"\($0)".contains(reliabilityKey) })
        #expect(!report.failed.isEmpty)
        for failure in report.failed {
            #expect(!failure.error.description.contains(reliabilityKey))
            #expect(!"\(failure.error)".contains(reliabilityKey))
            #expect(!String(reflecting: failure.error).contains(reliabilityKey))
        }
        #expect(!report.description.contains(reliabilityKey))
        #expect(!String(reflecting: report).contains(reliabilityKey))
        #expect(!"\(configuration.credentials)".contains(reliabilityKey))
        #expect(!String(reflecting: try APIKey(reliabilityKey)).contains(reliabilityKey))

        let uploads = rig.front.recorded.filter { $0.method == "PUT" && $0.path.contains("/upload/") }
        #expect(!uploads.isEmpty)
        #expect(uploads.allSatisfy { !$0.hasAuthorization })
        #expect(inspector.authorizedUploads == 0)
        let apiCalls = rig.front.recorded.filter { $0.path.contains("/organizations/") }
        #expect(apiCalls.allSatisfy { $0.hasAuthorization })
        let log = await rig.service.requestLog
        #expect(log.allSatisfy { !$0.description.contains(reliabilityKey) })

        // Batch files spilled to disk: owner-only while sent, all gone once the push returned.
        let modes = inspector.fileModes
        #expect(!modes.isEmpty)
        #expect(modes.allSatisfy { $0 & 0o777 == 0o600 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("plain http is refused for any host that is not loopback", arguments: [
        "http://api.cloud.coveo.com/push/v1", "http://example.com", "http://10.0.0.1/push/v1",
        "http://192.168.1.2:8080", "http://localhost.example.com", "http://127.example.com",
    ])
    func plainHTTPRefused(_ text: String) throws {
        let url = try #require(URL(string: text))
        #expect {
            try PushEndpoint(baseURL: url)
        } throws: { ($0 as? ValidationError)?.rule == .insecureURL }
    }

    @Test("plain http to loopback hosts is allowed", arguments: ["http://127.0.0.1:8080", "http://localhost", "http://[::1]:1"])
    func loopbackAllowed(_ text: String) throws {
        let url = try #require(URL(string: text))
        #expect(throws: Never.self) { try PushEndpoint(baseURL: url) }
    }
}
