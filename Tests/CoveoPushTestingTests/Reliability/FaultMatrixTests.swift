import CoveoPushTesting
import Foundation
import Testing

/// Every document arrives exactly once and intact, through `URLSessionTransport` and a loopback emulator, whatever
/// transient fault the service injects.
@Suite("Reliability: fault matrix over loopback HTTP")
struct FaultMatrixTests {
    enum Placement: String, CaseIterable, Sendable {
        case before, after, both
    }

    static let count = 300

    static func push(_ rig: ReliabilityRig, _ configuration: PushClient.Configuration, seed: UInt64 = 1) async throws
        -> PushReport
    {
        let client = try rig.client(configuration)
        return try await client.withStatus(.incremental, sourceId: "src") {
            try await client.push(ReliabilityCorpus.documents(Self.count, seed: seed), sourceId: "src")
        }
    }

    @Test(
        "503/504 failures before, after or both sides of the work lose nothing",
        arguments: [0.05, 0.30], Placement.allCases)
    func transientFailures(rate: Double, placement: Placement) async throws {
        var faults = FaultPlan(seed: 11)
        faults.failureBeforeRate = placement == .after ? 0 : (placement == .both ? rate / 2 : rate)
        faults.failureAfterRate = placement == .before ? 0 : (placement == .both ? rate / 2 : rate)
        let rig = try ReliabilityRig(faults: faults)
        let report = try await Self.push(rig, try rig.configuration())
        await rig.shutdown()
        try await ReliabilityCheck.allPresent(count: Self.count, report: report, service: rig.service)
        let counts = await rig.service.faultCounts
        #expect(counts.failedBefore + counts.failedAfter > 0)
        #expect(report.retries > 0)
        // A status change applied and then answered 503 is sent again: the same status may appear twice in a row.
        let history = await rig.service.statusHistory(sourceId: "src", organizationId: "org").map(\.status)
        let collapsed = history.enumerated().filter { $0.offset == 0 || history[$0.offset - 1] != $0.element }
        #expect(collapsed.map(\.element) == [.incremental, .idle])
    }

    @Test("throttling with Retry-After is honoured on the test clock and loses nothing")
    func throttling() async throws {
        let rig = try ReliabilityRig(faults: FaultPlan(seed: 3, requestsPerSecond: 4))
        let report = try await Self.push(rig, try rig.configuration())
        await rig.shutdown()
        try await ReliabilityCheck.allPresent(count: Self.count, report: report, service: rig.service)
        #expect(await rig.service.faultCounts.throttled > 0)
        #expect(report.throttledTime > .zero)
        #expect(rig.clock.totalSlept > .zero)
    }

    @Test(
        "connections closed mid-request and mid-response lose nothing",
        arguments: [ConnectionFaults.Cut.midRequest, .midResponse])
    func closedConnections(cut: ConnectionFaults.Cut) async throws {
        let rate = 0.15
        let faults = ConnectionFaults(
            seed: 21, midRequestRate: cut == .midRequest ? rate : 0, midResponseRate: cut == .midResponse ? rate : 0)
        let rig = try ReliabilityRig(connectionFaults: faults)
        let report = try await Self.push(rig, try rig.configuration())
        let cuts = rig.server.connectionCuts
        await rig.shutdown()
        try await ReliabilityCheck.allPresent(count: Self.count, report: report, service: rig.service)
        #expect((cuts[cut] ?? 0) > 0, "the server cut connections: \(cuts)")
        #expect(report.retries > 0)
        let history = await rig.service.statusHistory(sourceId: "src", organizationId: "org").map(\.status)
        let collapsed = history.enumerated().filter { $0.offset == 0 || history[$0.offset - 1] != $0.element }
        #expect(collapsed.map(\.element) == [.incremental, .idle])
    }

    @Test("expired upload URLs get new containers and lose nothing")
    func expiredUploads() async throws {
        let rig = try ReliabilityRig(faults: FaultPlan(seed: 5, expiredUploadRate: 0.3))
        let report = try await Self.push(rig, try rig.configuration())
        await rig.shutdown()
        try await ReliabilityCheck.allPresent(count: Self.count, report: report, service: rig.service)
        #expect(await rig.service.faultCounts.expiredUploads > 0)
    }

    @Test("added latency on the shared test clock changes nothing but time")
    func latency() async throws {
        let rig = try ReliabilityRig(faults: FaultPlan(seed: 9, failureBeforeRate: 0.05, latency: .seconds(2)))
        let report = try await Self.push(rig, try rig.configuration())
        await rig.shutdown()
        try await ReliabilityCheck.allPresent(count: Self.count, report: report, service: rig.service)
        #expect(await rig.service.faultCounts.delayed > 0)
        #expect(rig.clock.now.offset >= .seconds(2))
    }

    @Test("a batch push answered after the client's timeout is re-pushed and counted once")
    func responsesSlowerThanTheTimeout() async throws {
        let stalls = Tally()
        // The first two batch pushes are applied, then answered 0.6 s late (real time): the client gave up at 0.25 s.
        let rig = try ReliabilityRig { request, _, forward in
            let response = try await forward()
            if request.url.path.hasSuffix("/documents/batch"), stalls.next("stall") <= 2 {
                try? await Task.sleep(for: .milliseconds(600))
            }
            return response
        }
        var configuration = try rig.configuration()
        configuration.requestTimeout = .milliseconds(250)
        let collector = LogCollector()
        configuration.logHandler = collector.handler
        let report = try await Self.push(rig, configuration)
        await rig.shutdown()
        try await ReliabilityCheck.allPresent(count: Self.count, report: report, service: rig.service)
        #expect(collector.events.contains { $0.phase == .failure && $0.operation == .pushDocumentBatch })
    }

    @Test("a container upload answered 413 splits the batch and loses nothing")
    func uploadTooLarge() async throws {
        let refusals = Tally()
        let rig = try ReliabilityRig { request, body, forward in
            if request.method == .put, request.url.path.contains("/upload/"), body.count > 20_000,
                refusals.next("413") <= 1
            {
                return TransportResponse(statusCode: 413, body: Data("<Error><Code>EntityTooLarge</Code></Error>".utf8))
            }
            return try await forward()
        }
        let report = try await Self.push(rig, try rig.configuration(batchLimit: 50_000))
        await rig.shutdown()
        try await ReliabilityCheck.allPresent(count: Self.count, report: report, service: rig.service)
        #expect(rig.front.recorded.contains { $0.method == "PUT" && $0.bodyBytes > 20_000 })
        #expect(refusals.next("413") > 1)
    }

    @Test("a permanent upload refusal fails exactly the documents that are absent")
    func permanentRefusal() async throws {
        // Every upload of the third container created is refused for good (403 forever would renew; 400 is final).
        let rig = try ReliabilityRig { request, body, forward in
            if request.method == .put, request.url.path.contains("/upload/"),
                String(decoding: body, as: UTF8.self).contains("reliability/77?")
            {
                return TransportResponse(statusCode: 400, body: Data("<Error><Code>BadDigest</Code></Error>".utf8))
            }
            return try await forward()
        }
        let report = try await Self.push(rig, try rig.configuration())
        await rig.shutdown()
        let items = await rig.service.items(organizationId: "org", sourceId: "src")
        let present = Set(items.map(\.documentId))
        let failed = Set(report.failed.map(\.documentId))
        #expect(!failed.isEmpty)
        #expect(failed.contains(ReliabilityCorpus.document(77).document.documentId))
        #expect(report.accepted == items.count)
        #expect(present.isDisjoint(with: failed))
        #expect(present.count + failed.count == Self.count)
    }
}
