import Foundation

/// The command line: parses options, runs the chosen scenarios in child processes, prints the results.
enum BenchmarkCommand {
    /// How results are printed.
    enum Format {
        /// An aligned table on standard error.
        case table
        /// Only JSON lines on standard output.
        case json
        /// A Markdown section on standard output.
        case markdown
    }

    /// The parsed command line.
    struct Options {
        var format = Format.table
        var only: [String] = []
        var strict = false
        var list = false
        var help = false
        var child: String?
    }

    /// A command-line mistake; reported with a pointer to `--help`, exit status 2.
    struct UsageError: Error {
        let message: String
    }

    static let usage = """
        USAGE: coveo-push-benchmark [--json | --markdown] [--only NAME]... [--strict] [--list] [--help]

        Runs the benchmark scenarios of swift-coveo-push, each in a fresh child process (this same
        executable, relaunched), so one scenario's memory and warm-up never affect another's. Build it
        in release mode:

            swift build -c release --product coveo-push-benchmark
            .build/release/coveo-push-benchmark --markdown

        OPTIONS:
          --json        Print only JSON lines on standard output, one per scenario:
                        {"scenario": NAME, FIGURE: VALUE, ...}. Progress still goes to standard error.
          --markdown    Print a Markdown section for BENCHMARKS.md on standard output: machine (uname,
                        cores), date (UTC), git commit, then | scenario | figures | target | met? |.
          --only NAME   Run only this scenario (repeatable). An unknown name is an error (exit 2).
          --strict      Exit with status 1 when a target is not met (a failed scenario always does).
          --list        List the scenarios with what they measure and their targets.
          --help        Show this help.
        Without --json or --markdown, a table is printed on standard error.

        FIGURES:
          Every figure is measured by the run itself, never typed in. Names carry their unit
          (mb_per_s, seconds, ...). peak_rss_mb is the child process's peak resident memory
          (VmHWM on Linux, getrusage elsewhere; MB = 10^6 bytes). A figure named vs_<reference>
          compares us with a reference implementation measured side by side in the same run, runs
          alternating, best of several:
          reference time / our time, so greater is better (1.0 = as fast; 0.9 = 10% slower).

        TARGETS:
          A scenario may declare targets such as "vs_zlib >= 0.9"; the met? column shows met or
          NOT MET (with the figures that missed).

        EXIT STATUS:
          0 all scenarios ran; 1 a scenario failed (or, with --strict, missed a target); 2 usage error.
        """

    /// Runs the command and returns the exit status.
    static func main(_ arguments: [String]) async -> Int32 {
        let options: Options
        do {
            options = try parse(arguments)
        } catch {
            StandardError.write("coveo-push-benchmark: \(error.message)")
            StandardError.write("Run 'coveo-push-benchmark --help' for usage.")
            return 2
        }
        if let child = options.child {
            return await ScenarioLauncher.runChild(named: child)
        }
        if options.help {
            print(usage)
            return 0
        }
        if options.list {
            for scenario in BenchmarkRegistry.scenarios {
                print("\(scenario.name)\n    \(scenario.summary)\n    target: \(scenario.targetDescription)")
            }
            return 0
        }
        return runParent(options)
    }

    private static func runParent(_ options: Options) -> Int32 {
        let selected =
            options.only.isEmpty
            ? BenchmarkRegistry.scenarios
            : BenchmarkRegistry.scenarios.filter { options.only.contains($0.name) }
        #if DEBUG
            StandardError.write("coveo-push-benchmark: this is a debug build; build with -c release for real figures")
        #endif
        var outcomes: [ScenarioOutcome] = []
        for scenario in selected {
            StandardError.write("running \(scenario.name): \(scenario.summary)")
            let outcome = ScenarioLauncher.run(scenario)
            if case .failure(let failure) = outcome.result {
                StandardError.write("\(scenario.name) failed: \(failure)")
            }
            if options.format == .json, let line = BenchmarkReport(outcomes: [outcome]).jsonLines().first {
                print(line)
                fflush(nil)
            }
            outcomes.append(outcome)
        }
        let report = BenchmarkReport(outcomes: outcomes)
        switch options.format {
        case .table:
            StandardError.write(report.table())
        case .json:
            break
        case .markdown:
            print(report.markdown(machine: MachineInfo.current(), isReleaseBuild: isReleaseBuild))
        }
        let failed = outcomes.contains { if case .failure = $0.result { true } else { false } }
        let missed = outcomes.contains { $0.targetsMet == false }
        return failed || (options.strict && missed) ? 1 : 0
    }

    private static var isReleaseBuild: Bool {
        #if DEBUG
            return false
        #else
            return true
        #endif
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var formats: [String] = []
        var remaining = arguments.dropFirst()[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--json":
                options.format = .json
                formats.append(argument)
            case "--markdown":
                options.format = .markdown
                formats.append(argument)
            case "--strict": options.strict = true
            case "--list": options.list = true
            case "--help", "-h": options.help = true
            case "--only", ScenarioLauncher.childFlag:
                guard let name = remaining.popFirst(), !name.hasPrefix("--") else {
                    throw UsageError(message: "\(argument) needs a scenario name")
                }
                guard BenchmarkRegistry.scenario(named: name) != nil else {
                    let names = BenchmarkRegistry.scenarios.map(\.name).joined(separator: ", ")
                    throw UsageError(message: "unknown scenario '\(name)'; known scenarios: \(names)")
                }
                if argument == "--only" {
                    options.only.append(name)
                } else {
                    options.child = name
                }
            default:
                throw UsageError(message: "unknown option '\(argument)'")
            }
        }
        guard formats.count <= 1 else {
            throw UsageError(message: "choose one of --json and --markdown")
        }
        return options
    }
}
