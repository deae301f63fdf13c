import CCoveoZlib
import CoveoPush

/// `compress-zlib`, `compress-gzip`, `compress-deflate`: the SDK's ``StreamingCompressor`` against zlib
/// called directly, at the same level, on the same bytes, with the same input pieces and output buffer size.
///
/// Timed in the thread's CPU time: compression is single-threaded CPU work, and CPU time keeps other
/// processes on a shared machine from adding noise to the comparison.
struct CompressionScenario: BenchmarkScenario {
    /// The format produced.
    let type: CompressionType

    private static let level = 6
    private static let inputByteCount = 32_000_000
    private static let chunkSize = 256 * 1024
    private static let outputBufferSize = 64 * 1024
    private static let rounds = 3
    private static let seed: UInt64 = 0xC0FE

    var name: String { "compress-\(type.rawValue.lowercased())" }

    var summary: String {
        "StreamingCompressor (\(type.rawValue), level \(Self.level)) vs zlib called directly, "
            + "32 MB of generated HTML, timed in thread CPU time"
    }

    var targets: [BenchmarkTarget] { [.atLeast("vs_zlib", 0.9)] }

    private var windowBits: Int32 {
        switch type {
        case .deflate: return -15
        case .gzip: return 31
        default: return 15
        }
    }

    func run() throws -> [String: Double] {
        let input = TextCorpus.html(byteCount: Self.inputByteCount, seed: Self.seed)
        return try input.withUnsafeBytes { bytes in
            // Both sides checksum their output (the same small cost each), and must produce the same bytes.
            var ours = Output()
            var reference = Output()
            let best = try ScenarioTimer.bestOfAlternating(
                rounds: Self.rounds,
                on: .threadCPU,
                ours: { ours = try compressWithSDK(bytes) },
                reference: { reference = try compressDirectly(bytes) })
            guard ours == reference, ours.count > 0 else {
                throw ScenarioFailure(description: "StreamingCompressor and zlib produced different bytes")
            }
            let megabytes = Double(bytes.count) / 1_000_000
            return [
                "mb_per_s": megabytes / best.ours,
                "zlib_mb_per_s": megabytes / best.reference,
                "vs_zlib": best.reference / best.ours,
                "compressed_percent": 100 * Double(ours.count) / Double(bytes.count),
            ]
        }
    }

    /// The size and CRC-32 of a compressed output.
    private struct Output: Equatable {
        var count = 0
        var crc = crc32(0, nil, 0)

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            count += bytes.count
            crc = crc32(crc, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        }
    }

    private func compressWithSDK(_ input: UnsafeRawBufferPointer) throws -> Output {
        var output = Output()
        let compressor = try StreamingCompressor(type, level: Self.level)
        var offset = 0
        while offset < input.count {
            let end = min(offset + Self.chunkSize, input.count)
            try compressor.compress(UnsafeRawBufferPointer(rebasing: input[offset..<end])) { output.add($0) }
            offset = end
        }
        try compressor.finish { output.add($0) }
        return output
    }

    private func compressDirectly(_ input: UnsafeRawBufferPointer) throws -> Output {
        var output = Output()
        try ZlibDirect.compress(
            input, chunkSize: Self.chunkSize, level: Int32(Self.level), windowBits: windowBits,
            outputBufferSize: Self.outputBufferSize
        ) { output.add($0) }
        return output
    }
}
