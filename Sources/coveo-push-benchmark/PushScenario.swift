import CoveoPush
import CoveoPushTesting
import Foundation

/// `push-100k`, `push-1m`: 1 KB documents through `PushClient` (status, batching, file containers) to an in-process
/// transport that accepts everything, against the time to encode as many documents (`vs_encode`).
struct PushScenario: SizedScenario {
    let count: Int

    var baseName: String { "push" }
    var summary: String {
        "PushClient.push of \(count) 1 KB documents (INCREMENTAL … IDLE) to an in-process transport that accepts "
            + "everything; vs_encode = time to encode as many documents / time to push them"
    }
    var targets: [BenchmarkTarget] {
        var targets: [BenchmarkTarget] = [.atLeast("vs_encode", 0.5), .atMost("requests_over_expected", 0)]
        if isLarge { targets += [.atMost("peak_rss_mb", 100), .atMost("rss_vs_100k", 1.5)] }
        return targets
    }

    func run() async throws -> [String: Double] {
        var figures: [String: Double] = [:]
        if isLarge {
            // The 100k run's memory, measured in its own process, for the ratio.
            figures["push_100k_peak_rss_mb"] = try ScenarioLauncher.referenceFigure(
                "peak_rss_mb", of: PushScenario(count: 100_000))
        }
        let encodeSeconds = try BenchmarkDocuments.encodeSeconds(count: count)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-push-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(region: .us), organizationId: "benchmark", credentials: .apiKey("benchmark-key"))
        configuration.temporaryDirectory = directory
        let client = try PushClient(configuration: configuration, transport: AcceptingTransport())
        let documents = (0..<count).lazy.map(BenchmarkDocuments.make)
        var report = PushReport()
        let pushSeconds = try await ScenarioTimer.asyncSeconds {
            report = try await client.withStatus(.incremental, sourceId: "benchmark") {
                try await client.push(documents, sourceId: "benchmark")
            }
        }
        guard report.accepted == count, report.failed.isEmpty else {
            throw ScenarioFailure(description: "only \(report.accepted) of \(count) documents were accepted")
        }
        let statistics = await client.statistics()
        let expectedRequests = 3 * report.batches + 2
        figures["docs_per_s"] = Double(count) / pushSeconds
        figures["requests"] = Double(statistics.requests)
        figures["batches"] = Double(report.batches)
        figures["requests_over_expected"] = Double(statistics.requests - expectedRequests)
        figures["vs_encode"] = encodeSeconds / pushSeconds
        if let smallRSS = figures["push_100k_peak_rss_mb"] {
            figures["rss_vs_100k"] = PeakMemory.megabytes() / smallRSS
        }
        return figures
    }
}

/// A transport that answers every Push API request with success, as fast as possible.
struct AcceptingTransport: Transport {
    private let files = FileCounter()

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        let path = request.url.path
        if request.method == .post, path.hasSuffix("/files") {
            let fileId = "file-\(await files.next())"
            return .fileContainer(uploadUri: "https://upload.invalid/\(fileId)", fileId: fileId, requiredHeaders: [:])
        }
        if path.hasSuffix("/status") { return .empty(201) }
        if request.url.host == "upload.invalid" { return .empty(200) }
        return .empty(202)
    }
}

private actor FileCounter {
    private var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
