import CoveoPush
import Foundation

/// `encode`: DocumentEncoder against Foundation's JSONEncoder (through `Document`'s Codable conformance) on the
/// same documents.
struct EncodeScenario: BenchmarkScenario {
    private static let count = 50_000
    private static let rounds = 3

    var name: String { "encode" }
    var summary: String {
        "DocumentEncoder vs JSONEncoder on \(Self.count) documents (1 KB text, 10 metadata fields, one permission set)"
    }
    var targets: [BenchmarkTarget] { [.atLeast("vs_jsonencoder", 3)] }

    func run() throws -> [String: Double] {
        let documents = (0..<Self.count).map(BenchmarkDocuments.make)
        let encoder = DocumentEncoder()
        var ourBytes = 0
        var referenceBytes = 0
        let best = try ScenarioTimer.bestOfAlternating(
            rounds: Self.rounds, on: .threadCPU,
            ours: {
                var writer = JSONWriter(capacity: 4096)
                ourBytes = 0
                for document in documents {
                    writer.reset()
                    try encoder.encode(document, for: .batchItem, into: &writer)
                    ourBytes += writer.bytes.count
                }
            },
            reference: {
                let reference = JSONEncoder()
                referenceBytes = 0
                for document in documents {
                    referenceBytes += try reference.encode(document).count
                }
            })
        guard ourBytes > 0, referenceBytes > 0 else { throw ScenarioFailure(description: "nothing was encoded") }
        return [
            "docs_per_s": Double(Self.count) / best.ours,
            "mb_per_s": Double(ourBytes) / 1_000_000 / best.ours,
            "vs_jsonencoder": best.reference / best.ours,
        ]
    }
}
