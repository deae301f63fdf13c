import CoveoPush
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `cli-large-data`: the `coveo-push push` executable pushing one JSONL file of 1 KB documents among which five
/// carry a 40 MB `data` value (HTML text, escapes included), to the emulator keeping items in its own process. The
/// large values go over the 5 MB inline limit, so the command offloads each to its own file container; the figure
/// that matters is the command's peak memory, and each 40 MB value must arrive intact (its digest as the emulator
/// stored it equals the input's).
struct CLILargeDataScenario: BenchmarkScenario {
    /// The number of 1 KB documents.
    static let smallCount = 2_000
    /// The size of each large `data` value, in bytes of UTF-8.
    static let largeBytes = 40_000_000
    /// Where the large documents sit among the small ones (after that many small lines).
    static let largePositions = [100, 500, 900, 1_300, 1_900]

    var name: String { "cli-large-data" }
    var summary: String {
        "coveo-push push of a JSONL file of \(Self.smallCount) 1 KB documents and five 40 MB data values to the "
            + "emulator (keeping items) in its own process; peak_rss_mb is the command's; every value must arrive "
            + "intact"
    }
    var targets: [BenchmarkTarget] { [.atMost("peak_rss_mb", 130), .atLeast("intact_values", 5)] }

    func run() async throws -> [String: Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-large-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("documents.jsonl")
        let (inputBytes, expected) = try Self.writeInput(to: input)

        let server = try EmulatorServerProcess.start(
            logPath: directory.appendingPathComponent("server.log").path, keeping: true)
        defer { server.stop() }
        let cli = try ScenarioLauncher.coveoPushPath()
        for name in ["COVEO_ORGANIZATION_ID", "COVEO_SOURCE_ID", "COVEO_PUSH_BASE_URL", "COVEO_REGION"] {
            unsetenv(name)
        }
        setenv("COVEO_API_KEY", "benchmark-key", 1)
        setenv("TMPDIR", directory.path, 1)
        let output = directory.appendingPathComponent("cli.out").path
        let total = Self.smallCount + Self.largePositions.count
        var ending: SpawnedProcess.Ending?
        let seconds = try ScenarioTimer.seconds {
            ending = try SpawnedProcess.start(
                cli,
                [
                    "push", input.path, "--base-url", server.baseURL, "--organization", "benchmark", "--source",
                    "benchmark", "--no-progress", "--json",
                ],
                outputPath: output
            ).wait()
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard let ending, ending.status == 0, text.contains("\"accepted\":\(total),") else {
            throw ScenarioFailure(
                description: "coveo-push failed (\(String(describing: ending?.status))): \(text.suffix(2000))")
        }
        let stored = try server.digests()
        var intact = 0
        for (documentId, digest) in expected {
            guard stored[documentId] == digest else {
                throw ScenarioFailure(
                    description: "\(documentId) arrived as \(stored[documentId] ?? "nothing"), expected \(digest)")
            }
            intact += 1
        }
        guard stored.count == total else {
            throw ScenarioFailure(description: "the emulator holds \(stored.count) items, expected \(total)")
        }
        return [
            "peak_rss_mb": ending.peakRSSMegabytes,
            "seconds": seconds,
            "input_mb": Double(inputBytes) / 1_000_000,
            "mb_per_s": Double(inputBytes) / 1_000_000 / seconds,
            "intact_values": Double(intact),
        ]
    }

    /// Writes the JSONL input; returns its size and the digest of each large value's UTF-8, by document ID.
    static func writeInput(to url: URL) throws -> (Int, [String: String]) {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let encoder = DocumentEncoder()
        var expected: [String: String] = [:]
        var total = 0
        var buffer: [UInt8] = []
        func flush() {
            total += buffer.count
            handle.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
        var large = 0
        for index in 0..<smallCount {
            if large < largePositions.count, largePositions[large] == index {
                let documentId = "https://intranet.example.com/large/\(large)"
                let html = TextCorpus.html(byteCount: largeBytes, seed: UInt64(100 + large))
                expected[documentId] = ContentDigest(html).description
                var writer = JSONWriter(capacity: largeBytes + largeBytes / 8)
                writer.beginObject()
                writer.key("documentId")
                writer.string(documentId)
                writer.key("title")
                writer.string("Large page \(large)")
                writer.key("data")
                writer.string(String(decoding: html, as: UTF8.self))
                writer.endObject()
                flush()
                total += writer.bytes.count + 1
                handle.write(Data(writer.bytes + [UInt8(ascii: "\n")]))
                large += 1
            }
            buffer += try encoder.encode(BenchmarkDocuments.make(index), for: .batchItem).json
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 4 << 20 { flush() }
        }
        flush()
        return (total, expected)
    }
}
