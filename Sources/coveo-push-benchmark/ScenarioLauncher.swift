import Foundation

/// What came back from running one scenario in its child process.
struct ScenarioOutcome {
    /// The scenario that ran.
    let scenario: any BenchmarkScenario
    /// Its figures, or why there are none.
    let result: Result<[String: Double], ScenarioFailure>

    /// `true` if every target is met, `false` if one is missed, `nil` if there are no targets or no figures.
    var targetsMet: Bool? {
        guard case .success(let figures) = result, !scenario.targets.isEmpty else { return nil }
        return scenario.targets.allSatisfy { $0.isMet(by: figures) == true }
    }

    /// The "met?" column: `met`, `NOT MET (figure, …)`, `FAILED`, or `-` when nothing is targeted.
    var verdict: String {
        guard case .success(let figures) = result else { return "FAILED" }
        guard !scenario.targets.isEmpty else { return "-" }
        let missed = scenario.targets.filter { $0.isMet(by: figures) != true }
        return missed.isEmpty ? "met" : "NOT MET (" + missed.map(\.figure).joined(separator: ", ") + ")"
    }
}

/// Why a scenario produced no figures.
struct ScenarioFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs scenarios in child processes: this same executable, relaunched with the hidden `--child NAME`.
enum ScenarioLauncher {
    /// The flag that makes the executable run one scenario and print its JSON line.
    static let childFlag = "--child"

    /// Runs `scenario` in a fresh process and collects its figures. The child's standard error passes
    /// through, so its progress and failures show.
    static func run(_ scenario: any BenchmarkScenario) -> ScenarioOutcome {
        ScenarioOutcome(scenario: scenario, result: Result { () throws(ScenarioFailure) in try launch(scenario.name) })
    }

    private static func launch(_ name: String) throws(ScenarioFailure) -> [String: Double] {
        guard let executable = executableURL() else {
            throw ScenarioFailure(description: "cannot find this executable to relaunch it")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = [childFlag, name]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw ScenarioFailure(description: "cannot start \(executable.path): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit else {
            throw ScenarioFailure(description: "the child process died on signal \(process.terminationStatus)")
        }
        guard process.terminationStatus == 0 else {
            throw ScenarioFailure(description: "the child process exited with status \(process.terminationStatus)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard let line = lines.last(where: { $0.hasPrefix("{") }),
            let parsed = FigureFormat.parseJSONLine(String(line)), parsed.scenario == name
        else {
            throw ScenarioFailure(description: "the child process printed no figures")
        }
        return parsed.figures
    }

    /// One figure of `scenario`, run in its own child process as a reference for a larger run.
    ///
    /// - Throws: ``ScenarioFailure`` when the reference run fails or lacks the figure.
    static func referenceFigure(_ figure: String, of scenario: any BenchmarkScenario) throws -> Double {
        guard case .success(let figures) = run(scenario).result, let value = figures[figure] else {
            throw ScenarioFailure(description: "the \(scenario.name) reference run failed")
        }
        return value
    }

    /// The `coveo-push` executable built next to this one (`swift build -c release --product coveo-push`).
    static func coveoPushPath() throws -> String {
        guard let benchmark = executableURL() else { throw ScenarioFailure(description: "cannot find this executable") }
        let cli = benchmark.deletingLastPathComponent().appendingPathComponent("coveo-push").path
        guard FileManager.default.isExecutableFile(atPath: cli) else {
            throw ScenarioFailure(description: "build coveo-push next to the benchmark first: \(cli) is missing")
        }
        return cli
    }

    /// This executable: `/proc/self/exe` on Linux, otherwise the first argument resolved against the
    /// current directory or `PATH`.
    static func executableURL() -> URL? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return URL(fileURLWithPath: path)
            }
        #endif
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.contains("/") {
            return URL(fileURLWithPath: first).standardizedFileURL
        }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for directory in directories {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(first)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// The child side: runs the scenario in this process, adds `peak_rss_mb` (unless the scenario measured another
    /// process's), and prints one JSON line.
    /// Returns the exit status.
    static func runChild(named name: String) async -> Int32 {
        guard let scenario = BenchmarkRegistry.scenario(named: name) else {
            StandardError.write("coveo-push-benchmark: unknown scenario '\(name)'")
            return 2
        }
        do {
            var figures = try await scenario.run()
            if figures["peak_rss_mb"] == nil { figures["peak_rss_mb"] = PeakMemory.megabytes() }
            print(FigureFormat.jsonLine(scenario: name, figures: figures))
            fflush(nil)
            return 0
        } catch {
            StandardError.write("coveo-push-benchmark: scenario '\(name)' failed: \(error)")
            return 1
        }
    }
}
