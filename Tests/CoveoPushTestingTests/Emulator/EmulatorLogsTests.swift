import CoveoPushTesting
import Foundation
import Testing

/// The emulator's Logs API: the entries it writes as it applies items, the query's filters and paging, the
/// indexing delay and downstream refusals.
@Suite("InMemoryPushService: the Logs API")
struct EmulatorLogsTests {
    static let logsBase = "https://api.cloud.coveo.com/logs/v1/organizations/myorg"
    /// A window around the harness's fixed wall clock (2023-11-14T22:13:20Z).
    static let window = "from=2023-11-14T00:00:00Z&to=2023-11-15T00:00:00Z"

    /// One entry of an answer, as a plain dictionary.
    typealias Entry = [String: Any]

    /// `POST /logs/v1/organizations/myorg?<window>&<query>` with `body`; the entries and `hasNextPage`.
    static func search(
        _ harness: EmulatorHarness, query: String = "", body: String = "{}"
    ) async throws -> (entries: [Entry], hasNextPage: Bool) {
        let response = try await harness.send(
            .post, "\(logsBase)?\(window)\(query.isEmpty ? "" : "&" + query)", json: body)
        #expect(response.statusCode == 200, "\(String(decoding: response.body, as: UTF8.self))")
        let object = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        let entries = try #require(object["documentLogEntries"] as? [Entry])
        return (entries, try #require(object["hasNextPage"] as? Bool))
    }

    /// `task operation result` of each entry.
    static func summaries(_ entries: [Entry]) -> [String] {
        entries.map { "\($0["task"] ?? "") \($0["operation"] ?? "") \($0["result"] ?? "")" }
    }

    @Test("an added item is consumed, then indexed; the answer carries the API's keys")
    func addedItem() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://a", #"{"data": "x"}"#)
        let (entries, hasNextPage) = try await Self.search(harness, query: "documentId=file%3A%2F%2Fa")
        #expect(Self.summaries(entries) == ["CONSUMING ADD COMPLETED", "INDEXING ADD COMPLETED"])
        #expect(!hasNextPage)
        let first = try #require(entries.first)
        #expect(
            Set(first.keys) == [
                "datetime", "guid", "id", "meta", "operation", "organizationId", "requestId", "resourceId", "result",
                "sourceId", "task",
            ])
        #expect(first["id"] as? String == "file://a")
        #expect(first["sourceId"] as? String == "src")
        #expect(first["organizationId"] as? String == "myorg")
        #expect((first["datetime"] as? String)?.hasPrefix("2023-11-14T22:13:20") == true)
        #expect(Set(entries.compactMap { $0["guid"] as? String }).count == 2)
    }

    @Test("deletes, stale updates, dropped entries and batch files get their entries")
    func everyKind() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://p", #"{"data": "x"}"#, query: "&orderingId=10")
        try await harness.putItem("file://c", #"{"data": "x", "parentId": "file://p"}"#, query: "&orderingId=10")
        try await harness.putItem("file://p", #"{"data": "old"}"#, query: "&orderingId=5")
        try await harness.deleteItem("file://p", query: "&orderingId=20&deleteChildren=true")
        try await harness.pushBatch(#"{"addOrUpdate": [{"documentId": "file://b", "data": "x"}, {"documentId": "file://bad", "compressedBinaryData": "%%%"}]}"#)
        let parent = try await Self.search(harness, query: "documentId=file%3A%2F%2Fp").entries
        #expect(
            Self.summaries(parent) == [
                "CONSUMING ADD COMPLETED", "INDEXING ADD COMPLETED", "CONSUMING ADD SKIPPED",
                "CONSUMING DELETE_AND_CHILDREN COMPLETED", "INDEXING DELETE COMPLETED",
            ])
        #expect((parent[2]["meta"] as? [String: String])?["reason"] == "staleOrderingId")
        let child = try await Self.search(harness, query: "documentId=file%3A%2F%2Fc").entries
        #expect(Self.summaries(child).suffix(1) == ["INDEXING DELETE COMPLETED"])
        let bad = try await Self.search(harness, query: "documentId=file%3A%2F%2Fbad").entries
        #expect(Self.summaries(bad) == ["CONSUMING ADD REJECTED"])
        #expect((bad.first?["meta"] as? [String: String])?["reason"] == "undecodableContent")
        let batches = try await Self.search(harness, body: #"{"operations": ["BATCH_FILE"]}"#).entries
        #expect(Self.summaries(batches) == ["CONSUMING_BATCH BATCH_FILE COMPLETED"])
    }

    @Test("filters: include lists win over exclude lists; PARTIAL and WILDCARD document matching; both source keys")
    func filters() async throws {
        let harness = EmulatorHarness()
        for name in ["a1", "a2", "b1"] { try await harness.putItem("file://\(name)", #"{"data": "x"}"#) }
        let indexed = try await Self.search(
            harness, body: #"{"tasks": ["INDEXING"], "excludeTasks": ["INDEXING"], "results": ["COMPLETED"]}"#)
        #expect(indexed.entries.map { $0["id"] as? String } == ["file://a1", "file://a2", "file://b1"])
        let excluded = try await Self.search(harness, body: #"{"excludeTasks": ["CONSUMING"]}"#)
        #expect(excluded.entries.count == 3)
        let partial = try await Self.search(harness, query: "documentId=a&documentIdMatching=PARTIAL")
        #expect(partial.entries.count == 4)
        let wildcard = try await Self.search(
            harness, query: "documentId=file%3A%2F%2F%3F1&documentIdMatching=wildcard",
            body: #"{"tasks": ["INDEXING"]}"#)
        #expect(wildcard.entries.map { $0["id"] as? String } == ["file://a1", "file://b1"])
        #expect(try await Self.search(harness, body: #"{"sourcesIds": ["other"]}"#).entries.isEmpty)
        #expect(try await Self.search(harness, body: #"{"sourceIds": ["src"]}"#).entries.count == 6)
    }

    @Test("pages: 0-based, hasNextPage until the last, perPage capped at 1,000")
    func paging() async throws {
        let harness = EmulatorHarness()
        let items = (0..<1_100).map { #"{"documentId": "file://\#($0)", "data": "x"}"# }
        try await harness.pushBatch(#"{"addOrUpdate": [\#(items.joined(separator: ","))]}"#)
        let body = #"{"tasks": ["INDEXING"]}"#
        let capped = try await Self.search(harness, query: "perPage=5000", body: body)
        #expect(capped.entries.count == 1_000)
        #expect(capped.hasNextPage)
        let last = try await Self.search(harness, query: "perPage=1000&page=1", body: body)
        #expect(last.entries.count == 100)
        #expect(!last.hasNextPage)
        let small = try await Self.search(harness, query: "perPage=3&page=2", body: body)
        #expect(small.entries.map { $0["id"] as? String } == ["file://6", "file://7", "file://8"])
        #expect(try await Self.search(harness, query: "page=99", body: body).entries.isEmpty)
    }

    @Test("with an indexing delay the INDEXING entry is served only once the delay has passed")
    func indexingDelay() async throws {
        let harness = EmulatorHarness { $0.indexing = .init(delay: .seconds(2)) }
        try await harness.putItem("file://a", #"{"data": "x"}"#)
        #expect(Self.summaries(try await Self.search(harness).entries) == ["CONSUMING ADD COMPLETED"])
        harness.clock.advance(by: .milliseconds(1_500))
        #expect(try await Self.search(harness).entries.count == 1)
        harness.clock.advance(by: .milliseconds(600))
        #expect(
            Self.summaries(try await Self.search(harness).entries) == [
                "CONSUMING ADD COMPLETED", "INDEXING ADD COMPLETED",
            ])
        #expect(await harness.service.logEntries(id: "file://a").count == 2)
    }

    @Test("an item refused downstream is answered 202, not stored, and logged REJECTED with a reason")
    func downstreamRejection() async throws {
        let harness = EmulatorHarness { $0.indexing = .init(rejectedDocumentIds: ["file://no"]) }
        let response = try await harness.putItem("file://no", #"{"data": "x"}"#)
        #expect(response.statusCode == 202)
        try await harness.putItem("file://yes", #"{"data": "x"}"#)
        #expect(await harness.documentIds() == ["file://yes"])
        #expect(await harness.service.counters.rejectedItems == 1)
        let entries = try await Self.search(harness, query: "documentId=file%3A%2F%2Fno").entries
        #expect(Self.summaries(entries) == ["CONSUMING ADD COMPLETED", "INDEXING ADD REJECTED"])
        #expect((entries.last?["meta"] as? [String: String])?["reason"] == "rejectedDownstream")
    }

    @Test("the rejection rate is a pure function of the seed and the ID, near the rate asked for")
    func rejectionRate() {
        let indexing = InMemoryPushService.Indexing(rejectionRate: 0.2, seed: 9)
        let ids = (0..<5_000).map { "file://item/\($0)" }
        let rejected = ids.filter { indexing.rejection(of: $0) != nil }
        #expect((800...1_200).contains(rejected.count))
        #expect(rejected == ids.filter { InMemoryPushService.Indexing(rejectionRate: 0.2, seed: 9).rejection(of: $0) != nil })
        #expect(rejected != ids.filter { InMemoryPushService.Indexing(rejectionRate: 0.2, seed: 10).rejection(of: $0) != nil })
        #expect(ids.allSatisfy { InMemoryPushService.Indexing().rejection(of: $0) == nil })
    }

    @Test("bad queries are refused with 412 (or 400 for a body that is not JSON)", arguments: [
        ("", "{}", 412, "MISSING_PARAMETER"),
        ("from=2023-11-14T00:00:00Z", "{}", 412, "MISSING_PARAMETER"),
        ("from=2023-11-01T00:00:00Z&to=2023-11-09T00:00:01Z", "{}", 412, "INVALID_PARAMETER"),
        ("from=2023-11-15T00:00:00Z&to=2023-11-14T00:00:00Z", "{}", 412, "INVALID_PARAMETER"),
        ("from=yesterday&to=2023-11-14T00:00:00Z", "{}", 412, "INVALID_PARAMETER"),
        ("from=2023-11-14T00:00:00%2B02:00&to=2023-11-14T10:00:00.5Z&perPage=0", "{}", 412, "INVALID_PARAMETER"),
        ("from=2023-11-14T00:00:00Z&to=2023-11-15T00:00:00Z", #"{"results": ["DONE"]}"#, 412, "INVALID_PARAMETER"),
        ("from=2023-11-14T00:00:00Z&to=2023-11-15T00:00:00Z", #"{"tasks": "INDEXING"}"#, 412, "INVALID_PARAMETER"),
        ("from=2023-11-14T00:00:00Z&to=2023-11-15T00:00:00Z", "{", 400, "INVALID_JSON"),
    ])
    func refusals(query: String, body: String, status: Int, errorCode: String) async throws {
        let harness = EmulatorHarness()
        let response = try await harness.send(.post, "\(Self.logsBase)?\(query)", json: body)
        #expect(response.statusCode == status)
        #expect(response.emulatorErrorCode == errorCode)
    }

    @Test("offsets and fractions are read; GET is not allowed; the route is authenticated")
    func routeRules() async throws {
        let harness = EmulatorHarness()
        try await harness.putItem("file://a", #"{"data": "x"}"#)
        let offset = try await harness.send(
            .post, "\(Self.logsBase)?from=2023-11-14T23:00:00.000%2B02:00&to=2023-11-14T23:30:00%2B01:00", json: "{}")
        #expect(offset.statusCode == 200)
        #expect(String(decoding: offset.body, as: UTF8.self).contains("file://a"))
        #expect(try await harness.send(.get, "\(Self.logsBase)?\(Self.window)").statusCode == 405)
        let anonymous = try await harness.send(
            .post, "\(Self.logsBase)?\(Self.window)", json: "{}", authorization: nil)
        #expect(anonymous.statusCode == 401)
    }

    @Test("discard mode writes no entries")
    func discardMode() async throws {
        let harness = EmulatorHarness { $0.discardContent = true }
        try await harness.putItem("file://a", #"{"data": "x"}"#)
        #expect(try await Self.search(harness).entries.isEmpty)
    }
}
