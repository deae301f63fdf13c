import CoveoPush
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `verify-100k`: `coveo-push push --verify` of 100,000 documents to `coveo-push emulate --indexing-delay 2` in
/// its own process. Figures: the Logs API requests per 1,000 documents, the seconds from the last document's
/// indexing (its `INDEXING` entry's date) to the end of the command, and the command's peak memory.
struct VerifyScenario: BenchmarkScenario {
    static let count = 100_000
    /// The emulator's indexing delay, in seconds.
    static let indexingDelay = 2
    /// The verifier's minimum poll interval against a loopback target, in seconds (PushVerification's rule).
    static let minimumPollSeconds = 2.0

    var name: String { "verify-100k" }
    var summary: String {
        "coveo-push push --verify of \(Self.count) documents to coveo-push emulate --indexing-delay "
            + "\(Self.indexingDelay) in its own process: Logs API requests per 1,000 documents, seconds from the last "
            + "indexing to the end, the command's peak_rss_mb"
    }
    var targets: [BenchmarkTarget] {
        [
            .atMost("logs_requests", 2), .atMost("seconds_after_indexing", 2 * Self.minimumPollSeconds),
            .atMost("peak_rss_mb", 100), .atLeast("indexed", Double(Self.count)),
        ]
    }

    func run() async throws -> [String: Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-verify-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("documents.jsonl")
        try Self.writeInput(to: input)

        let cli = try ScenarioLauncher.coveoPushPath()
        let port = try EmulatorServerProcess.freePort()
        let emulator = try SpawnedProcess.start(
            cli, ["emulate", "--port", String(port), "--indexing-delay", String(Self.indexingDelay)],
            outputPath: directory.appendingPathComponent("emulator.log").path)
        defer { emulator.kill() }
        var listening = false
        for _ in 0..<1_000 where !listening {
            listening = EmulatorServerProcess.canConnect(port: port)
            if !listening { usleep(10_000) }
        }
        guard listening else { throw ScenarioFailure(description: "coveo-push emulate did not listen on \(port)") }
        let baseURL = "http://127.0.0.1:\(port)/push/v1"

        for name in ["COVEO_ORGANIZATION_ID", "COVEO_SOURCE_ID", "COVEO_PUSH_BASE_URL", "COVEO_REGION"] {
            unsetenv(name)
        }
        setenv("COVEO_API_KEY", "benchmark-key", 1)
        setenv("TMPDIR", directory.path, 1)
        let output = directory.appendingPathComponent("cli.out").path
        var ending: SpawnedProcess.Ending?
        let seconds = try ScenarioTimer.seconds {
            ending = try SpawnedProcess.start(
                cli,
                [
                    "push", input.path, "--base-url", baseURL, "--organization", "benchmark", "--source", "benchmark",
                    "--no-progress", "--json", "--verify",
                ],
                outputPath: output
            ).wait()
        }
        let ended = Date()
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard let ending, ending.status == 0, text.contains("\"accepted\":\(Self.count),"),
            let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let summary = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let verification = summary["verification"] as? [String: Any],
            let logsRequests = verification["logsRequests"] as? Int, let indexed = verification["indexed"] as? Int
        else {
            throw ScenarioFailure(
                description: "coveo-push failed (\(String(describing: ending?.status))): \(text.suffix(2000))")
        }
        let lastIndexing = try await Self.lastIndexing(baseURL: baseURL, before: ended)
        return [
            "logs_requests": Double(logsRequests) / (Double(Self.count) / 1_000),
            "seconds_after_indexing": ended.timeIntervalSince(lastIndexing),
            "peak_rss_mb": ending.peakRSSMegabytes,
            "seconds": seconds,
            "indexed": Double(indexed),
        ]
    }

    /// The date of the newest `INDEXING` entry of the source, read from the emulator's Logs API.
    static func lastIndexing(baseURL: String, before end: Date) async throws -> Date {
        guard let url = URL(string: baseURL) else { throw ScenarioFailure(description: "bad URL \(baseURL)") }
        var configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: url), organizationId: "benchmark",
            credentials: .apiKey("benchmark-key"))
        configuration.userAgentSuffix = "coveo-push-benchmark"
        let client = try PushClient(configuration: configuration, transport: URLSessionTransport())
        let now = Date()
        var query = try LogEntryQuery(
            sourceId: "benchmark", from: now.addingTimeInterval(-3 * 3600), to: now, tasks: [.indexing], now: now)
        var newest = Date.distantPast
        while true {
            let page = try await client.logEntries(query)
            for entry in page.entries where entry.datetime > newest { newest = entry.datetime }
            guard page.hasNextPage else { break }
            query.page += 1
        }
        guard newest < end else {
            throw ScenarioFailure(description: "an INDEXING entry is dated \(newest), after the command ended")
        }
        return newest
    }

    /// Writes the JSONL input of ``count`` benchmark documents.
    static func writeInput(to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let encoder = DocumentEncoder()
        var buffer: [UInt8] = []
        for index in 0..<count {
            buffer += try encoder.encode(BenchmarkDocuments.make(index), for: .batchItem).json
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 4 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
    }
}
