import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: items")
struct EmulatorItemTests {
    @Test("an item pushed with data is stored with its metadata, permissions and receipt-time orderingId")
    func addItemWithData() async throws {
        let harness = EmulatorHarness()
        let response = try await harness.putItem(
            "https://example.com/a?x=1&y=2",
            """
            {"documentId": "https://example.com/a?x=1&y=2", "data": "<p>Hello</p>", "title": "Hello",
             "fileExtension": ".html", "views": 42, "ratio": 0.5, "tags": ["a", "b"], "public": true,
             "permissions": [{"allowAnonymous": false,
                              "allowedPermissions": [{"identity": "Staff", "identityType": "Group"}]}]}
            """)
        #expect(response.statusCode == 202)
        #expect(response.headers["x-request-id"] != nil)
        let item = try #require(await harness.item("https://example.com/a?x=1&y=2"))
        #expect(item.contentKind == .data)
        #expect(item.data == "<p>Hello</p>")
        #expect(item.text == "<p>Hello</p>")
        #expect(item.title == "Hello")
        #expect(item.fileExtension == ".html")
        #expect(item.metadata["views"] == 42)
        #expect(item.metadata["ratio"] == 0.5)
        #expect(item.metadata["tags"] == ["a", "b"])
        #expect(item.metadata["public"] == true)
        #expect(item.metadata["documentId"] == nil)
        #expect(item.metadataValue("TITLE") == "Hello")
        #expect(item.orderingId == EmulatorHarness.epochMilliseconds)
        #expect(
            item.permissionsText
                == #"[{"allowAnonymous":false,"allowedPermissions":[{"identity":"Staff","identityType":"Group"}]}]"#)
        #expect(item.permissions == .sets([PermissionSet(allowed: [.group("Staff")])]))
        #expect(await harness.service.counters.acceptedItems == 1)
    }

    @Test("keys are case-insensitive: DocumentId, Data and ParentId are understood")
    func caseInsensitiveKeys() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem(
            "file://a", #"{"DocumentId": "file://a", "Data": "text", "ParentId": "file://p", "Author": "me"}"#)
        let item = try #require(await harness.item("file://a"))
        #expect(item.data == "text")
        #expect(item.parentId == "file://p")
        #expect(item.metadata == ["Author": "me"])
    }

    @Test(
        "request errors are answered with the service's codes",
        arguments: [
            ("?compressionType=ZLIB", #"{"data": "x"}"#, "application/json", 412, "MISSING_PARAMETER"),
            ("?documentId=", #"{"data": "x"}"#, "application/json", 412, "INVALID_PARAMETER"),
            ("?documentId=not-a-uri", #"{"data": "x"}"#, "application/json", 412, "INVALID_PARAMETER"),
            ("?documentId=file%3A", #"{"data": "x"}"#, "application/json", 412, "INVALID_PARAMETER"),
            ("?documentId=1file%3A%2F%2Fa", #"{"data": "x"}"#, "application/json", 412, "INVALID_PARAMETER"),
            ("?documentId=file%3A%2F%2Fa%0Ab", #"{"data": "x"}"#, "application/json", 412, "INVALID_PARAMETER"),
            (
                "?documentId=file%3A%2F%2Fa&orderingId=abc", #"{"data": "x"}"#, "application/json", 412,
                "INVALID_PARAMETER"
            ),
            (
                "?documentId=file%3A%2F%2Fa&orderingId=-5", #"{"data": "x"}"#, "application/json", 412,
                "INVALID_PARAMETER"
            ),
            (
                "?documentId=file%3A%2F%2Fa&orderingId=99999999999999999999999", #"{"data": "x"}"#,
                "application/json", 412, "INVALID_PARAMETER"
            ),
            (
                "?documentId=file%3A%2F%2Fa&compressionType=BROTLI", #"{"data": "x"}"#, "application/json", 412,
                "INVALID_PARAMETER"
            ),
            (
                "?documentId=file%3A%2F%2Fa", #"{"documentId": "file://b", "data": "x"}"#, "application/json", 412,
                "INVALID_PARAMETER"
            ),
            ("?documentId=file%3A%2F%2Fa", #"{"data": "x""#, "application/json", 400, "INVALID_JSON"),
            ("?documentId=file%3A%2F%2Fa", #"["data"]"#, "application/json", 400, "INVALID_JSON"),
            ("?documentId=file%3A%2F%2Fa", #"{"data": "x", "Data": "y"}"#, "application/json", 400, "INVALID_JSON"),
            ("?documentId=file%3A%2F%2Fa", #"{"data": "x", "data": "y"}"#, "application/json", 400, "INVALID_JSON"),
            ("?documentId=file%3A%2F%2Fa", #"{"data": "x"}"#, "text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"),
            ("?documentId=file%3A%2F%2Fa", "", "application/json", 412, "MISSING_PARAMETER"),
        ] as [(String, String, String, Int, String)])
    func requestErrors(query: String, body: String, contentType: String, status: Int, code: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(
            .put, "/sources/src/documents\(query)", json: body, contentType: contentType)
        #expect(response.statusCode == status)
        #expect(response.emulatorErrorCode == code)
        #expect(await harness.documentIds().isEmpty)
        let log = await harness.service.requestLog
        #expect(log.last?.statusCode == status)
        #expect(log.last?.errorCode == code)
        #expect(log.last?.route == .addOrUpdateDocument)
    }

    @Test("a missing Content-Type on a JSON body is 415, and application/json with a charset is accepted")
    func contentTypes() async throws {
        let harness = EmulatorHarness()
        let missing = try await harness.send(
            .put, "/sources/src/documents?documentId=file%3A%2F%2Fa", json: "{}", contentType: nil)
        #expect(missing.statusCode == 415)
        let charset = try await harness.send(
            .put, "/sources/src/documents?documentId=file%3A%2F%2Fa", json: "{}",
            contentType: "Application/JSON; charset=utf-8")
        #expect(charset.statusCode == 202)
    }

    @Test("a body over the request limit is 413, in memory or as a file")
    func tooLarge() async throws {
        let harness = EmulatorHarness { $0.limits.maxRequestBytes = 100 }
        let json = #"{"data": "\#(String(repeating: "x", count: 200))"}"#
        let response = try await harness.putItem("file://a", json)
        #expect(response.statusCode == 413)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-\(UUID().uuidString)")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let request = TransportRequest(
            method: .put,
            url: try #require(
                URL(string: EmulatorHarness.apiBase + "/sources/src/documents?documentId=file%3A%2F%2Fa")),
            headers: ["Authorization": "Bearer k", "Content-Type": "application/json"])
        let fromFile = try await harness.service.send(request, body: .file(url))
        #expect(fromFile.statusCode == 413)
        #expect(await harness.documentIds().isEmpty)
    }

    @Test("a body file that cannot be read is a transport error, not an answer")
    func unreadableFile() async throws {
        let harness = EmulatorHarness()
        let request = TransportRequest(
            method: .put,
            url: try #require(
                URL(string: EmulatorHarness.apiBase + "/sources/src/documents?documentId=file%3A%2F%2Fx")),
            headers: ["Authorization": "Bearer k", "Content-Type": "application/json"])
        await #expect(throws: TransportError.self) {
            try await harness.service.send(request, body: .file(URL(fileURLWithPath: "/nonexistent/emulator/body")))
        }
    }

    @Test(
        "single items breaking a rule the API checks on reading are refused at once: 412 naming the parameter",
        arguments: [
            (#"{"data": "x", "compressedBinaryData": "eA=="}"#, "documentBody"),
            (#"{"data": "x", "compressedBinaryDataFileId": "f"}"#, "documentBody"),
            (#"{"compressedBinaryData": "not base64!"}"#, "compressedBinaryData"),
            (#"{"compressedBinaryData": "eA="}"#, "compressedBinaryData"),
            (#"{"compressedBinaryData": "eA==", "compressionType": "BZIP2"}"#, "compressionType"),
            (#"{"permissions": {"allowAnonymous": true}}"#, "permissions"),
            (#"{"permissions": [{"allowedPermissions": [{"identityType": "User"}]}]}"#, "permissions"),
            (#"{"data": 5}"#, "data"),
            (#"{"parentId": ["a"]}"#, "parentId"),
            (#"{"data": "x", "orderingId": 5}"#, "orderingId"),
            (#"{"data": "x", "DeleteChildren": true}"#, "deleteChildren"),
            // A downstream problem (nested metadata) does not hide a request-level one.
            (#"{"nested": [[1]], "permissions": 3}"#, "permissions"),
        ] as [(String, String)])
    func refusedSingleItems(json: String, parameter: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.putItem("file://a", json)
        #expect(response.statusCode == 412)
        #expect(response.emulatorErrorCode == "INVALID_PARAMETER")
        #expect(String(decoding: response.body, as: UTF8.self).contains("Parameter '\(parameter)' is invalid"))
        #expect(await harness.documentIds().isEmpty)
        #expect(await harness.service.droppedItems.isEmpty)
    }

    @Test(
        "items the service would refuse downstream get 202 and are dropped with a reason",
        arguments: [
            (#"{"compressedBinaryData": "AAAA"}"#, DroppedItem.Reason.undecodableContent),
            (#"{"nested": [[1]]}"#, .unsupportedMetadataValue),
            (#"{"nested": {"a": {"b": 1}}}"#, .unsupportedMetadataValue),
        ] as [(String, DroppedItem.Reason)])
    func droppedSingleItems(json: String, reason: DroppedItem.Reason) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.putItem("file://a", json)
        #expect(response.statusCode == 202)
        #expect(await harness.documentIds().isEmpty)
        let dropped = await harness.service.droppedItems
        #expect(dropped.map(\.reason) == [reason])
        #expect(dropped.first?.identifier == "file://a")
        #expect(dropped.first?.section == nil)
        #expect(await harness.service.counters.droppedItems == 1)
    }

    @Test("more than the permission limit drops the item; the limit itself is accepted")
    func permissionLimit() async throws {
        let harness = EmulatorHarness { $0.limits.maxPermissionsPerItem = 3 }
        func permissions(_ count: Int) -> String {
            let identities = (0..<count).map { #"{"identity": "u\#($0)", "identityType": "User"}"# }
            let list = identities.joined(separator: ",")
            return #"{"permissions": [{"permissionSets": [{"allowedPermissions": [\#(list)]}]}]}"#
        }
        #expect(try await harness.putItem("file://ok", permissions(3)).statusCode == 202)
        #expect(try await harness.putItem("file://big", permissions(4)).statusCode == 202)
        #expect(await harness.documentIds() == ["file://ok"])
        #expect(await harness.service.droppedItems.map(\.reason) == [.tooManyPermissions])
        let levels = try #require(await harness.item("file://ok")?.permissions)
        guard case .levels(let decoded) = levels else {
            Issue.record("expected the complete permission model")
            return
        }
        #expect(decoded.first?.sets.first?.allowed.count == 3)
    }

    @Test("data over the data limit is dropped as too large")
    func dataLimit() async throws {
        let harness = EmulatorHarness { $0.limits.maxDataBytes = 4 }
        try await harness.putItem("file://a", #"{"data": "12345"}"#)
        #expect(await harness.service.droppedItems.map(\.reason) == [.contentTooLarge])
    }

    @Test("an update with a lower orderingId never overwrites; an equal or higher one does")
    func orderingIdSemantics() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://a", #"{"data": "v10"}"#, query: "&orderingId=10")
        try await harness.putItem("file://a", #"{"data": "v5"}"#, query: "&orderingId=5")
        #expect(await harness.item("file://a")?.data == "v10")
        try await harness.putItem("file://a", #"{"data": "v10b"}"#, query: "&orderingId=10")
        #expect(await harness.item("file://a")?.data == "v10b")
        try await harness.putItem("file://a", #"{"data": "v11"}"#, query: "&orderingId=11")
        #expect(await harness.item("file://a")?.data == "v11")
        #expect(await harness.item("file://a")?.orderingId == 11)
        #expect(await harness.service.counters.staleEntries == 1)
    }

    @Test("a delete older than the stored item is ignored; a deletion blocks older updates")
    func deleteOrdering() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://a", #"{"data": "v"}"#, query: "&orderingId=20")
        try await harness.deleteItem("file://a", query: "&orderingId=10")
        #expect(await harness.documentIds() == ["file://a"])
        try await harness.deleteItem("file://a", query: "&orderingId=30")
        #expect(await harness.documentIds().isEmpty)
        try await harness.putItem("file://a", #"{"data": "late"}"#, query: "&orderingId=25")
        #expect(await harness.documentIds().isEmpty)
        try await harness.putItem("file://a", #"{"data": "new"}"#, query: "&orderingId=31")
        #expect(await harness.item("file://a")?.data == "new")
        let counters = await harness.service.counters
        #expect(counters.deletedItems == 1)
        #expect(counters.removedItems == 1)
        #expect(counters.staleEntries == 2)
    }

    @Test("receipt times increase by at least a millisecond and follow the injected clock")
    func receiptTimes() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://a", "{}")
        try await harness.putItem("file://b", "{}")
        harness.clock.advance(by: .seconds(5))
        try await harness.putItem("file://c", "{}")
        let ids = await harness.service.items(sourceId: "src").map(\.orderingId)
        let base = EmulatorHarness.epochMilliseconds
        #expect(ids == [base, base + 1, base + 5_000])
    }

    @Test("deleteChildren removes the item and the items whose parentId is it")
    func deleteChildren() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://parent", "{}")
        try await harness.putItem("file://parent/1", #"{"parentId": "file://parent"}"#)
        try await harness.putItem("file://parent/2", #"{"parentId": "file://parent"}"#)
        try await harness.putItem("file://other", #"{"parentId": "file://elsewhere"}"#)
        try await harness.putItem("file://keep", "{}")
        try await harness.deleteItem("file://keep", query: "&deleteChildren=false")
        #expect(await harness.documentIds() == ["file://other", "file://parent", "file://parent/1", "file://parent/2"])
        let response = try await harness.deleteItem("file://parent", query: "&deleteChildren=true")
        #expect(response.statusCode == 202)
        #expect(await harness.documentIds() == ["file://other"])
        #expect(await harness.service.counters.removedItems == 4)
    }

    @Test(
        "delete errors",
        arguments: [
            ("", 412, "MISSING_PARAMETER"),
            ("?documentId=file%3A%2F%2Fa&deleteChildren=yes", 412, "INVALID_PARAMETER"),
            ("?documentId=nope", 412, "INVALID_PARAMETER"),
            ("?documentId=", 412, "INVALID_PARAMETER"),
            ("?documentId=file%3A%2F%2Fa&orderingId=1.5", 412, "INVALID_PARAMETER"),
        ] as [(String, Int, String)])
    func deleteErrors(query: String, status: Int, code: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(.delete, "/sources/src/documents\(query)")
        #expect(response.statusCode == status)
        #expect(response.emulatorErrorCode == code)
    }

    @Test("delete older than removes items with a strictly lower orderingId and blocks older updates")
    func deleteOlderThan() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://old", "{}", query: "&orderingId=100")
        try await harness.putItem("file://same", "{}", query: "&orderingId=200")
        try await harness.putItem("file://new", "{}", query: "&orderingId=300")
        let response = try await harness.send(
            .delete, "/sources/src/documents/olderthan?orderingId=200&queueDelay=0")
        #expect(response.statusCode == 202)
        #expect(await harness.documentIds() == ["file://new", "file://same"])
        try await harness.putItem("file://late", "{}", query: "&orderingId=150")
        #expect(await harness.documentIds() == ["file://new", "file://same"])
        #expect(await harness.service.counters.removedItems == 1)
    }

    @Test(
        "delete older than needs a valid orderingId and queueDelay",
        arguments: [
            ("", "MISSING_PARAMETER"), ("?orderingId=x", "INVALID_PARAMETER"),
            ("?orderingId=5&queueDelay=-1", "INVALID_PARAMETER"),
            ("?orderingId=5&queueDelay=99999999999", "INVALID_PARAMETER"),
        ])
    func deleteOlderThanErrors(query: String, code: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(.delete, "/sources/src/documents/olderthan\(query)")
        #expect(response.statusCode == 412)
        #expect(response.emulatorErrorCode == code)
    }

    @Test("sources and organizations are separate and created on first use")
    func scopes() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://a", "{}")
        try await harness.send(
            .put,
            "https://api.cloud.coveo.com/push/v1/organizations/other/sources/src/documents?documentId=file%3A%2F%2Fb",
            json: "{}")
        try await harness.send(.put, "/sources/second/documents?documentId=file%3A%2F%2Fc", json: "{}")
        #expect(await harness.service.items(organizationId: "myorg", sourceId: "src").map(\.documentId) == ["file://a"])
        #expect(await harness.service.items(organizationId: "other", sourceId: "src").map(\.documentId) == ["file://b"])
        #expect(await harness.service.items(sourceId: "src").map(\.documentId) == ["file://a", "file://b"])
        #expect(await harness.service.items(sourceId: "second").map(\.documentId) == ["file://c"])
    }
}
