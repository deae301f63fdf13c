import CoveoPushTesting
import Foundation
import Testing

/// `withStatus` always attempts IDLE; after a cancellation, once and within a second.
@Suite("PushClient.withStatus: IDLE after the work")
struct WithStatusTests {
    struct CrawlFailed: Error {}

    static func idleRequests(_ transport: RecordingTransport) async -> [TransportRequest] {
        await transport.requests(matching: .init(pathContains: "/status")).map(\.request)
            .filter { $0.url.query == "statusType=IDLE" }
    }

    static func client(_ transport: RecordingTransport) throws -> PushClient {
        try PushClient(configuration: ClientFixtures.configuration(), transport: transport, clock: TestClock())
    }

    @Test("after a cancellation, IDLE gets one attempt with a 1-second timeout, even when it fails")
    func idleAfterCancellation() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .init(pathContains: "/status"), reply: .response(.empty(201)), .response(.empty(503)), repeatingLast: true)
        let client = try Self.client(transport)
        let task = Task {
            try await client.withStatus(.incremental, sourceId: "src") {
                withUnsafeCurrentTask { $0?.cancel() }
                throw CancellationError()
            }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        let idle = await Self.idleRequests(transport)
        #expect(idle.count == 1)
        #expect(idle.first?.timeout == .seconds(1))
    }

    @Test("without a cancellation, a failing IDLE is retried like any request, with the usual timeout")
    func idleRetriedOtherwise() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .init(pathContains: "/status"), reply: .response(.empty(201)), .response(.empty(503)), repeatingLast: true)
        let client = try Self.client(transport)
        await #expect(throws: CrawlFailed.self) {
            try await client.withStatus(.incremental, sourceId: "src") { throw CrawlFailed() }
        }
        let idle = await Self.idleRequests(transport)
        #expect(idle.count == client.configuration.retryPolicy.maxAttempts)
        #expect(idle.first?.timeout == client.configuration.requestTimeout)
    }
}
