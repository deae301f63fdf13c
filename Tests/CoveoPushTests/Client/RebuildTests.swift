import CoveoPushTesting
import Foundation
import Testing

@Suite("PushClient.rebuild: a closure, a sequence or an async sequence, with the same rules")
struct RebuildTests {
    static let organization = "org"
    static let source = "src"
    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    /// A client over a fresh emulator whose clocks stand still at `epoch`.
    static func setUp() throws -> (PushClient, InMemoryPushService) {
        let service = InMemoryPushService(
            configuration: .init(currentDate: { RebuildTests.epoch }), clock: TestClock())
        var configuration = PushClient.Configuration(
            endpoint: .us, organizationId: organization, credentials: .apiKey("xx-key"))
        configuration.wallClock = { RebuildTests.epoch }
        configuration.jitterSeed = 1
        return (try PushClient(configuration: configuration, transport: service, clock: TestClock()), service)
    }

    static func document(_ name: String) -> Document {
        Document(documentId: "https://example.com/\(name)", title: name, content: .text("about \(name)"))
    }

    /// Seeds the source with `old` and `kept`, pushed an hour before the rebuild.
    static func seed(_ client: PushClient) async throws {
        let earlier = Int64(epoch.timeIntervalSince1970 * 1000) - 3_600_000
        let report = try await client.push([document("old"), document("kept")], sourceId: source, orderingId: earlier)
        #expect(report.accepted == 2)
    }

    static func ids(_ service: InMemoryPushService) async -> [String] {
        await service.items(sourceId: source).map(\.documentId).sorted()
    }

    static func statuses(_ service: InMemoryPushService) async -> [SourceStatus] {
        await service.statusHistory(sourceId: source).map(\.status)
    }

    @Test("the closure form feeds one session; items the crawl did not see are deleted, inside REBUILD … IDLE")
    func closureRebuild() async throws {
        let (client, service) = try Self.setUp()
        try await Self.seed(client)
        let report = try await client.rebuild(sourceId: Self.source) { session in
            try await session.addOrUpdate(Self.document("kept"))
            try await session.addOrUpdate(Self.document("new"))
        }
        #expect(report.isComplete && report.accepted == 2)
        #expect(await Self.ids(service) == ["https://example.com/kept", "https://example.com/new"])
        #expect(await Self.statuses(service) == [.rebuild, .idle])
    }

    @Test("an error thrown by the closure cancels the session, deletes nothing, sets IDLE and is rethrown")
    func closureFailure() async throws {
        struct CrawlFailed: Error {}
        let (client, service) = try Self.setUp()
        try await Self.seed(client)
        await #expect(throws: CrawlFailed.self) {
            try await client.rebuild(sourceId: Self.source) { session in
                try await session.addOrUpdate(Self.document("new"))
                throw CrawlFailed()
            }
        }
        #expect(await Self.ids(service) == ["https://example.com/kept", "https://example.com/old"])
        #expect(await Self.statuses(service) == [.rebuild, .idle])
    }

    @Test("a refused document in a sequence is reported and then nothing is deleted")
    func sequenceWithInvalidDocument() async throws {
        let (client, service) = try Self.setUp()
        try await Self.seed(client)
        let invalid = Document(documentId: "not a uri", title: "bad")
        let report = try await client.rebuild([Self.document("kept"), invalid], sourceId: Self.source)
        #expect(report.accepted == 1)
        #expect(report.failed.map(\.documentId) == ["not a uri"])
        #expect(!report.isComplete)
        #expect(await Self.ids(service) == ["https://example.com/kept", "https://example.com/old"])
        #expect(await Self.statuses(service) == [.rebuild, .idle])
    }

    @Test("the async sequence form reads documents as they come and deletes what it did not see")
    func asyncSequenceRebuild() async throws {
        let (client, service) = try Self.setUp()
        try await Self.seed(client)
        let (stream, continuation) = AsyncStream<Document>.makeStream()
        continuation.yield(Self.document("kept"))
        continuation.yield(Self.document("fresh"))
        continuation.finish()
        let report = try await client.rebuild(stream, sourceId: Self.source)
        #expect(report.isComplete && report.accepted == 2)
        #expect(await Self.ids(service) == ["https://example.com/fresh", "https://example.com/kept"])
        #expect(await Self.statuses(service) == [.rebuild, .idle])
    }

    @Test("every batch of a rebuild carries the rebuild's orderingId, which delete older than uses")
    func oneOrderingId() async throws {
        let (client, service) = try Self.setUp()
        _ = try await client.rebuild(sourceId: Self.source, orderingId: 1_699_999_999_000) { session in
            try await session.addOrUpdate(Self.document("one"))
        }
        let items = await service.items(sourceId: Self.source)
        #expect(items.map(\.orderingId) == [1_699_999_999_000])
    }
}
