import CoveoPush
import CoveoPushCLI
import Foundation

/// `cli-jsonl-100k`, `cli-jsonl-1m`: the `coveo-push push` executable pushing a JSONL file of 1 KB documents to
/// the emulator served in discard mode by another process, against the floor: the same documents as pre-built
/// batch files uploaded and pushed straight through `URLSessionTransport` to the same server.
struct CLIPushScenario: BenchmarkScenario {
    let count: Int

    var name: String { count >= 1_000_000 ? "cli-jsonl-\(count / 1_000_000)m" : "cli-jsonl-\(count / 1000)k" }
    var summary: String {
        "coveo-push push of a JSONL file of \(count) 1 KB documents to LoopbackPushServer (discard mode, its own "
            + "process); vs_floor = time to upload the same pre-built batches through the transport / coveo-push's time"
    }
    var targets: [BenchmarkTarget] {
        count >= 1_000_000
            ? [.atMost("peak_rss_mb", 100), .atMost("rss_vs_100k", 1.5)] : [.atLeast("vs_floor", 0.5)]
    }

    func run() async throws -> [String: Double] {
        var figures: [String: Double] = [:]
        if count >= 1_000_000 {
            let smaller = ScenarioLauncher.run(CLIPushScenario(count: 100_000))
            guard case .success(let small) = smaller.result, let smallRSS = small["peak_rss_mb"] else {
                throw ScenarioFailure(description: "the cli-jsonl-100k reference run failed")
            }
            figures["cli_100k_peak_rss_mb"] = smallRSS
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coveo-cli-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("documents.jsonl")
        let inputBytes = try Self.writeDocuments(count: count, to: input)
        let server = try EmulatorServerProcess.start(logPath: directory.appendingPathComponent("server.log").path)
        defer { server.stop() }

        // The floor uploads batches of the size the command uses by default.
        let batchLimit = CoveoPushCommand.defaultBatchBytes
        let batches = try Self.buildBatches(from: input, limit: batchLimit, in: directory)
        let floorSeconds = try await ScenarioTimer.asyncSeconds {
            try await Self.pushBatches(batches, to: server.baseURL)
        }
        for batch in batches { try? FileManager.default.removeItem(at: batch) }

        let (seconds, peakRSS) = try runCLI(input: input, server: server, directory: directory)
        figures["docs_per_s"] = Double(count) / seconds
        figures["mb_per_s"] = Double(inputBytes) / 1_000_000 / seconds
        figures["seconds"] = seconds
        figures["floor_seconds"] = floorSeconds
        figures["vs_floor"] = floorSeconds / seconds
        figures["peak_rss_mb"] = peakRSS
        figures["batches"] = Double(batches.count)
        if let smallRSS = figures["cli_100k_peak_rss_mb"] {
            figures["rss_vs_100k"] = peakRSS / smallRSS
        }
        return figures
    }

    /// Runs `coveo-push push` and returns its wall time and peak memory; checks every document was accepted.
    private func runCLI(input: URL, server: EmulatorServerProcess, directory: URL) throws -> (Double, Double) {
        guard let benchmark = ScenarioLauncher.executableURL() else {
            throw ScenarioFailure(description: "cannot find this executable")
        }
        let cli = benchmark.deletingLastPathComponent().appendingPathComponent("coveo-push").path
        guard FileManager.default.isExecutableFile(atPath: cli) else {
            throw ScenarioFailure(description: "build coveo-push next to the benchmark first: \(cli) is missing")
        }
        setenv("COVEO_API_KEY", "benchmark-key", 1)
        setenv("TMPDIR", directory.path, 1)
        let output = directory.appendingPathComponent("cli.out").path
        let arguments = [
            "push", input.path, "--base-url", server.baseURL, "--organization", "benchmark", "--source", "benchmark",
            "--no-progress", "--json",
        ]
        var ending: SpawnedProcess.Ending?
        let seconds = try ScenarioTimer.seconds {
            ending = try SpawnedProcess.start(cli, arguments, outputPath: output).wait()
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard let ending, ending.status == 0 else {
            throw ScenarioFailure(description: "coveo-push failed (\(String(describing: ending?.status))): \(text.suffix(2000))")
        }
        guard text.contains("\"accepted\":\(count),") else {
            throw ScenarioFailure(description: "coveo-push did not accept all \(count) documents: \(text.suffix(2000))")
        }
        return (seconds, ending.peakRSSMegabytes)
    }

    /// Writes `count` benchmark documents as JSON Lines, each exactly as `DocumentEncoder` encodes it.
    static func writeDocuments(count: Int, to url: URL) throws -> Int {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let encoder = DocumentEncoder()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8 << 20)
        var total = 0
        for index in 0..<count {
            buffer += try encoder.encode(BenchmarkDocuments.make(index), for: .batchItem).json
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 4 << 20 || index == count - 1 {
                total += buffer.count
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        return total
    }

    /// Packs the lines of `input` into `{"addOrUpdate": [...]}` batch files of at most `limit` bytes.
    static func buildBatches(from input: URL, limit: Int, in directory: URL) throws -> [URL] {
        var reader = try JSONLinesReader(url: input)
        var batches: [URL] = []
        var body: [UInt8] = []
        func flush() throws {
            guard !body.isEmpty else { return }
            body += Array("]}".utf8)
            let url = directory.appendingPathComponent("floor-\(batches.count).json")
            try Data(body).write(to: url)
            batches.append(url)
            body = []
        }
        while let line = try reader.next() {
            guard let bytes = line.bytes else { continue }
            if !body.isEmpty && body.count + bytes.count + 3 > limit { try flush() }
            body += body.isEmpty ? Array("{\"addOrUpdate\":[".utf8) : [UInt8(ascii: ",")]
            body += bytes
        }
        try flush()
        return batches
    }

    /// Uploads and pushes pre-built batch files, four at a time, through `URLSessionTransport`.
    static func pushBatches(_ batches: [URL], to baseURL: String) async throws {
        guard let url = URL(string: baseURL) else { throw ScenarioFailure(description: "bad URL \(baseURL)") }
        let configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: url), organizationId: "benchmark", credentials: .apiKey("benchmark-key"))
        let client = try PushClient(configuration: configuration, transport: URLSessionTransport())
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func start() {
                let batch = batches[next]
                next += 1
                group.addTask {
                    let container = try await client.upload(.file(batch))
                    try await client.pushBatch(fileId: container.fileId, sourceId: "benchmark")
                }
            }
            while next < batches.count && next < 4 { start() }
            while try await group.next() != nil {
                if next < batches.count { start() }
            }
        }
    }
}
