import CoveoPush
import CoveoPushCLI
import CoveoPushTestSupport
import Foundation

/// `cli-jsonl-100k`, `cli-jsonl-1m`: the `coveo-push push` executable pushing a JSONL file of 1 KB documents to
/// `DiscardingPushServer` (no JSON work, bodies discarded), against the floor: the same documents as pre-built
/// batch files uploaded and pushed by `RawFloor` to the same server. Neither the server nor the floor shares our
/// HTTP code. The run is valid only when the server, fed by two raw clients at once, takes at least twice the
/// CLI's MB/s (`server_vs_cli` >= 2): otherwise the server, not the CLI, would be measured.
struct CLIPushScenario: SizedScenario {
    let count: Int

    var baseName: String { "cli-jsonl" }
    var summary: String {
        "coveo-push push of a JSONL file of \(count) 1 KB documents to DiscardingPushServer; vs_floor = time for a "
            + "raw socket client to upload and push the same pre-built batches / coveo-push's time"
    }
    var targets: [BenchmarkTarget] {
        isLarge
            ? [
                .atLeast("vs_floor", 0.5), .atMost("peak_rss_mb", 100), .atMost("rss_vs_100k", 1.5),
                .atLeast("server_vs_cli", 2),
            ]
            : [.atLeast("vs_floor", 0.5), .atLeast("server_vs_cli", 2)]
    }

    func run() async throws -> [String: Double] {
        var figures: [String: Double] = [:]
        if isLarge {
            figures["cli_100k_peak_rss_mb"] = try ScenarioLauncher.referenceFigure(
                "peak_rss_mb", of: CLIPushScenario(count: 100_000))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-cli-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("documents.jsonl")
        let inputBytes = try Self.writeDocuments(count: count, to: input)
        let server = try DiscardingPushServer()
        defer { server.stop() }

        // The floor uploads batches of the size the command uses by default.
        let batchLimit = CoveoPushCommand.defaultBatchBytes
        let batches = try Self.buildBatches(from: input, limit: batchLimit, in: directory)
        let floorSeconds = try RawFloor.push(batches, port: server.port)
        for batch in batches { try? FileManager.default.removeItem(at: batch) }
        let serverMegabytesPerSecond = try RawFloor.serverMegabytesPerSecond(port: server.port)

        let (seconds, peakRSS) = try runCLI(input: input, baseURL: server.origin + "/push/v1", directory: directory)
        figures["docs_per_s"] = Double(count) / seconds
        figures["mb_per_s"] = Double(inputBytes) / 1_000_000 / seconds
        figures["seconds"] = seconds
        figures["floor_seconds"] = floorSeconds
        figures["vs_floor"] = floorSeconds / seconds
        figures["peak_rss_mb"] = peakRSS
        figures["batches"] = Double(batches.count)
        figures["server_mb_per_s"] = serverMegabytesPerSecond
        figures["server_vs_cli"] = serverMegabytesPerSecond / (Double(inputBytes) / 1_000_000 / seconds)
        if let smallRSS = figures["cli_100k_peak_rss_mb"] {
            figures["rss_vs_100k"] = peakRSS / smallRSS
        }
        return figures
    }

    /// Runs `coveo-push push` and returns its wall time and peak memory; checks every document was accepted.
    private func runCLI(input: URL, baseURL: String, directory: URL) throws -> (Double, Double) {
        let cli = try ScenarioLauncher.coveoPushPath()
        setenv("COVEO_API_KEY", "benchmark-key", 1)
        setenv("TMPDIR", directory.path, 1)
        let output = directory.appendingPathComponent("cli.out").path
        let arguments = [
            "push", input.path, "--base-url", baseURL, "--organization", "benchmark", "--source", "benchmark",
            "--no-progress", "--json",
        ]
        var ending: SpawnedProcess.Ending?
        let seconds = try ScenarioTimer.seconds {
            ending = try SpawnedProcess.start(cli, arguments, outputPath: output).wait()
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard let ending, ending.status == 0 else {
            throw ScenarioFailure(
                description: "coveo-push failed (\(String(describing: ending?.status))): \(text.suffix(2000))")
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
}
