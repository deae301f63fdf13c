/// One benchmark: a piece of work measured in its own child process, reported as named figures.
///
/// To add a scenario, write a type conforming to this protocol in its own file and add one line to
/// ``BenchmarkRegistry/scenarios``. The harness runs it in a fresh process, adds `peak_rss_mb`, and
/// prints its figures with its targets.
///
/// Conventions for figures: lowercase snake_case names with their unit (`mb_per_s`, `docs_per_s`,
/// `seconds`); a comparison with a reference implementation measured side by side in the same run is
/// named `vs_<reference>` and is the reference's time divided by ours, so greater is better.
protocol BenchmarkScenario: Sendable {
    /// The name used on the command line and in the output, such as `compress-zlib`.
    var name: String { get }
    /// One line on what is measured.
    var summary: String { get }
    /// The targets this scenario should meet; empty when it only reports.
    var targets: [BenchmarkTarget] { get }
    /// The targets in words, for the table; by default the targets joined by commas.
    var targetDescription: String { get }
    /// Runs the scenario once (repetitions are its own business) and returns its figures.
    func run() async throws -> [String: Double]
}

extension BenchmarkScenario {
    var targets: [BenchmarkTarget] { [] }

    var targetDescription: String {
        targets.isEmpty ? "-" : targets.map(\.description).joined(separator: ", ")
    }
}
