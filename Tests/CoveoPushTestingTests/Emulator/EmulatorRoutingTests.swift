import CoveoPushTesting
import Foundation
import Testing

@Suite("InMemoryPushService: status, authentication and routing")
struct EmulatorRoutingTests {
    @Test("status changes are answered 201 and recorded with the clock's time, any case accepted")
    func status() async throws {
        let harness = EmulatorHarness()
        let first = try await harness.send(.post, "/sources/src/status?statusType=REBUILD")
        #expect(first.statusCode == 201)
        #expect(first.body.isEmpty)
        harness.clock.advance(by: .seconds(90))
        try await harness.send(.post, "/sources/src/status?statusType=idle", json: "{}")
        #expect(
            await harness.service.statusHistory(sourceId: "src") == [
                EmulatedStatusChange(status: .rebuild, elapsed: .zero),
                EmulatedStatusChange(status: .idle, elapsed: .seconds(90)),
            ])
        let missing = try await harness.send(.post, "/sources/src/status")
        #expect(missing.statusCode == 412)
        #expect(missing.emulatorErrorCode == "MISSING_PARAMETER")
        let unknown = try await harness.send(.post, "/sources/src/status?statusType=PAUSED")
        #expect(unknown.statusCode == 412)
        #expect(unknown.emulatorErrorCode == "INVALID_PARAMETER")
        #expect(await harness.service.counters.statusChanges == 2)
    }

    @Test(
        "authentication: a Bearer token is required; with a configured key, another token is 403",
        arguments: [
            (nil, nil, 401), (nil, "Bearer anything", 201), (nil, "Basic abc", 401), (nil, "Bearer", 401),
            (nil, "Bearer a b", 401), ("secret", "Bearer secret", 201), ("secret", "bearer secret", 201),
            ("secret", "Bearer other", 403), ("secret", nil, 401), ("secret", "", 401),
        ] as [(String?, String?, Int)])
    func authentication(key: String?, header: String?, status: Int) async throws {
        let harness = EmulatorHarness { $0.apiKey = key }
        let response = try await harness.send(
            .post, "/sources/src/status?statusType=IDLE", authorization: header)
        #expect(response.statusCode == status)
        if status == 401 { #expect(response.emulatorErrorCode == "INVALID_TOKEN") }
        if status == 403 { #expect(response.emulatorErrorCode == "ACCESS_DENIED") }
        #expect(await harness.service.statusHistory(sourceId: "src").count == (status == 201 ? 1 : 0))
    }

    @Test("the request log never holds the Authorization value, and the configuration never prints the key")
    func noSecrets() async throws {
        let harness = EmulatorHarness { $0.apiKey = "super-secret-key" }
        try await harness.send(.post, "/sources/src/status?statusType=IDLE", authorization: "Bearer super-secret-key")
        try await harness.send(.post, "/sources/src/status?statusType=IDLE", authorization: "Bearer wrong-secret")
        let log = await harness.service.requestLog
        #expect(log.count == 2)
        #expect(!"\(log)".contains("secret"))
        #expect(log.map(\.statusCode) == [201, 403])
        #expect(log.first?.path == "/push/v1/organizations/myorg/sources/src/status")
        #expect(log.first?.query == "statusType=IDLE")
        let configuration = harness.service.configuration
        #expect(!"\(configuration)".contains("super-secret"))
        #expect(!String(reflecting: configuration).contains("super-secret"))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("super-secret"))
    }

    @Test(
        "any host and base path ending in push/v1 reach the routes",
        arguments: [
            "https://api.cloud.coveo.com/push/v1", "https://api-eu.cloud.coveo.com/push/v1",
            "http://127.0.0.1:8080/push/v1", "http://localhost:1/prefix/push/v1",
        ])
    func basePaths(base: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(.post, "\(base)/organizations/o/sources/s/status?statusType=IDLE")
        #expect(response.statusCode == 201)
        #expect(await harness.service.statusHistory(sourceId: "s", organizationId: "o").count == 1)
    }

    @Test(
        "unknown paths are 404 and known paths with another method are 405",
        arguments: [
            (HTTPMethod.get, "/sources/src/documents", 405),
            (.post, "/sources/src/documents", 405),
            (.get, "/sources/src/status", 405),
            (.put, "/files", 405),
            (HTTPMethod(rawValue: "PATCH"), "/providers/p/mappings", 405),
            (.put, "/sources/src/documents/", 404),
            (.put, "/sources//documents", 404),
            (.put, "/sources/src/stream/open", 405),
            (.put, "/data-collections/dc/stream/open", 405),
            (.post, "/data-collections/dc/documents", 404),
            (.post, "/data-collections//stream/open", 404),
            (.put, "/nothing", 404),
            (.get, "https://api.cloud.coveo.com/", 404),
            (.get, "https://push.cloud.coveo.com/v1/organizations/myorg/sources/src/documents", 404),
            (.put, "https://emulator.invalid/upload", 404),
        ] as [(HTTPMethod, String, Int)])
    func unknownRoutes(method: HTTPMethod, path: String, status: Int) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(method, path, json: "{}")
        #expect(response.statusCode == status)
        if status == 405 { #expect(response.headers["Allow"] != nil) }
        #expect(await harness.service.requestLog.last?.route == nil)
    }

    @Test("percent-encoded identifiers in the path are decoded")
    func encodedPath() async throws {
        let harness = EmulatorHarness()
        try await harness.send(
            .put,
            "https://api.cloud.coveo.com/push/v1/organizations/my%20org/sources/a%2Fb/documents?documentId=file%3Ax",
            json: "{}")
        #expect(
            await harness.service.items(organizationId: "my org", sourceId: "a/b").map(\.documentId) == ["file:x"])
    }

    @Test("the request log keeps the most recent requests up to its limit")
    func logLimit() async throws {
        let harness = EmulatorHarness { $0.requestLogLimit = 3 }
        for index in 0..<10 { try await harness.putItem("file://\(index)", "{}") }
        let log = await harness.service.requestLog
        #expect(log.count == 3)
        #expect(log.last?.query?.contains("file%3A%2F%2F9") == true)
        #expect(await harness.service.counters.requests == 10)
    }
}
