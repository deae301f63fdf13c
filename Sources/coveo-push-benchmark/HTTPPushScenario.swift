import CoveoPush
import CoveoPushTestSupport
import Foundation

/// `push-100k-http`: the library path over real HTTP. `PushClient.push` of 100,000 documents generated lazily
/// inside the timed loop, in 16 MB batches, through `URLSessionTransport` to `DiscardingPushServer` (no JSON work,
/// bodies discarded), against the floor: the same documents as pre-built 16 MB batch files uploaded and pushed by
/// `RawFloor` (POSIX sockets, keep-alive) to the same server. Neither the server nor the floor shares our HTTP
/// code, so `vs_floor` = the floor's time / the push's time shows what our client costs over the wire.
struct HTTPPushScenario: BenchmarkScenario {
    static let count = 100_000
    static let batchBytes = 16 * PushLimits.megabyte

    var name: String { "push-100k-http" }
    var summary: String {
        "PushClient.push of \(Self.count) lazily generated 1 KB documents in 16 MB batches over URLSessionTransport "
            + "to DiscardingPushServer; vs_floor = a raw socket client's time for the same pre-built batches / ours"
    }
    var targets: [BenchmarkTarget] { [.atLeast("vs_floor", 0.6)] }

    func run() async throws -> [String: Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-http-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try DiscardingPushServer()
        defer { server.stop() }

        let input = directory.appendingPathComponent("documents.jsonl")
        let inputBytes = try CLIPushScenario.writeDocuments(count: Self.count, to: input)
        let batches = try CLIPushScenario.buildBatches(from: input, limit: Self.batchBytes, in: directory)
        try? FileManager.default.removeItem(at: input)
        let floorSeconds = try RawFloor.push(batches, port: server.port)
        for batch in batches { try? FileManager.default.removeItem(at: batch) }

        guard let baseURL = URL(string: server.origin + "/push/v1") else {
            throw ScenarioFailure(description: "no URL for the server at \(server.origin)")
        }
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: baseURL), organizationId: "benchmark",
            credentials: .apiKey("benchmark-key"))
        configuration.temporaryDirectory = directory
        configuration.batchLimit = Self.batchBytes
        let client = try PushClient(configuration: configuration, transport: URLSessionTransport())
        var report = PushReport()
        let seconds = try await ScenarioTimer.asyncSeconds {
            let documents = (0..<Self.count).lazy.map(BenchmarkDocuments.make)
            report = try await client.withStatus(.incremental, sourceId: "benchmark") {
                try await client.push(documents, sourceId: "benchmark")
            }
        }
        guard report.accepted == Self.count, report.failed.isEmpty else {
            throw ScenarioFailure(description: "only \(report.accepted) of \(Self.count) documents were accepted")
        }
        return [
            "docs_per_s": Double(Self.count) / seconds,
            "mb_per_s": Double(inputBytes) / 1_000_000 / seconds,
            "seconds": seconds,
            "floor_seconds": floorSeconds,
            "vs_floor": floorSeconds / seconds,
            "batches": Double(report.batches),
        ]
    }
}
