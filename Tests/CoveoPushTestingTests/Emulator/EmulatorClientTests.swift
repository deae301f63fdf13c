import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: with the SDK's PushClient")
struct EmulatorClientTests {
    static func client(_ harness: EmulatorHarness, batchLimit: Int? = nil) throws -> PushClient {
        var configuration = PushClient.Configuration(
            endpoint: .production, organizationId: EmulatorHarness.organization, credentials: .apiKey("xx-key"))
        configuration.jitterSeed = 1
        configuration.wallClock = { EmulatorHarness.epoch }
        if let batchLimit { configuration.batchLimit = batchLimit }
        return try PushClient(configuration: configuration, transport: harness.service, clock: harness.clock)
    }

    static func documents(_ count: Int) throws -> [Document] {
        try (0..<count).map { index in
            var document = Document(
                documentId: "https://example.com/doc/\(index)", title: "Document \(index)",
                content: .text("Body of document \(index)"))
            document.metadata["rank"] = .integer(Int64(index))
            if index.isMultiple(of: 5) {
                document.content = .binary(Data("binary \(index)".utf8), compression: .gzip)
            }
            if index == 7 {
                document.permissions = .sets([PermissionSet(allowed: [.group("Staff")])])
            }
            try document.validate()
            return document
        }
    }

    @Test("a session's documents land in the source exactly, with their content, metadata and permissions")
    func sessionPush() async throws {
        let harness = EmulatorHarness { $0.apiKey = "xx-key" }
        let client = try Self.client(harness, batchLimit: 2_000)
        let report = try await client.push(try Self.documents(40), sourceId: EmulatorHarness.source)
        #expect(report.isComplete)
        #expect(report.accepted == 40)
        let items = await harness.service.items(sourceId: EmulatorHarness.source)
        #expect(items.count == 40)
        let seven = try #require(await harness.item("https://example.com/doc/7"))
        #expect(seven.text == "Body of document 7")
        #expect(seven.title == "Document 7")
        #expect(seven.metadata["rank"] == 7)
        #expect(seven.permissions == .sets([PermissionSet(allowed: [.group("Staff")])]))
        let ten = try #require(await harness.item("https://example.com/doc/10"))
        #expect(ten.compressionType == .gzip)
        #expect(ten.text == "binary 10")
        #expect(await harness.service.droppedItems.isEmpty)
        #expect(await harness.service.counters.itemBatches > 1)
    }

    @Test("the client survives throttling and transient failures before the work: the source ends up complete")
    func survivesFaults() async throws {
        let harness = EmulatorHarness {
            $0.faults = FaultPlan(seed: 11, requestsPerSecond: 2, failureBeforeRate: 0.25)
        }
        let client = try Self.client(harness, batchLimit: 1_500)
        let report = try await client.push(try Self.documents(30), sourceId: EmulatorHarness.source)
        #expect(report.isComplete)
        #expect(await harness.service.items(sourceId: EmulatorHarness.source).count == 30)
        let faults = await harness.service.faultCounts
        #expect(faults.throttled > 0)
        #expect(faults.failedBefore > 0)
        #expect(await harness.service.droppedItems.isEmpty)
    }

    @Test("the client survives failures after the work (a consumed container on retry) and expired upload URLs")
    func survivesFailuresAfterWork() async throws {
        let harness = EmulatorHarness {
            $0.faults = FaultPlan(seed: 12, failureAfterRate: 0.3, expiredUploadRate: 0.2)
        }
        let client = try Self.client(harness, batchLimit: 1_500)
        let report = try await client.push(try Self.documents(30), sourceId: EmulatorHarness.source)
        #expect(report.isComplete)
        #expect(await harness.service.items(sourceId: EmulatorHarness.source).count == 30)
        let faults = await harness.service.faultCounts
        #expect(faults.failedAfter > 0)
        #expect(faults.expiredUploads > 0)
        #expect(await harness.service.droppedItems.isEmpty)
    }
}
