import CoveoPush
import Foundation
import Testing

@testable import CoveoPushCLI

/// Seeded mutations of valid documents through the CLI's reader: every line gives exactly one record (an
/// operation or a problem naming its line), nothing crashes or hangs, and unmutated lines read back intact.
@Suite("InputReader fuzzing")
struct InProcessInputFuzzTests {
    static let valid = [
        #"{"documentId": "https://example.com/a", "title": "Ä \u00e9 🚀", "data": "text", "views": 3, "tags": ["x", "y"]}"#,
        #"{"documentId": "https://example.com/b", "permissions": [{"allowedPermissions": [{"identity": "g", "identityType": "Group"}]}]}"#,
        #"{"documentid": "https://example.com/c", "Date": "2024-01-02T03:04:05.000Z", "fileExtension": ".md", "score": 1.5e3}"#,
    ]

    /// A deterministic generator (SplitMix64).
    struct Mixer {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((value ^ (value >> 31)) % UInt64(max(1, bound)))
        }
    }

    /// One valid line, changed in one random way: a byte replaced, removed or inserted, the line cut short or
    /// repeated, or a structural character swapped.
    static func mutate(_ line: String, _ mixer: inout Mixer) -> [UInt8] {
        var bytes = Array(line.utf8)
        let position = mixer.next(bytes.count)
        switch mixer.next(6) {
        case 0: bytes[position] = UInt8(mixer.next(256))
        case 1: bytes.remove(at: position)
        case 2: bytes.insert(UInt8(mixer.next(256)), at: position)
        case 3: bytes = Array(bytes.prefix(position))
        case 4: bytes += bytes
        default:
            let structural: [UInt8] = Array("{}[],:\"\\".utf8)
            bytes[position] = structural[mixer.next(structural.count)]
        }
        // A newline inside a mutation would split the line; keep one record per line.
        return bytes.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }
    }

    @Test("2,000 mutated document lines: one record per line, problems with their line, valid lines intact")
    func mutatedLines() async throws {
        var mixer = Mixer(state: 20_261_203)
        var file: [UInt8] = []
        var expectedValid: [Int: String] = [:]
        for number in 1...2_000 {
            let line = Self.valid[mixer.next(Self.valid.count)]
            if mixer.next(4) == 0 {
                file += Array(line.utf8)
                expectedValid[number] = line
            } else {
                file += Self.mutate(line, &mixer)
            }
            file.append(UInt8(ascii: "\n"))
        }
        let folder = try InProcessFolder()
        let path = try folder.write("fuzz.jsonl", bytes: file)
        var rules = InputRules(records: .documents)
        rules.maxProblemsBeforeGivingUp = .max
        let records = try await InProcessFixtures.records(path, rules)
        #expect(records.map(\.position.line) == (1...2_000).map { Optional($0) })
        for record in records {
            guard let line = record.position.line, let original = expectedValid[line] else { continue }
            guard case .addOrUpdate(let document) = record.operation else {
                Issue.record("line \(line) was valid: \(String(describing: record.problem))")
                continue
            }
            let expected = try Document(json: try JSONParser().parse(Array(original.utf8)))
            #expect(document == expected, "line \(line)")
        }
        for record in records {
            if let problem = record.problem {
                #expect(!problem.reason.isEmpty)
                #expect(problem.position.file == path)
            }
        }
        #expect(records.contains { $0.problem != nil } && records.contains { $0.operation != nil })
    }
}
