import CoveoPush
import CoveoPushCLI
import Foundation

/// `fields-sync-100k`: `coveo-push fields sync` of a JSONL file of 100,000 1 KB documents (the `cli-jsonl`
/// scenarios' input: 10 metadata keys each), against `json-parse` on the same input: JSONParser over the same
/// lines, from memory, measured side by side in the same run. `vs_parse` = the parse time / the sync's time.
///
/// The sync runs against the command's built-in emulator (no target): the Platform requests are a handful (the
/// privilege evaluations, one listing, one create) and an emulator in its own process would add only a socket
/// to what is measured, which is the streaming read, the document rules and the analysis. `peak_rss_mb` is the
/// command's. Best of three runs each, alternating.
struct FieldsSyncScenario: BenchmarkScenario {
    static let count = 100_000
    private static let rounds = 3

    var name: String { "fields-sync-100k" }
    var summary: String {
        "coveo-push fields sync of \(Self.count) 1 KB JSONL documents (built-in emulator); vs_parse = JSONParser's "
            + "time on the same lines from memory / the sync's time"
    }
    var targets: [BenchmarkTarget] { [.atMost("peak_rss_mb", 100), .atLeast("vs_parse", 0.5)] }

    func run() async throws -> [String: Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-fields-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("documents.jsonl")
        let inputBytes = try CLIPushScenario.writeDocuments(count: Self.count, to: input)
        // No COVEO_* variable: the command then uses its built-in emulator.
        for name in ProcessInfo.processInfo.environment.keys where name.hasPrefix("COVEO_") { unsetenv(name) }
        let cli = try ScenarioLauncher.coveoPushPath()

        var lines: [[UInt8]] = []
        var reader = try JSONLinesReader(url: input)
        while let line = try reader.next() {
            if let bytes = line.bytes { lines.append(Array(bytes)) }
        }
        let parser = JSONParser()
        var syncSeconds = Double.infinity
        var parseSeconds = Double.infinity
        var peakRSS = 0.0
        for round in 0..<Self.rounds {
            let parse = {
                parseSeconds = min(parseSeconds, try ScenarioTimer.seconds { try Self.parseAll(lines, parser) })
            }
            if round.isMultiple(of: 2) { try parse() }
            let (seconds, peak) = try runSync(cli: cli, input: input, directory: directory, round: round)
            syncSeconds = min(syncSeconds, seconds)
            peakRSS = max(peakRSS, peak)
            if !round.isMultiple(of: 2) { try parse() }
        }
        return [
            "docs_per_s": Double(Self.count) / syncSeconds,
            "mb_per_s": Double(inputBytes) / 1_000_000 / syncSeconds,
            "seconds": syncSeconds,
            "parse_seconds": parseSeconds,
            "vs_parse": parseSeconds / syncSeconds,
            "peak_rss_mb": peakRSS,
        ]
    }

    /// Parses every line and checks it is an object.
    private static func parseAll(_ lines: [[UInt8]], _ parser: JSONParser) throws {
        for line in lines {
            guard case .object = try parser.parse(line) else {
                throw ScenarioFailure(description: "JSONParser did not read an object")
            }
        }
    }

    /// Runs `coveo-push fields sync --json` and returns its wall time and peak memory; checks it read every
    /// document and created the ten fields.
    private func runSync(cli: String, input: URL, directory: URL, round: Int) throws -> (Double, Double) {
        let output = directory.appendingPathComponent("sync-\(round).out").path
        var ending: SpawnedProcess.Ending?
        let seconds = try ScenarioTimer.seconds {
            ending = try SpawnedProcess.start(cli, ["fields", "sync", input.path, "--json"], outputPath: output)
                .wait()
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard let ending, ending.status == 0 else {
            throw ScenarioFailure(
                description: "coveo-push fields sync failed (\(String(describing: ending?.status))): "
                    + String(text.suffix(2000)))
        }
        guard text.contains("\"documents\":\(Self.count),"), text.contains("\"created\":true") else {
            throw ScenarioFailure(description: "fields sync did not read and create as expected: \(text.suffix(2000))")
        }
        return (seconds, ending.peakRSSMegabytes)
    }
}
