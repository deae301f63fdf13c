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

    @Test("a full load replaces the catalog, then updates, partial updates and merges change it")
    func loadThenUpdate() async throws {
        let clock = TestClock()
        let service = InMemoryPushService(
            configuration: .init(faults: FaultPlan(seed: 3, failureBeforeRate: 0.1, failureAfterRate: 0.1)), clock: clock)
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(region: .us), organizationId: "org", credentials: .apiKey("k"))
        configuration.batchLimit = 2_000
        let client = try PushClient(configuration: configuration, transport: service, clock: clock)

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
        try await update.partialUpdate(.fieldValueReplace(documentId: "https://shop.example.com/p/1", field: "ec_price", value: 42.5))
        try await update.partialUpdate(.arrayAppend(documentId: "https://shop.example.com/p/2", field: "ec_colors", values: ["red"]))
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
}
