import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPush

@Suite("CatalogSession (Stream API)")
struct CatalogSessionTests {
    static func client(_ transport: RecordingTransport) throws -> PushClient {
        try PushClient(configuration: ClientFixtures.configuration(), transport: transport, clock: TestClock())
    }

    static func product(_ index: Int) -> Document {
        var document = Document(documentId: "https://shop.example.com/p/\(index)", title: "Product \(index)")
        document.metadata["ec_price"] = 10.5
        return document
    }

    @Test("updates carry addOrUpdate, delete and validated partialUpdate entries to stream/update")
    func update() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .init(method: .post, pathContains: "/files"),
            reply: .response(.fileContainer(uploadUri: "https://upload.test/f", fileId: "f", requiredHeaders: [:])),
            repeatingLast: true)
        await transport.on(
            .init(pathContains: "/stream/update"),
            reply: .response(.json(202, #"{"orderingId": 5, "requestId": "r"}"#)), repeatingLast: true)
        let session = try Self.client(transport).catalogSession(sourceId: "shop")
        try await session.addOrUpdate(Self.product(1))
        try await session.partialUpdate(
            .arrayAppend(documentId: "https://shop.example.com/p/2", field: "ec_colors", values: ["red"]))
        try await session.partialUpdate(
            .dictionaryPut(documentId: "https://shop.example.com/p/3", field: "ec_stock", entries: ["mtl": 3]))
        try await session.delete(documentId: "https://shop.example.com/p/4")
        await #expect(throws: PushError.self) {
            try await session.partialUpdate(
                PartialUpdate(
                    documentId: "https://shop.example.com/p/2", operator: .arrayAppend, field: "ec_colors", value: "red"
                ))
        }
        await #expect(throws: PushError.self) {
            try await session.partialUpdate(
                .dictionaryRemove(documentId: "https://shop.example.com/p/2", field: "documentId", keys: ["a"]))
        }
        let report = try await session.finish()
        #expect(report.accepted == 3 && report.deleted == 1 && report.failed.count == 2 && report.batches == 1)
        let batch = try #require(await transport.uploadedBatches().first)
        #expect(batch.addOrUpdateIds == ["https://shop.example.com/p/1"])
        #expect(batch.deleteIds == ["https://shop.example.com/p/4"])
        #expect(batch.partialUpdate.map { $0["operator"] } == ["arrayAppend", "dictionaryPut"])
        let uploaded = try #require(await transport.requests.first { $0.request.url.host == "upload.test" }?.body)
        let object = try #require(try JSONSerialization.jsonObject(with: uploaded) as? [String: Any])
        let partials = try #require(object["partialUpdate"] as? [[String: Any]])
        #expect(partials.first?["value"] as? [String] == ["red"])
        #expect((partials.last?["value"] as? [String: Int]) == ["mtl": 3])
    }

    @Test("a partial update of an item added in the same batch goes to the next batch")
    func partialAfterAdd() async throws {
        let transport = await ClientFixtures.acceptingTransport()
        let session = try Self.client(transport).catalogSession(sourceId: "shop")
        try await session.addOrUpdate(Self.product(1))
        try await session.partialUpdate(
            .fieldValueReplace(documentId: "https://shop.example.com/p/1", field: "ec_price", value: 8))
        let report = try await session.finish()
        #expect(report.batches == 2 && report.accepted == 2, "\(report) \(report.failed)")
    }

    @Test("a full load uploads chunks of one stream and counts them accepted only once the close is answered")
    func load() async throws {
        for closeStatus in [200, 400] {
            let transport = RecordingTransport()
            await transport.on(
                .init(pathContains: "/stream/open"),
                reply: .response(
                    .json(
                        201,
                        #"{"streamId": "s1", "uploadUri": "https://upload.test/open", "fileId": "o", "requiredHeaders": {}}"#
                    )))
            await transport.on(
                .init(pathContains: "/stream/s1/chunk"),
                reply: .response(
                    .json(200, #"{"uploadUri": "https://upload.test/chunk", "fileId": "c", "requiredHeaders": {}}"#)),
                repeatingLast: true)
            await transport.on(
                .init(pathContains: "/stream/s1/close"),
                reply: .response(
                    closeStatus == 200
                        ? .json(200, #"{"orderingId": 9, "requestId": "r"}"#)
                        : .coveoError(status: 400, errorCode: "INVALID_JSON")))
            await transport.setDefaultAnswer(.response(.empty(200)))
            let client = try PushClient(
                configuration: ClientFixtures.configuration { $0.batchLimit = 700 }, transport: transport,
                clock: TestClock())
            let session = client.catalogSession(sourceId: "shop", mode: .load)
            for index in 0..<6 { try await session.addOrUpdate(Self.product(index)) }
            let report = try await session.finish()
            let paths = await transport.requests.map { $0.request.url.path }
            #expect(paths.filter { $0.hasSuffix("/stream/open") }.count == 1)
            #expect(paths.last?.hasSuffix("/stream/s1/close") == true)
            #expect(!paths.contains { $0.hasSuffix("/files") })
            let chunks = paths.filter { $0.hasSuffix("/stream/s1/chunk") }.count
            #expect(chunks > 1)
            if closeStatus == 200 {
                #expect(
                    report.accepted == 6 && report.failed.isEmpty && report.batches == chunks, "\(report) \(chunks)")
            } else {
                #expect(report.accepted == 0 && report.failed.count == 6)
                #expect(report.failed.allSatisfy { $0.error.errorCode == "INVALID_JSON" })
            }
        }
    }

    @Test("an empty full load is refused: it would delete the whole catalog")
    func emptyLoad() async throws {
        let transport = RecordingTransport()
        let session = try Self.client(transport).catalogSession(sourceId: "shop", mode: .load)
        let error = await #expect(throws: PushError.self) { _ = try await session.finish() }
        #expect(error?.code == .invalidInput)
        #expect(await transport.requests.isEmpty)
    }

    @Test("deleteCatalogItemsOlderThan posts the date in epoch milliseconds with the queue delay and reads the result")
    func deleteCatalogItemsOlderThan() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .init(method: .post, pathContains: "/stream/deleteolderthan/"),
            reply: .response(.json(201, #"{"orderingId": 1700000000123, "requestId": "req-9"}"#)))
        let client = try Self.client(transport)
        let result = try await client.deleteCatalogItemsOlderThan(
            Date(timeIntervalSince1970: 1_700_000_000.1239), sourceId: "shop", queueDelay: 5)
        #expect(result == StreamOperationResult(orderingId: 1_700_000_000_123, requestId: "req-9"))
        let sent = try #require(await transport.requests.first?.request)
        #expect(sent.url.path.hasSuffix("/sources/shop/stream/deleteolderthan/1700000000123"))
        #expect(sent.url.query == "queueDelay=5")
        await #expect(throws: PushError.self) {
            try await client.deleteCatalogItemsOlderThan(Date(), sourceId: "", queueDelay: nil)
        }
    }
}
