import CoveoPush
import CoveoPushTestSupport
import Foundation

/// `connections-per-host`: what libcurl (through FoundationNetworking) does when more requests are in flight to
/// one host than `URLSessionTransport`'s `maximumConnectionsPerHost`, or as many. 400 uploads of 256 KB from a
/// file, `in_flight` at a time, to `DiscardingPushServer` (which counts the connections it accepts), for each
/// (limit, in flight) pair: `connections_L_I` connections opened and `seconds_L_I`. A measurement, not a target:
/// it decides the transport's default (`BENCHMARKS.md`).
struct ConnectionsScenario: BenchmarkScenario {
    static let requests = 400
    static let bodyBytes = 256 * 1024
    static let pairs: [(limit: Int, inFlight: Int)] = [(4, 4), (4, 8), (4, 16), (8, 8), (16, 16)]

    var name: String { "connections-per-host" }
    var summary: String {
        "\(Self.requests) uploads of 256 KB through URLSessionTransport with maximumConnectionsPerHost L and I in "
            + "flight: connections_L_I opened (the server counts them), seconds_L_I"
    }
    var targets: [BenchmarkTarget] { [] }

    func run() async throws -> [String: Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "coveo-connections-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let body = directory.appendingPathComponent("body.bin")
        try Data(repeating: UInt8(ascii: "x"), count: Self.bodyBytes).write(to: body)
        var figures: [String: Double] = [:]
        for (limit, inFlight) in Self.pairs {
            let server = try DiscardingPushServer()
            defer { server.stop() }
            guard let url = URL(string: server.origin + "/upload/measure") else {
                throw ScenarioFailure(description: "no URL for \(server.origin)")
            }
            let transport = URLSessionTransport(maximumConnectionsPerHost: limit)
            let seconds = try await ScenarioTimer.asyncSeconds {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    var next = 0
                    func add() {
                        group.addTask {
                            let request = TransportRequest(method: .put, url: url, timeout: .seconds(60))
                            return try await transport.send(request, body: .file(body)).statusCode
                        }
                        next += 1
                    }
                    while next < min(inFlight, Self.requests) { add() }
                    while let status = try await group.next() {
                        guard status == 200 else { throw ScenarioFailure(description: "upload answered \(status)") }
                        if next < Self.requests { add() }
                    }
                }
            }
            figures["connections_\(limit)_\(inFlight)"] = Double(server.connectionCount)
            figures["seconds_\(limit)_\(inFlight)"] = seconds
        }
        return figures
    }
}
