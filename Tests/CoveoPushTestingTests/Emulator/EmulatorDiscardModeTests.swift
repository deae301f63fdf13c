import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: discard mode")
struct EmulatorDiscardModeTests {
    @Test("discard mode validates and counts everything and stores nothing")
    func countsWithoutStoring() async throws {
        let harness = EmulatorHarness { $0.discardContent = true }
        try await harness.send(.post, "/sources/src/status?statusType=REBUILD")
        #expect(try await harness.putItem("file://a", #"{"data": "x"}"#).statusCode == 202)
        #expect(try await harness.putItem("file://b", #"{"nested": [[1]]}"#).statusCode == 202)
        #expect(
            try await harness.putItem("file://b", #"{"data": "x", "compressedBinaryData": "eA=="}"#).statusCode == 412)
        #expect(try await harness.putItem("file://c", #"{"data": "#).statusCode == 400)
        try await harness.deleteItem("file://a")
        let binary = try await harness.createContainer()
        try await harness.upload(try Compression.compress(Data("big".utf8), as: .zlib), to: binary)
        try await harness.putItem("file://d", #"{"compressedBinaryDataFileId": "\#(binary.fileId)"}"#)
        let batch = """
            {"addOrUpdate": [{"documentId": "file://e"}, {"documentId": "file://f", "data": 1}, {"title": "no id"}],
             "delete": [{"documentId": "file://g"}]}
            """
        #expect(try await harness.pushBatch(batch).statusCode == 202)
        #expect(try await harness.pushBatch("garbage").statusCode == 202)
        try await harness.send(
            .put, "/providers/prov/permissions", json: #"{"identity": {"name": "A", "type": "USER"}}"#)
        try await harness.pushIdentityBatch(
            #"{"members": [{"identity": {"name": "B", "type": "USER"}}], "deleted": [{"identity": {"name": "A"}}]}"#)

        let counters = await harness.service.counters
        #expect(counters.acceptedItems == 3)
        #expect(counters.deletedItems == 2)
        #expect(counters.removedItems == 0)
        #expect(counters.itemBatches == 2)
        #expect(counters.identityBatches == 1)
        #expect(counters.identitiesUpdated == 2)
        #expect(counters.statusChanges == 1)
        #expect(counters.uploads == 4)
        #expect(counters.droppedItems == 5)
        #expect(counters.requestBytes > 0)
        #expect(
            await harness.service.droppedItems.map(\.reason) == [
                .unsupportedMetadataValue, .invalidValue, .missingDocumentId, .malformedBatchFile, .invalidIdentity,
            ])
        #expect(await harness.service.items(sourceId: "src").isEmpty)
        #expect(await harness.service.identities(provider: "prov").members.isEmpty)
        #expect(await harness.service.statusHistory(sourceId: "src").isEmpty)
        #expect(await harness.service.openFileContainers.isEmpty)
    }
}
