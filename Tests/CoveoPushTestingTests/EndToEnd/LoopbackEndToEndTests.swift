import CoveoPushTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("End to end over loopback HTTP")
struct LoopbackEndToEndTests {
    static func document(_ index: Int) -> (Document, Data) {
        var random = SeededRandomNumberGenerator(seed: UInt64(index) &* 2_654_435_761)
        let bytes = Data((0..<(64 + index % 300)).map { _ in UInt8.random(in: 0...255, using: &random) })
        var document = Document(documentId: "https://example.com/items/\(index)?lang=fr&x=a+b#frag")
        document.title = "Item \(index) – été"
        document.fileExtension = ".bin"
        document.content = .binary(bytes, compression: index % 2 == 0 ? .zlib : .gzip)
        document.metadata["rank"] = .integer(Int64(index))
        document.permissions = .sets([
            PermissionSet(allowed: [.group("group-\(index % 7)"), .user("user\(index)@example.com")], denied: [.user("x@example.com")])
        ])
        return (document, bytes)
    }

    @Test("10,000 documents through URLSessionTransport under 10% failures and throttling all arrive intact")
    func tenThousandDocuments() async throws {
        let clock = TestClock()
        let faults = FaultPlan(seed: 2026, requestsPerSecond: 3, failureBeforeRate: 0.05, failureAfterRate: 0.05)
        let (server, service) = try LoopbackPushServer.emulator(
            configuration: .init(apiKey: "loopback-key", faults: faults), clock: clock)
        defer { Task { await server.shutdown() } }

        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: server.baseURL.appendingPathComponent("push/v1")),
            organizationId: "org", credentials: .apiKey("loopback-key"))
        configuration.batchLimit = 400_000
        configuration.uploadConcurrency = 4
        configuration.requestTimeout = .seconds(240)  // the in-process server can be starved by the rest of the suite
        configuration.jitterSeed = 1
        configuration.retryPolicy = try RetryPolicy(maxAttempts: 20)
        let client = try PushClient(configuration: configuration, transport: URLSessionTransport(), clock: clock)

        let count = 10_000
        let report = try await client.withStatus(.rebuild, sourceId: "src") {
            try await client.push((0..<count).lazy.map { Self.document($0).0 }, sourceId: "src")
        }
        #expect(report.accepted == count)
        #expect(report.failed.isEmpty)
        #expect(report.retries > 0)

        let items = await service.items(organizationId: "org", sourceId: "src")
        #expect(items.count == count)
        let byId = Dictionary(uniqueKeysWithValues: items.map { ($0.documentId, $0) })
        for index in 0..<count {
            let (document, bytes) = Self.document(index)
            let item = try #require(byId[document.documentId])
            #expect(item.content == bytes)
            #expect(item.title == document.title)
            #expect(item.permissions == document.permissions)
        }
        let faultCounts = await service.faultCounts
        #expect(faultCounts.throttled > 0)
        #expect(faultCounts.failedBefore + faultCounts.failedAfter > 0)
        let history = await service.statusHistory(sourceId: "src", organizationId: "org")
        #expect(history.map(\.status) == [.rebuild, .idle])
    }
}
