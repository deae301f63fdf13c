import CoveoPushTesting
import Foundation
import Testing

@Suite("Catalog sources end to end through the emulator")
struct CatalogEndToEndTests {
    static func product(_ index: Int, price: Double) -> Document {
        var document = Document(documentId: "https://shop.example.com/p/\(index)", title: "Product \(index)")
        document.metadata["ec_price"] = .double(price)
        document.metadata["ec_colors"] = .strings(["blue"])
        return document
    }

    /// An emulator failing 10% of requests before and 10% after applying them, and a client with small batches.
    static func emulated(seed: UInt64) throws -> (InMemoryPushService, PushClient) {
        let clock = TestClock()
        let service = InMemoryPushService(
            configuration: .init(faults: FaultPlan(seed: seed, failureBeforeRate: 0.1, failureAfterRate: 0.1)),
            clock: clock)
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(region: .us), organizationId: "org", credentials: .apiKey("k"))
        configuration.batchLimit = 2_000
        return (service, try PushClient(configuration: configuration, transport: service, clock: clock))
    }

    @Test("a full load replaces the catalog, then updates, partial updates and merges change it")
    func loadThenUpdate() async throws {
        let (service, client) = try Self.emulated(seed: 3)

        // An item that the load does not contain.
        let stale = client.catalogSession(sourceId: "shop")
        try await stale.addOrUpdate(Self.product(999, price: 1))
        _ = try await stale.finish()

        let load = client.catalogSession(sourceId: "shop", mode: .load)
        for index in 0..<30 { try await load.addOrUpdate(Self.product(index, price: Double(index))) }
        let loaded = try await load.finish()
        #expect(loaded.accepted == 30 && loaded.failed.isEmpty && loaded.batches > 1)
        var items = await service.items(organizationId: "org", sourceId: "shop")
        #expect(items.map(\.documentId).sorted() == (0..<30).map { "https://shop.example.com/p/\($0)" }.sorted())

        let update = client.catalogSession(sourceId: "shop")
        try await update.partialUpdate(
            .fieldValueReplace(documentId: "https://shop.example.com/p/1", field: "ec_price", value: 42.5))
        try await update.partialUpdate(
            .arrayAppend(documentId: "https://shop.example.com/p/2", field: "ec_colors", values: ["red"]))
        try await update.delete(documentId: "https://shop.example.com/p/3")
        let updated = try await update.finish()
        #expect(updated.accepted == 2 && updated.deleted == 1 && updated.failed.isEmpty)

        items = await service.items(organizationId: "org", sourceId: "shop")
        #expect(items.count == 29)
        let first = try #require(items.first { $0.documentId == "https://shop.example.com/p/1" })
        #expect(first.metadataValue("ec_price") == 42.5)
        let second = try #require(items.first { $0.documentId == "https://shop.example.com/p/2" })
        #expect(second.metadataValue("ec_colors") == ["blue", "red"])
    }

    @Test("a data collection gets the same load, update, merge and delete-older-than, in its own store")
    func dataCollection() async throws {
        let (service, client) = try Self.emulated(seed: 5)
        let collection = StreamTarget.dataCollection("shop")

        // A source of the same ID holds an item the collection's load must not touch.
        let source = client.catalogSession(sourceId: "shop")
        try await source.addOrUpdate(Self.product(999, price: 1))
        _ = try await source.finish()

        let load = client.catalogSession(target: collection, mode: .load)
        #expect(load.target == collection)
        for index in 0..<20 { try await load.addOrUpdate(Self.product(index, price: Double(index))) }
        let loaded = try await load.finish()
        #expect(loaded.accepted == 20 && loaded.failed.isEmpty && loaded.batches > 1)

        let update = client.catalogSession(target: collection, mode: .update(shard: "A1"))
        try await update.partialUpdate(
            .fieldValueReplace(documentId: "https://shop.example.com/p/1", field: "ec_price", value: 42.5))
        try await update.delete(documentId: "https://shop.example.com/p/3")
        let updated = try await update.finish()
        #expect(updated.accepted == 1 && updated.deleted == 1 && updated.failed.isEmpty)

        let merge = client.catalogSession(target: collection, mode: .merge)
        var merged = Document(documentId: "https://shop.example.com/p/2")
        merged.metadata["ec_name"] = .string("Second")
        try await merge.addOrUpdate(merged)
        #expect(try await merge.finish().accepted == 1)

        let items = await service.items(organizationId: "org", dataCollectionId: "shop")
        #expect(items.count == 19)
        #expect(items.first { $0.documentId == "https://shop.example.com/p/1" }?.metadataValue("ec_price") == 42.5)
        let second = try #require(items.first { $0.documentId == "https://shop.example.com/p/2" })
        #expect(second.metadataValue("ec_name") == "Second")
        #expect(second.metadataValue("ec_price") == 2.0)
        #expect(
            await service.items(organizationId: "org", sourceId: "shop").map(\.documentId) == [
                "https://shop.example.com/p/999"
            ])
        let paths = await service.requestLog.map(\.path).filter { $0.contains("/stream/") }
        let collectionPaths = paths.filter { $0.contains("/organizations/org/data-collections/shop/stream/") }
        for operation in ["/open", "/chunk", "/close", "/update", "/merge"] {
            #expect(collectionPaths.contains { $0.hasSuffix(operation) }, "no data-collection \(operation)")
        }
        // Only the source session's own update went to the source.
        #expect(
            paths.filter { !collectionPaths.contains($0) }.allSatisfy {
                $0 == "/push/v1/organizations/org/sources/shop/stream/update"
            })
        #expect(await service.requestLog.contains { $0.query?.contains("shard=A1") == true })

        // 50 minutes ahead: after every item's orderingId, within the hour the client allows.
        _ = try await client.deleteCatalogItemsOlderThan(Date().addingTimeInterval(3_000), target: collection)
        #expect(await service.items(organizationId: "org", dataCollectionId: "shop").isEmpty)
        #expect(await service.items(organizationId: "org", sourceId: "shop").count == 1)
    }
}
