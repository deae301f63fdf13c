import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: item batches")
struct EmulatorBatchTests {
    @Test("a batch with valid and invalid items gets 202; the valid ones are stored, the others dropped and counted")
    func mixedBatch() async throws {
        let harness = EmulatorHarness { $0.limits.maxPermissionsPerItem = 1 }
        let zlib = try Compression.compress(Data("zipped".utf8), as: .zlib).base64EncodedString()
        let response = try await harness.pushBatch(
            """
            {"addOrUpdate": [
                {"documentId": "file://ok1", "data": "one", "title": "One"},
                {"data": "no id"},
                {"documentId": "file://two-contents", "data": "x", "compressedBinaryDataFileId": "f"},
                {"documentId": "file://bad-base64", "compressedBinaryData": "%%%", "compressionType": "ZLIB"},
                {"documentId": "file://perms", "permissions": [{"allowedPermissions": [
                    {"identity": "a", "identityType": "User"}, {"identity": "b", "identityType": "User"}]}]},
                "not an object",
                {"documentId": "file://ok2", "compressedBinaryData": "\(zlib)", "compressionType": "ZLIB"}
             ],
             "delete": [{"documentId": "file://gone"}, {"deleteChildren": true}],
             "members": [{"identity": {"name": "x", "type": "USER"}}]}
            """)
        #expect(response.statusCode == 202)
        #expect(await harness.documentIds() == ["file://ok1", "file://ok2"])
        #expect(await harness.item("file://ok2")?.text == "zipped")
        let dropped = await harness.service.droppedItems
        #expect(
            dropped.map(\.reason) == [
                .missingDocumentId, .multipleContents, .undecodableContent, .tooManyPermissions, .notAnObject,
                .missingDocumentId, .unknownSection,
            ])
        #expect(
            dropped.map(\.identifier) == [
                nil, "file://two-contents", "file://bad-base64", "file://perms", nil, nil, nil,
            ])
        #expect(
            dropped.map(\.section) == [
                "addOrUpdate", "addOrUpdate", "addOrUpdate", "addOrUpdate", "addOrUpdate", "delete", "members",
            ])
        #expect(dropped.allSatisfy { $0.fileId != nil && $0.targetId == "src" && $0.organizationId == "myorg" })
        let counters = await harness.service.counters
        #expect(counters.acceptedItems == 2)
        #expect(counters.deletedItems == 1)
        #expect(counters.droppedItems == 7)
        #expect(counters.itemBatches == 1)
    }

    @Test("non-URI document IDs and keys an item may not hold are dropped from a batch, which still gets 202")
    func batchDropsRequestLevelProblems() async throws {
        let harness = EmulatorHarness()
        let response = try await harness.pushBatch(
            """
            {"addOrUpdate": [
                {"documentId": "not-a-uri", "data": "x"},
                {"documentId": "file://ordered", "data": "x", "orderingId": 5},
                {"documentId": "file://children", "deleteChildren": true},
                {"documentId": "file://bad-base64", "compressedBinaryData": "not base64!"},
                {"documentId": "file://ok", "data": "x"}
             ],
             "delete": [{"documentId": "nope"}]}
            """)
        #expect(response.statusCode == 202)
        #expect(await harness.documentIds() == ["file://ok"])
        let dropped = await harness.service.droppedItems
        #expect(
            dropped.map(\.reason) == [
                .invalidDocumentId, .reservedKey, .reservedKey, .undecodableContent, .invalidDocumentId,
            ])
        #expect(
            dropped.map(\.identifier) == [
                "not-a-uri", "file://ordered", "file://children", "file://bad-base64", "nope",
            ])
        #expect(dropped.map(\.section) == ["addOrUpdate", "addOrUpdate", "addOrUpdate", "addOrUpdate", "delete"])
    }

    @Test("section names are case-insensitive: AddOrUpdate and Delete work")
    func pascalCaseSections() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://old", "{}")
        try await harness.pushBatch(
            #"{"AddOrUpdate": [{"DocumentId": "file://new"}], "Delete": [{"DocumentId": "file://old"}]}"#)
        #expect(await harness.documentIds() == ["file://new"])
        #expect(await harness.service.droppedItems.isEmpty)
    }

    @Test(
        "a batch file that is not a JSON object of arrays is dropped whole, nothing applied",
        arguments: [
            "not json", "[]", #"{"addOrUpdate": {"documentId": "file://x"}}"#,
            #"{"addOrUpdate": [{"documentId": "file://x"}], "addorupdate": []}"#,
            #"{"addOrUpdate": [{"documentId": "file://x"}]"#, "",
        ])
    func malformedBatch(text: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.pushBatch(text)
        #expect(response.statusCode == 202)
        #expect(await harness.documentIds().isEmpty)
        #expect(await harness.service.droppedItems.map(\.reason) == [.malformedBatchFile])
    }

    @Test("batch entries share the batch's orderingId (explicit or receipt time); deletes honour it")
    func batchOrdering() async throws {
        let harness = EmulatorHarness()
        try await harness.pushBatch(
            #"{"addOrUpdate": [{"documentId": "file://a", "data": "v50"}]}"#, query: "&orderingId=50")
        try await harness.pushBatch(
            #"{"addOrUpdate": [{"documentId": "file://a", "data": "v40"}]}"#, query: "&orderingId=40")
        #expect(await harness.item("file://a")?.data == "v50")
        try await harness.pushBatch(#"{"delete": [{"documentId": "file://a"}]}"#, query: "&orderingId=45")
        #expect(await harness.item("file://a")?.data == "v50")
        try await harness.pushBatch(#"{"delete": [{"documentId": "file://a"}]}"#)
        #expect(await harness.documentIds().isEmpty)
        let bad = try await harness.send(.put, "/sources/src/documents/batch?fileId=x&orderingId=soon")
        #expect(bad.statusCode == 412)
    }

    @Test("entries apply in file order: a later entry for the same item wins")
    func fileOrder() async throws {
        let harness = EmulatorHarness()
        try await harness.pushBatch(
            """
            {"addOrUpdate": [{"documentId": "file://a", "data": "first"}],
             "delete": [{"documentId": "file://a"}],
             "AddOrUpdate2": []}
            """)
        #expect(await harness.documentIds().isEmpty)
        try await harness.pushBatch(
            #"{"delete": [{"documentId": "file://a"}], "addOrUpdate": [{"documentId": "file://a", "data": "second"}]}"#)
        #expect(await harness.item("file://a")?.data == "second")
    }

    @Test("a batch delete with deleteChildren removes the children")
    func batchDeleteChildren() async throws {
        let harness = EmulatorHarness()
        try await harness.pushBatch(
            """
            {"addOrUpdate": [{"documentId": "file://p"}, {"documentId": "file://p/c", "parentId": "file://p"}]}
            """)
        try await harness.pushBatch(#"{"delete": [{"documentId": "file://p", "deleteChildren": true}]}"#)
        #expect(await harness.documentIds().isEmpty)
        try await harness.pushBatch(#"{"delete": [{"documentId": "file://p", "deleteChildren": "yes"}]}"#)
        #expect(await harness.service.droppedItems.map(\.reason) == [.invalidValue])
    }
}
