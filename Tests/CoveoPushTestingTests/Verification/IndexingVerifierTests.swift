import CoveoPushTesting
import Foundation
import Testing

/// The indexing verifier against the in-process emulator: pushes through a session, feeds the committed batches
/// to the verifier, and checks every document's verdict against what the emulator was told to do.
@Suite("IndexingVerifier: every document classified from the logs")
struct IndexingVerifierTests {
    /// A push and its verification, on one test clock and one wall clock.
    struct Run {
        let harness: EmulatorHarness
        let client: PushClient
        let verifier: IndexingVerifier
        let reader: EmulatorLogReader
        let verdicts = VerdictLog()

        init(
            indexing: InMemoryPushService.Indexing, faults: FaultPlan = .none, timeout: Duration = .seconds(120),
            memoryBound: Int = 1_000, clientReads: Bool = false
        ) throws {
            let harness = EmulatorHarness {
                $0.indexing = indexing
                $0.faults = faults
            }
            self.harness = harness
            let clock = harness.clock
            let wallClock: @Sendable () -> Date = {
                EmulatorHarness.epoch.addingTimeInterval(
                    Double(clock.now.offset.components.seconds)
                        + Double(clock.now.offset.components.attoseconds) / 1e18)
            }
            var configuration = PushClient.Configuration(
                endpoint: .production, organizationId: EmulatorHarness.organization, credentials: .apiKey("xx-key"))
            configuration.jitterSeed = 1
            configuration.wallClock = wallClock
            configuration.batchLimit = 3_000
            client = try PushClient(configuration: configuration, transport: harness.service, clock: clock)
            reader = EmulatorLogReader(service: harness.service, organizationId: EmulatorHarness.organization)
            verifier = IndexingVerifier(
                reader: clientReads ? client : reader, sourceId: EmulatorHarness.source,
                configuration: .init(
                    minimumPollInterval: .seconds(2), maximumPollInterval: .seconds(8), timeout: timeout,
                    clockSkew: 0, logsLatency: 0, memoryBound: memoryBound, wallClock: wallClock),
                clock: clock)
        }

        /// Pushes `count` documents (`https://example.com/doc/N`), then deletes `deleting`, and verifies.
        func pushAndVerify(_ count: Int, deleting: [String] = []) async throws -> VerificationReport {
            let verifier = verifier
            let session = client.session(sourceId: EmulatorHarness.source, onCommit: { await verifier.record($0) })
            for index in 0..<count {
                try await session.addOrUpdate(
                    Document(documentId: "https://example.com/doc/\(index)", content: .text("body \(index)")))
            }
            for id in deleting { try await session.delete(documentId: id) }
            let pushed = try await session.finish()
            #expect(pushed.isComplete)
            let verdicts = verdicts
            return await verifier.verify { await verdicts.add($0) }
        }
    }

    actor VerdictLog {
        var all: [String: [IndexingOutcome]] = [:]
        func add(_ verdict: DocumentVerdict) { all[verdict.documentId, default: []].append(verdict.outcome) }
    }

    @Test("indexed, rejected and deleted documents are each classified, with the rejection's reason")
    func classifies() async throws {
        let rejected: Set<String> = ["https://example.com/doc/3", "https://example.com/doc/17"]
        let run = try Run(indexing: .init(delay: .seconds(2), rejectedDocumentIds: rejected))
        let report = try await run.pushAndVerify(40, deleting: ["https://example.com/doc/39"])
        #expect(report.indexed == 37)
        #expect(report.rejected == 2)
        #expect(report.deleted == 1)
        #expect(report.pending == 0)
        #expect(Set(report.rejections.map(\.documentId)) == rejected)
        #expect(report.rejections.allSatisfy { $0.reason.contains("rejected") })
        let verdicts = await run.verdicts.all
        #expect(verdicts.count == 40)
        for (id, outcomes) in verdicts {
            let expected: IndexingOutcome
            if rejected.contains(id) {
                expected = .rejected(reason: report.rejections.first { $0.documentId == id }?.reason ?? "")
            } else if id == "https://example.com/doc/39" {
                expected = .deleted
            } else {
                expected = .indexed
            }
            #expect(outcomes == [expected], "\(id)")
        }
        #expect(report.logsRequests == run.reader.requests.count)
        #expect(report.logsRequests <= 8)
    }

    @Test("what is not indexed by the deadline is pending, never indexed")
    func pendingAtDeadline() async throws {
        let run = try Run(indexing: .init(delay: .seconds(600)), timeout: .seconds(30))
        let report = try await run.pushAndVerify(10)
        #expect(report.pending == 10)
        #expect(report.indexed == 0)
        #expect(await run.verdicts.all.values.allSatisfy { $0 == [.pending] })
    }

    @Test("Logs API failures (20%) only delay verdicts: every document still classified correctly")
    func survivesLogFaults() async throws {
        let run = try Run(
            indexing: .init(delay: .seconds(3), rejectionRate: 0.1, seed: 4),
            faults: FaultPlan(seed: 1, routes: [.searchLogEntries], failureBeforeRate: 0.2))
        let report = try await run.pushAndVerify(300)
        let expectedRejected = (0..<300).filter {
            InMemoryPushService.Indexing(rejectionRate: 0.1, seed: 4).rejection(of: "https://example.com/doc/\($0)") != nil
        }
        #expect(report.rejected == expectedRejected.count)
        #expect(report.indexed == 300 - expectedRejected.count)
        #expect(report.pending == 0)
        #expect(report.failedLogsRequests > 0)
    }

    @Test("through the client's Logs API request: faults are retried by the client, verdicts are the same")
    func clientAsReader() async throws {
        let run = try Run(
            indexing: .init(delay: .seconds(2), rejectedDocumentIds: ["https://example.com/doc/4"]),
            faults: FaultPlan(seed: 3, routes: [.searchLogEntries], failureBeforeRate: 0.3), clientReads: true)
        let report = try await run.pushAndVerify(20)
        #expect(report.indexed == 19)
        #expect(report.rejected == 1)
        #expect(report.failedLogsRequests == 0)
        let logsCalls = await run.harness.service.requestLog.filter { $0.route == .searchLogEntries }
        #expect(logsCalls.count > report.logsRequests)
        #expect(logsCalls.allSatisfy { $0.path == "/logs/v1/organizations/myorg" })
    }

    @Test("past the memory bound documents wait in a temporary file and are still all classified")
    func spills() async throws {
        let run = try Run(indexing: .init(delay: .seconds(1), rejectedDocumentIds: ["https://example.com/doc/33"]),
            memoryBound: 10)
        let report = try await run.pushAndVerify(35)
        #expect(report.indexed == 34)
        #expect(report.rejected == 1)
        #expect(report.pending == 0)
        #expect(await run.verdicts.all.count == 35)
    }

    @Test("a document pushed, then deleted in a later batch of the run, is judged by its deletion")
    func lastOperationWins() async throws {
        let run = try Run(indexing: .init(delay: .seconds(1)))
        let report = try await run.pushAndVerify(5, deleting: ["https://example.com/doc/2"])
        #expect(report.deleted == 1)
        #expect(report.indexed == 4)
        #expect(await run.verdicts.all["https://example.com/doc/2"] == [.deleted])
    }

    @Test("a cancelled verification reports what is left as pending")
    func cancellation() async throws {
        let run = try Run(indexing: .init(delay: .seconds(10_000)), timeout: .seconds(100_000))
        let verifier = run.verifier
        await verifier.record(
            CommittedBatch(
                sourceId: EmulatorHarness.source,
                entries: [.init(documentId: "https://example.com/a", operation: .addOrUpdate)],
                committedAt: EmulatorHarness.epoch))
        let task = Task { await verifier.verify() }
        task.cancel()
        let report = await task.value
        #expect(report.pending == 1)
    }
}
