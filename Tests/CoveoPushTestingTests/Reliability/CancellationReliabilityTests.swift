import CoveoPushTesting
import Foundation
import Testing

/// A cancelled push stops sending, deletes its files, and still attempts `IDLE`.
@Suite("Reliability: cancellation")
struct CancellationReliabilityTests {
    static func small(_ index: Int) -> Document {
        var document = Document(documentId: "https://example.com/lazy/\(index)")
        document.title = "Lazy \(index)"
        document.content = .text(String(repeating: "x", count: 100 + index % 200))
        return document
    }

    static func setUp() throws -> (PushClient, InMemoryPushService, URL) {
        let clock = TestClock()
        let service = InMemoryPushService(
            configuration: .init(apiKey: reliabilityKey, faults: FaultPlan(seed: 4, failureBeforeRate: 0.05)),
            clock: clock)
        var configuration = PushClient.Configuration(
            endpoint: .production, organizationId: "org", credentials: .apiKey(try APIKey(reliabilityKey)))
        configuration.batchLimit = 20_000
        configuration.batchMemoryThreshold = 2_048
        configuration.uploadConcurrency = 4
        configuration.jitterSeed = 3
        let directory = try SecretsAndFilesTests.freshDirectory()
        configuration.temporaryDirectory = directory
        return (try PushClient(configuration: configuration, transport: service, clock: clock), service, directory)
    }

    @Test("cancelling a push of 100,000 lazy documents stops all requests, removes files, attempts IDLE")
    func cancelFromInside() async throws {
        let (client, service, directory) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let documents = (0..<100_000).lazy.map { index -> Document in
            if index == 3_000 { withUnsafeCurrentTask { $0?.cancel() } }
            return Self.small(index)
        }
        await #expect(throws: CancellationError.self) {
            try await client.withStatus(.incremental, sourceId: "src") {
                try await client.push(documents, sourceId: "src")
            }
        }
        let before = await service.requestLog.count
        for _ in 0..<200 { await Task.yield() }
        let after = await service.requestLog.count
        #expect(before == after)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        let log = await service.requestLog
        #expect(log.last?.route == .setSourceStatus)
        let statuses = await service.statusHistory(sourceId: "src", organizationId: "org").map(\.status)
        #expect(statuses.last == .idle)
        // Far fewer than 100,000 documents were sent, and whatever was accepted is really there.
        let items = await service.items(organizationId: "org", sourceId: "src")
        #expect(items.count < 5_000)
    }

    @Test("cancelling the task from outside mid-push stops all requests and removes files")
    func cancelFromOutside() async throws {
        let (client, service, directory) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let box = TaskBox()
        let commits = Tally()
        var configuration = client.configuration
        configuration.logHandler = { event in
            if event.phase == .response, event.operation == .pushDocumentBatch, commits.next("c") == 5 {
                box.cancel()
            }
        }
        let watched = try PushClient(configuration: configuration, transport: service, clock: TestClock())
        let task = Task {
            try await watched.withStatus(.incremental, sourceId: "src") {
                try await watched.push((0..<100_000).lazy.map(Self.small), sourceId: "src")
            }
        }
        box.set(task)
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        let before = await service.requestLog.count
        for _ in 0..<200 { await Task.yield() }
        #expect(await service.requestLog.count == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        let statuses = await service.statusHistory(sourceId: "src", organizationId: "org").map(\.status)
        #expect(statuses.last == .idle)
    }

    @Test("a cancelled session's report keeps the bytes and requests of the batches it had committed")
    func cancelledReportKeepsCounts() async throws {
        let (client, _, directory) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = client.session(sourceId: "src")
        let latest = LatestProgress()
        let watcher = Task { for await event in session.progress { await latest.note(event) } }
        var index = 0
        while await (latest.event?.batchesCommitted ?? 0) < 2, index < 100_000 {
            try await session.addOrUpdate(Self.small(index))
            index += 1
        }
        let event = try #require(await latest.event)
        await session.cancel()
        watcher.cancel()
        let report = try await session.finish()
        #expect(report.accepted >= 1)
        #expect(report.bytesUploaded >= event.bytesUploaded && report.bytesUploaded > 0)
        #expect(report.requests >= 6)
    }
}

/// Holds a task so a log handler can cancel it; cancels at once when asked before the task is set.
final class TaskBox: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<PushReport, any Error>?
    private var cancelled = false

    func set(_ task: Task<PushReport, any Error>) {
        lock.lock()
        self.task = task
        let cancelNow = cancelled
        lock.unlock()
        if cancelNow { task.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let task = self.task
        lock.unlock()
        task?.cancel()
    }
}

/// The last progress event a session sent.
private actor LatestProgress {
    private(set) var event: PushProgress?

    func note(_ event: PushProgress) { self.event = event }
}
