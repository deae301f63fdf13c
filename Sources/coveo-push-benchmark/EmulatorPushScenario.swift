import CoveoPush
import Foundation

/// `emulator-100k`, `emulator-1m`: `coveo-push push` of a JSONL file of 1 KB documents with no target, so the
/// embedded emulator keeps every item, against the same push to the emulator in discard mode served by another
/// process (`vs_discard` = the discard run's time / this run's time): what keeping the items costs.
struct EmulatorPushScenario: SizedScenario {
    let count: Int

    var baseName: String { "emulator" }
    var summary: String {
        "coveo-push push of a JSONL file of \(count) 1 KB documents to the embedded emulator (keeping every item); "
            + "vs_discard = the same push to the emulator in discard mode, in its own process / this push"
    }
    var targets: [BenchmarkTarget] {
        isLarge
            ? [.atMost("time_vs_100k", 12), .atMost("rss_vs_input", 3)] : [.atLeast("vs_discard", 0.5)]
    }

    func run() async throws -> [String: Double] {
        var figures: [String: Double] = [:]
        if isLarge {
            figures["emulator_100k_seconds"] = try ScenarioLauncher.referenceFigure(
                "seconds", of: EmulatorPushScenario(count: 100_000))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-emu-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("documents.jsonl")
        let inputBytes = try CLIPushScenario.writeDocuments(count: count, to: input)

        let server = try EmulatorServerProcess.start(logPath: directory.appendingPathComponent("server.log").path)
        let discard = try runCLI(
            ["--base-url", server.baseURL, "--organization", "benchmark", "--source", "benchmark"],
            input: input, directory: directory, expect: "\"accepted\":\(count),")
        server.stop()
        let kept = try runCLI([], input: input, directory: directory, expect: "The emulator now holds \(count) items")

        let inputMegabytes = Double(inputBytes) / 1_000_000
        figures["seconds"] = kept.seconds
        figures["discard_seconds"] = discard.seconds
        figures["vs_discard"] = discard.seconds / kept.seconds
        figures["docs_per_s"] = Double(count) / kept.seconds
        figures["peak_rss_mb"] = kept.peakRSS
        figures["input_mb"] = inputMegabytes
        figures["rss_vs_input"] = kept.peakRSS / inputMegabytes
        if let smallSeconds = figures["emulator_100k_seconds"] {
            figures["time_vs_100k"] = kept.seconds / smallSeconds
        }
        return figures
    }

    /// Runs `coveo-push push` with `target` (none: the embedded emulator) and checks its output holds `expect`.
    private func runCLI(_ target: [String], input: URL, directory: URL, expect: String) throws
        -> (seconds: Double, peakRSS: Double)
    {
        let cli = try ScenarioLauncher.coveoPushPath()
        for name in ["COVEO_ORGANIZATION_ID", "COVEO_SOURCE_ID", "COVEO_PUSH_BASE_URL", "COVEO_REGION"] {
            unsetenv(name)
        }
        // A key alone is an incomplete target; with no variable at all the command picks the embedded emulator.
        if target.isEmpty { unsetenv("COVEO_API_KEY") } else { setenv("COVEO_API_KEY", "benchmark-key", 1) }
        setenv("TMPDIR", directory.path, 1)
        let output = directory.appendingPathComponent(target.isEmpty ? "embedded.out" : "discard.out").path
        var ending: SpawnedProcess.Ending?
        let seconds = try ScenarioTimer.seconds {
            ending = try SpawnedProcess.start(
                cli, ["push", input.path, "--no-progress"] + (target.isEmpty ? [] : ["--json"]) + target,
                outputPath: output
            ).wait()
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard let ending, ending.status == 0, text.contains(expect) else {
            throw ScenarioFailure(
                description: "coveo-push \(target.isEmpty ? "(embedded emulator)" : "(discard emulator)") failed "
                    + "(\(String(describing: ending?.status))): \(text.suffix(2000))")
        }
        return (seconds, ending.peakRSSMegabytes)
    }
}
