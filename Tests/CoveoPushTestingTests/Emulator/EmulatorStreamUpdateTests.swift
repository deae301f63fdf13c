import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: stream update, partial updates, merge and delete-older-than")
struct EmulatorStreamUpdateTests {
    static let product = """
        {"addOrUpdate": [{"documentId": "file://p", "title": "T", "tags": ["a", "b"], "color": "red",
                          "attrs": {"k1": "v1", "k2": "v2"}, "data": "body", "fileExtension": ".txt"}]}
        """

    @Test("update answers 202 with the orderingId it gave the items; addOrUpdate replaces whole items")
    func update() async throws {
        let harness = EmulatorHarness()
        let first = try await harness.streamFile(Self.product)
        #expect(first.statusCode == 202)
        let firstResult = try first.streamResult()
        #expect(await harness.item("file://p")?.orderingId == firstResult.orderingId)
        let second = try await harness.streamFile(
            """
            {"addOrUpdate": [{"documentId": "file://p", "price": 12}, {"documentId": "file://q"}],
             "delete": [{"documentId": "file://absent"}]}
            """)
        let result = try second.streamResult()
        let orderingId = try #require(result.orderingId)
        #expect(orderingId > (firstResult.orderingId ?? .max))
        #expect(result.requestId != firstResult.requestId)
        let item = try #require(await harness.item("file://p"))
        #expect(item.metadata == ["price": 12])
        #expect(item.data == nil)
        #expect(item.fileExtension == nil)
        #expect(item.orderingId == orderingId)
        try await harness.streamFile(#"{"delete": [{"documentId": "file://q"}]}"#)
        #expect(await harness.documentIds() == ["file://p"])
        let counters = await harness.service.counters
        #expect(counters.streamUpdates == 3)
        #expect(counters.acceptedItems == 3)
        #expect(counters.deletedItems == 2)
        #expect(await harness.service.requestLog.last?.route == .updateStream)
    }

    @Test(
        "update and merge refuse a bad fileId or shard like the batch routes",
        arguments: [
            ("update", "", 412, "MISSING_PARAMETER"),
            ("update", "?fileId=", 412, "INVALID_PARAMETER"),
            ("merge", "", 412, "MISSING_PARAMETER"),
            ("update", "?fileId=nope", 404, "FILE_CONTAINER_NOT_FOUND"),
            ("merge", "?fileId=nope", 404, "FILE_CONTAINER_NOT_FOUND"),
            ("update", "?fileId=nope&shard=", 412, "INVALID_PARAMETER"),
            ("update", "?fileId=nope&shard=abcdefghijk", 412, "INVALID_PARAMETER"),
            ("update", "?fileId=nope&shard=a-b", 412, "INVALID_PARAMETER"),
            ("update", "?fileId=nope&shard=%C3%A9", 412, "INVALID_PARAMETER"),
            ("update", "?fileId=nope&shard=Shard07", 404, "FILE_CONTAINER_NOT_FOUND"),
        ] as [(String, String, Int, String)])
    func parameters(operation: String, query: String, status: Int, code: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(.put, "\(EmulatorHarness.streamPath)/\(operation)\(query)")
        #expect(response.statusCode == status)
        #expect(response.emulatorErrorCode == code)
    }

    @Test("a valid shard is accepted; a consumed or never-uploaded container answers 404")
    func containers() async throws {
        let harness = EmulatorHarness()
        let container = try await harness.createContainer()
        let empty = try await harness.send(.put, "\(EmulatorHarness.streamPath)/update?fileId=\(container.fileId)")
        #expect(empty.statusCode == 404)
        try await harness.uploadJSON(#"{"addOrUpdate": [{"documentId": "file://a"}]}"#, to: container)
        let path = "\(EmulatorHarness.streamPath)/update?fileId=\(container.fileId)&shard=s1"
        #expect(try await harness.send(.put, path).statusCode == 202)
        let again = try await harness.send(.put, path)
        #expect(again.statusCode == 404)
        #expect(again.emulatorErrorCode == "FILE_CONTAINER_NOT_FOUND")
        #expect(await harness.documentIds() == ["file://a"])
    }

    @Test(
        "each partial update operator changes one field of an existing item (operator names ignore case)",
        arguments: [
            ("arrayAppend", "tags", #"["c"]"#, ["a", "b", "c"]),
            ("ARRAYAPPEND", "tags", #"["c", "a"]"#, ["a", "b", "c", "a"]),
            ("arrayAppend", "sizes", #"["S"]"#, ["S"]),
            ("arrayAppend", "color", #"["blue"]"#, ["red", "blue"]),
            ("arrayRemove", "tags", #"["a", "z"]"#, ["b"]),
            ("ArrayRemove", "sizes", #"["S"]"#, nil),
            ("fieldValueReplace", "color", #""blue""#, "blue"),
            ("FIELDVALUEREPLACE", "price", "9.5", 9.5),
            ("fieldValueReplace", "color", "null", nil),
            ("fieldValueReplace", "TAGS", #"["z"]"#, ["z"]),
            ("dictionaryPut", "attrs", #"{"k2": "new", "k3": 3}"#, ["k1": "v1", "k2": "new", "k3": 3]),
            ("dictionaryput", "extra", #"{"a": true}"#, ["a": true]),
            ("dictionaryRemove", "attrs", #""k1""#, ["k2": "v2"]),
            ("DICTIONARYREMOVE", "attrs", #"["k1", "k2", "zz"]"#, [:]),
        ] as [(String, String, String, JSONValue?)])
    func partialOperators(name: String, field: String, value: String, expected: JSONValue?) async throws {
        let harness = EmulatorHarness()
        try await harness.streamFile(Self.product)
        let response = try await harness.streamFile(
            """
            {"partialUpdate": [{"documentId": "file://p", "operator": "\(name)", "field": "\(field)",
                                "value": \(value)}]}
            """)
        #expect(response.statusCode == 202)
        #expect(await harness.service.droppedItems.isEmpty)
        let item = try #require(await harness.item("file://p"))
        #expect(item.metadataValue(field) == expected)
        #expect(item.title == "T")
        #expect(item.data == "body")
        #expect(item.fileExtension == ".txt")
        #expect(item.orderingId == (try response.streamResult().orderingId))
        if field == "TAGS" { #expect(item.metadata.keys.contains("tags")) }
        #expect(await harness.service.counters.partialUpdates == 1)
    }

    @Test("a partial update of a missing item is dropped and counted; it does not create the item")
    func partialOnMissingItem() async throws {
        let harness = EmulatorHarness()
        try await harness.streamFile(
            """
            {"partialUpdate": [{"documentId": "file://ghost", "operator": "fieldValueReplace", "field": "price",
                                "value": 1}]}
            """)
        #expect(await harness.documentIds().isEmpty)
        let dropped = try #require(await harness.service.droppedItems.first)
        #expect(dropped.reason == .missingItem)
        #expect(dropped.identifier == "file://ghost")
        #expect(dropped.section == "partialUpdate")
        #expect(dropped.fileId != nil)
        let counters = await harness.service.counters
        #expect(counters.droppedItems == 1)
        #expect(counters.partialUpdates == 0)
    }

    @Test("a stream file's entries with a document ID that is not a URI are dropped; the request gets 202")
    func nonURIDocumentIds() async throws {
        let harness = EmulatorHarness()
        let response = try await harness.streamFile(
            """
            {"addOrUpdate": [{"documentId": "plain", "data": "x"}, {"documentId": "file://ok", "data": "x"}],
             "delete": [{"documentId": "gone"}],
             "partialUpdate": [{"documentId": "p", "operator": "fieldValueReplace", "field": "price", "value": 1}]}
            """)
        #expect(response.statusCode == 202)
        #expect(await harness.documentIds() == ["file://ok"])
        let dropped = await harness.service.droppedItems
        #expect(dropped.map(\.reason) == [.invalidDocumentId, .invalidDocumentId, .invalidDocumentId])
        #expect(dropped.map(\.section) == ["addOrUpdate", "delete", "partialUpdate"])
    }

    /// A partial update entry of `file://p`: `rest` is the text after its `documentId`.
    static func entry(_ rest: String) -> String { #"{"documentId": "file://p", "# + rest + "}" }

    @Test(
        "partial updates with a missing field or a value of the wrong shape are dropped with a reason",
        arguments: [
            (
                entry(#""operator": "arrayAppend", "field": "tags", "value": "c""#),
                DroppedItem.Reason.invalidPartialUpdate
            ),
            (entry(#""operator": "arrayRemove", "field": "tags", "value": {"a": 1}"#), .invalidPartialUpdate),
            (entry(#""operator": "arrayAppend", "field": "tags", "value": [["x"]]"#), .invalidPartialUpdate),
            (entry(#""operator": "dictionaryPut", "field": "attrs", "value": ["a"]"#), .invalidPartialUpdate),
            (entry(#""operator": "dictionaryPut", "field": "attrs", "value": {"a": {}}"#), .invalidPartialUpdate),
            (entry(#""operator": "dictionaryRemove", "field": "attrs", "value": 3"#), .invalidPartialUpdate),
            (entry(#""operator": "dictionaryRemove", "field": "attrs", "value": ["a", 1]"#), .invalidPartialUpdate),
            (entry(#""operator": "fieldValueReplace", "field": "color", "value": [[1]]"#), .invalidPartialUpdate),
            (entry(#""operator": "fieldValueReplace", "field": "color""#), .invalidPartialUpdate),
            (entry(#""operator": "fieldValueReplace", "value": "x""#), .invalidPartialUpdate),
            (entry(#""operator": "fieldValueReplace", "field": "", "value": "x""#), .invalidPartialUpdate),
            (entry(#""operator": "fieldValueReplace", "field": "documentId", "value": "x""#), .invalidPartialUpdate),
            (entry(#""operator": "fieldValueReplace", "field": "DATA", "value": "x""#), .invalidPartialUpdate),
            (entry(#""operator": "arrayAppend", "field": "attrs", "value": ["x"]"#), .invalidPartialUpdate),
            (entry(#""operator": "dictionaryPut", "field": "color", "value": {"a": 1}"#), .invalidPartialUpdate),
            (entry(#""operator": "arrayInsert", "field": "tags", "value": ["x"]"#), .unknownOperator),
            (entry(#""field": "tags", "value": ["x"]"#), .unknownOperator),
            (entry(#""operator": 3, "field": "tags", "value": ["x"]"#), .unknownOperator),
            (#"{"operator": "arrayAppend", "field": "tags", "value": ["x"]}"#, .missingDocumentId),
            (#""file://p""#, .notAnObject),
        ] as [(String, DroppedItem.Reason)])
    func badPartialUpdates(entry: String, reason: DroppedItem.Reason) async throws {
        let harness = EmulatorHarness()
        try await harness.streamFile(Self.product)
        let before = try #require(await harness.item("file://p"))
        let response = try await harness.streamFile(#"{"partialUpdate": [\#(entry)]}"#)
        #expect(response.statusCode == 202)
        #expect(await harness.item("file://p") == before)
        let dropped = await harness.service.droppedItems
        #expect(dropped.map(\.reason) == [reason])
        #expect(dropped.first?.section == "partialUpdate")
        #expect(dropped.first?.message.isEmpty == false)
        let counters = await harness.service.counters
        #expect(counters.droppedItems == 1)
        #expect(counters.partialUpdates == 0)
    }

    @Test("entries of an update apply in file order: a partial update after the addOrUpdate of the same item works")
    func fileOrder() async throws {
        let harness = EmulatorHarness()
        try await harness.streamFile(
            """
            {"addOrUpdate": [{"documentId": "file://n", "tags": ["a"]}],
             "partialUpdate": [{"documentId": "file://n", "operator": "arrayAppend", "field": "tags", "value": ["b"]},
                               {"documentId": "file://n", "operator": "arrayAppend", "field": "tags", "value": ["c"]}],
             "members": [{"identity": {"name": "x"}}]}
            """)
        #expect(await harness.item("file://n")?.metadata["tags"] == ["a", "b", "c"])
        #expect(await harness.service.droppedItems.map(\.reason) == [.unknownSection])
        #expect(await harness.service.counters.partialUpdates == 2)
    }

    @Test("merge creates missing items and sets the given fields of existing ones, keeping the others")
    func merge() async throws {
        let harness = EmulatorHarness()
        try await harness.streamFile(Self.product)
        let response = try await harness.streamFile(
            """
            {"addOrUpdate": [{"documentId": "file://p", "Color": "blue", "price": 5},
                             {"documentId": "file://new", "title": "Created"}]}
            """, operation: "merge")
        #expect(response.statusCode == 202)
        let orderingId = try #require(try response.streamResult().orderingId)
        let item = try #require(await harness.item("file://p"))
        #expect(
            item.metadata == [
                "title": "T", "tags": ["a", "b"], "Color": "blue", "attrs": ["k1": "v1", "k2": "v2"], "price": 5,
            ])
        #expect(item.data == "body")
        #expect(item.fileExtension == ".txt")
        #expect(item.orderingId == orderingId)
        #expect(await harness.item("file://new")?.title == "Created")
        try await harness.streamFile(
            #"{"addOrUpdate": [{"documentId": "file://p", "data": "new body"}]}"#, operation: "merge")
        let replaced = try #require(await harness.item("file://p"))
        #expect(replaced.data == "new body")
        #expect(replaced.text == "new body")
        #expect(replaced.title == "T")
        let counters = await harness.service.counters
        #expect(counters.streamMerges == 2)
        #expect(counters.streamUpdates == 1)
        #expect(await harness.service.requestLog.last?.route == .mergeStream)
    }

    @Test("deleteolderthan answers 201 and removes the items with a lower orderingId")
    func deleteOlderThan() async throws {
        let harness = EmulatorHarness()
        let old = try await harness.streamFile(#"{"addOrUpdate": [{"documentId": "file://old"}]}"#)
        let cutoff = try #require(try old.streamResult().orderingId) + 1
        try await harness.streamFile(#"{"addOrUpdate": [{"documentId": "file://new"}]}"#)
        let response = try await harness.send(
            .post, "\(EmulatorHarness.streamPath)/deleteolderthan/\(cutoff)?queueDelay=0")
        #expect(response.statusCode == 201)
        let result = try response.streamResult()
        #expect((result.orderingId ?? 0) > cutoff)
        #expect(result.requestId?.isEmpty == false)
        #expect(await harness.documentIds() == ["file://new"])
        #expect(await harness.service.requestLog.last?.route == .deleteStreamOlderThan)
        try await harness.putItem("file://late", "{}", query: "&orderingId=\(cutoff - 1)")
        #expect(await harness.documentIds() == ["file://new"])
    }

    @Test(
        "deleteolderthan refuses a cutoff or queueDelay that is not a non-negative integer",
        arguments: ["/soon", "/-5", "/1.5", "/99999999999999999999", "/5?queueDelay=-1", "/5?queueDelay=x"])
    func deleteOlderThanParameters(suffix: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(.post, "\(EmulatorHarness.streamPath)/deleteolderthan\(suffix)")
        #expect(response.statusCode == 412)
        #expect(response.emulatorErrorCode == "INVALID_PARAMETER")
    }
}
