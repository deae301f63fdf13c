import CoveoPush
import CoveoPushTesting
import Foundation

/// `throttled`: 1,000 single-item pushes, 8 in flight, through `URLSessionTransport` to a `LoopbackPushServer`
/// whose emulator allows 200 requests per second (429 with `Retry-After` beyond), on the real clock.
/// `vs_ideal` = the ideal 1,000 ÷ 200 = 5 s divided by the measured time.
struct ThrottledScenario: BenchmarkScenario {
    private static let count = 1_000
    private static let rate = 200
    private static let inFlight = 8

    var name: String { "throttled" }
    var summary: String {
        "\(Self.count) single-item pushes, \(Self.inFlight) in flight, URLSessionTransport to LoopbackPushServer "
            + "allowing \(Self.rate) requests/s (429 + Retry-After beyond), real clock"
    }
    var targets: [BenchmarkTarget] { [.atLeast("vs_ideal", 0.77)] }

    func run() async throws -> [String: Double] {
        let (server, service) = try LoopbackPushServer.emulator(
            configuration: .init(faults: FaultPlan(requestsPerSecond: Self.rate), requestLogLimit: 10), port: 0)
        defer { Task { await server.shutdown() } }
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: server.baseURL.appendingPathComponent("push/v1")),
            organizationId: "benchmark", credentials: .apiKey("benchmark-key"))
        configuration.retryPolicy = try RetryPolicy(maxAttempts: 50)
        let client = try PushClient(
            configuration: configuration, transport: URLSessionTransport(maximumConnectionsPerHost: Self.inFlight))
        let next = Counter()
        let seconds = try await ScenarioTimer.asyncSeconds {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<Self.inFlight {
                    group.addTask {
                        while let index = await next.take(below: Self.count) {
                            try await client.addOrUpdate(BenchmarkDocuments.make(index), sourceId: "benchmark")
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let stored = await service.items(organizationId: "benchmark", sourceId: "benchmark").count
        guard stored == Self.count else {
            throw ScenarioFailure(description: "the emulator holds \(stored) of \(Self.count) items")
        }
        let statistics = await client.statistics()
        let ideal = Double(Self.count) / Double(Self.rate)
        return [
            "seconds": seconds,
            "vs_ideal": ideal / seconds,
            "requests": Double(statistics.requests),
            "throttled_429": Double(await service.faultCounts.throttled),
        ]
    }
}

private actor Counter {
    private var value = 0
    func take(below limit: Int) -> Int? {
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
