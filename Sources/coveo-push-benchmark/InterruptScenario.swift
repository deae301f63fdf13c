import CoveoPush
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `interrupt`: a busy `coveo-push push` to its embedded emulator (which keeps every item) is sent SIGTERM two
/// seconds in; `interrupt_seconds` is the time from the signal until the process has exited. The run must end
/// with status 143, print its summary, and leave no temporary batch file behind.
struct InterruptScenario: BenchmarkScenario {
    /// Enough documents that the push is still running when the signal comes (about 9 s on this machine).
    static let count = 200_000
    static let busyFor: TimeInterval = 2

    var name: String { "interrupt" }
    var summary: String {
        "coveo-push push of \(Self.count) 1 KB documents to the embedded emulator, sent SIGTERM after "
            + "\(Int(Self.busyFor)) s: seconds until it has exited (status 143, summary printed, no file left)"
    }
    var targets: [BenchmarkTarget] { [.atMost("interrupt_seconds", 2)] }

    func run() async throws -> [String: Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-interrupt-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("documents.jsonl")
        _ = try CLIPushScenario.writeDocuments(count: Self.count, to: input)
        let scratch = directory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for name in ProcessInfo.processInfo.environment.keys where name.hasPrefix("COVEO_") { unsetenv(name) }
        setenv("TMPDIR", scratch.path, 1)

        let output = directory.appendingPathComponent("push.out").path
        let child = try SpawnedProcess.start(
            try ScenarioLauncher.coveoPushPath(), ["push", input.path, "--no-progress"], outputPath: output)
        try await Task.sleep(for: .seconds(Self.busyFor))
        let signalled = DispatchTime.now()
        guard kill(child.pid, SIGTERM) == 0 else {
            child.kill()
            throw ScenarioFailure(description: "the push ended before the signal: make the input larger")
        }
        let ending = child.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - signalled.uptimeNanoseconds) / 1e9
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard ending.status == 143 else {
            throw ScenarioFailure(
                description: "exit status \(String(describing: ending.status)), not 143: \(text.suffix(1500))")
        }
        guard text.contains("push: accepted"), text.contains("stopped: interrupted") else {
            throw ScenarioFailure(description: "no summary after the signal: \(text.suffix(1500))")
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
        guard left.isEmpty else {
            throw ScenarioFailure(description: "temporary files left after the signal: \(left.prefix(5))")
        }
        return ["interrupt_seconds": seconds]
    }
}
