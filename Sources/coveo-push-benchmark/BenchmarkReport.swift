import Foundation

/// Renders the outcomes of a run as a human table, JSON lines, or Markdown.
struct BenchmarkReport {
    let outcomes: [ScenarioOutcome]

    /// One JSON object per scenario that produced figures, one per line.
    func jsonLines() -> [String] {
        outcomes.compactMap { outcome in
            guard case .success(let figures) = outcome.result else { return nil }
            return FigureFormat.jsonLine(scenario: outcome.scenario.name, figures: figures)
        }
    }

    /// An aligned plain-text table.
    func table() -> String {
        let header = ["scenario", "figures", "target", "met?"]
        let rows = outcomes.map(cells)
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([line(header), line(rule)] + rows.map(line)).joined(separator: "\n")
    }

    /// A Markdown section for `BENCHMARKS.md`: where and when it ran, then the table.
    func markdown(machine: MachineInfo, isReleaseBuild: Bool) -> String {
        var lines = ["### coveo-push-benchmark", ""]
        var system = "- Machine: \(machine.system), \(machine.cores) cores"
        if let processor = machine.processor {
            system += " (\(processor))"
        }
        lines.append(system)
        lines.append("- Date (UTC): \(machine.date)")
        lines.append("- Commit: \(machine.commit ?? "unknown")")
        lines.append("- Build: \(isReleaseBuild ? "release" : "debug (figures are not representative)")")
        lines.append("- Reading: `vs_<reference>` = reference time / our time in the same run (greater is better);")
        lines.append("  `peak_rss_mb` = the scenario's process peak resident memory (MB = 10^6 bytes).")
        lines.append("")
        lines.append("| Scenario | Figures | Target | Met? |")
        lines.append("|---|---|---|---|")
        for row in outcomes.map(cells) {
            let escaped = row.map { $0.replacingOccurrences(of: "|", with: "\\|") }
            lines.append("| " + escaped.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    private func cells(_ outcome: ScenarioOutcome) -> [String] {
        let figures: String
        switch outcome.result {
        case .success(let values): figures = FigureFormat.human(values)
        case .failure(let failure): figures = "failed: \(failure)"
        }
        return [outcome.scenario.name, figures, outcome.scenario.targetDescription, outcome.verdict]
    }
}
