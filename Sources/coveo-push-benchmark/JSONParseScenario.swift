import CoveoPush
import Foundation

/// `json-parse`: JSONParser against Foundation's JSONSerialization on the same JSON Lines of documents, as the
/// `coveo-push` command reads them.
///
/// The lines are the encode scenario's documents (1 KB of text, 10 metadata fields, one permission set) written
/// by ``DocumentEncoder`` until they make about 50 MB. Each side parses every line from bytes already in memory
/// and checks it got an object; timed in thread CPU time, best of three rounds, alternating.
struct JSONParseScenario: BenchmarkScenario {
    private static let targetBytes = 50_000_000
    private static let rounds = 3

    var name: String { "json-parse" }
    var summary: String {
        "JSONParser vs JSONSerialization on ~50 MB of JSON Lines (1 KB documents with metadata and permissions)"
    }
    var targets: [BenchmarkTarget] { [.atLeast("vs_foundation", 3)] }

    func run() throws -> [String: Double] {
        var lines: [[UInt8]] = []
        var total = 0
        let encoder = DocumentEncoder()
        while total < Self.targetBytes {
            let line = try encoder.encode(BenchmarkDocuments.make(lines.count), for: .batchItem).json
            lines.append(line)
            total += line.count
        }
        let datas = lines.map { Data($0) }
        let parser = JSONParser()
        var ourMembers = 0
        var referenceMembers = 0
        let best = try ScenarioTimer.bestOfAlternating(
            rounds: Self.rounds, on: .threadCPU,
            ours: {
                ourMembers = 0
                for line in lines {
                    guard case .object(let object) = try parser.parse(line) else {
                        throw ScenarioFailure(description: "JSONParser did not read an object")
                    }
                    ourMembers += object.count
                }
            },
            reference: {
                referenceMembers = 0
                for data in datas {
                    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                        throw ScenarioFailure(description: "JSONSerialization did not read an object")
                    }
                    referenceMembers += object.count
                }
            })
        guard ourMembers > 0, ourMembers == referenceMembers else {
            throw ScenarioFailure(description: "JSONParser and JSONSerialization read different objects")
        }
        return [
            "docs_per_s": Double(lines.count) / best.ours,
            "mb_per_s": Double(total) / 1_000_000 / best.ours,
            "foundation_mb_per_s": Double(total) / 1_000_000 / best.reference,
            "vs_foundation": best.reference / best.ours,
        ]
    }
}
