import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushEmulator

/// The emulator applies each item in amortized constant time: its item tables are changed in place, never copied.
/// Counted through the storage (``ItemTable/copies``), not timed.
@Suite("InMemoryPushService: applying items never copies a source's item table")
struct EmulatorScaleTests {
    static func client(_ harness: EmulatorHarness) throws -> PushClient {
        var configuration = PushClient.Configuration(
            endpoint: .production, organizationId: EmulatorHarness.organization, credentials: .apiKey("xx-key"))
        configuration.batchLimit = 4_000
        configuration.wallClock = { EmulatorHarness.epoch }
        return try PushClient(configuration: configuration, transport: harness.service, clock: harness.clock)
    }

    static func document(_ index: Int, parent: Int? = nil) -> Document {
        Document(
            documentId: "https://example.com/doc/\(index)", title: "Document \(index)",
            parentId: parent.map { "https://example.com/doc/\($0)" }, content: .text("body \(index)"))
    }

    @Test("batches of adds, updates and deletes, single pushes and delete older than: no table copy")
    func pushSourceItems() async throws {
        let harness = EmulatorHarness()
        let client = try Self.client(harness)
        let session = client.session(sourceId: EmulatorHarness.source)
        for index in 0..<300 { try await session.addOrUpdate(Self.document(index, parent: index >= 200 ? 0 : nil)) }
        for index in 0..<50 { try await session.addOrUpdate(Self.document(index)) }
        for index in 100..<120 { try await session.delete(documentId: Self.document(index).documentId) }
        try await session.delete(documentId: Self.document(0).documentId, deleteChildren: true)
        let report = try await session.finish()
        #expect(report.batches > 3)
        try await client.addOrUpdate(Self.document(1_000), sourceId: EmulatorHarness.source)
        try await client.delete(documentId: Self.document(1).documentId, sourceId: EmulatorHarness.source)
        try await client.deleteOlderThan(orderingId: 1, sourceId: EmulatorHarness.source)
        #expect(await harness.service.items(sourceId: EmulatorHarness.source).count == 300 - 20 - 1 - 100 + 1 - 1)
        #expect(await harness.service.itemTableCopies == 0)
    }

    @Test("catalog updates, merges, partial updates and a load: no table copy")
    func catalogItems() async throws {
        let harness = EmulatorHarness()
        let client = try Self.client(harness)
        let update = client.catalogSession(sourceId: EmulatorHarness.source, mode: .update)
        for index in 0..<200 { try await update.addOrUpdate(Self.document(index)) }
        for index in 0..<20 {
            try await update.partialUpdate(
                .fieldValueReplace(documentId: Self.document(index).documentId, field: "rank", value: .integer(1)))
        }
        _ = try await update.finish()
        let merge = client.catalogSession(sourceId: EmulatorHarness.source, mode: .merge)
        for index in 150..<250 { try await merge.addOrUpdate(Self.document(index)) }
        _ = try await merge.finish()
        let load = client.catalogSession(sourceId: EmulatorHarness.source, mode: .load)
        for index in 0..<120 { try await load.addOrUpdate(Self.document(index)) }
        _ = try await load.finish()
        #expect(await harness.service.items(sourceId: EmulatorHarness.source).count == 120)
        #expect(await harness.service.itemTableCopies == 0)
    }

    @Test("an item's children are found through the index, and follow a change of parent")
    func childrenIndex() async throws {
        let harness = EmulatorHarness()
        let client = try Self.client(harness)
        let session = client.session(sourceId: EmulatorHarness.source)
        try await session.addOrUpdate(Self.document(1))
        try await session.addOrUpdate(Self.document(2))
        try await session.addOrUpdate(Self.document(3, parent: 1))
        try await session.addOrUpdate(Self.document(4, parent: 1))
        _ = try await session.finish()
        try await client.addOrUpdate(Self.document(4, parent: 2), sourceId: EmulatorHarness.source)
        try await client.delete(
            documentId: Self.document(1).documentId, sourceId: EmulatorHarness.source, deleteChildren: true)
        let left = await harness.service.items(sourceId: EmulatorHarness.source).map(\.documentId).sorted()
        #expect(left == [Self.document(2).documentId, Self.document(4).documentId])
    }

    @Test("a sample of the first items by ID and the count, and a lookup by ID, without listing every item")
    func sampleAndLookup() async throws {
        let harness = EmulatorHarness()
        let client = try Self.client(harness)
        let session = client.session(sourceId: EmulatorHarness.source)
        for index in (0..<250).reversed() { try await session.addOrUpdate(Self.document(index)) }
        _ = try await session.finish()
        let all = await harness.service.items(sourceId: EmulatorHarness.source).map(\.documentId)
        let sample = await harness.service.itemSample(sourceId: EmulatorHarness.source, limit: 20)
        #expect(sample.count == 250)
        #expect(sample.first.map(\.documentId) == Array(all.sorted().prefix(20)))
        #expect(await harness.service.itemSample(sourceId: "none", limit: 20).count == 0)
        let found = await harness.service.item(Self.document(7).documentId, sourceId: EmulatorHarness.source)
        #expect(found?.title == "Document 7")
        #expect(await harness.service.item("https://example.com/nope", sourceId: EmulatorHarness.source) == nil)
    }
}
