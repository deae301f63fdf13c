import CoveoPush
import CoveoPushTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `response-wait-cpu`: the CPU a request costs while it waits for a slow answer. A `TinyResponder` reads each
/// `PUT` of 1 KB, sleeps ``delay``, then answers 200; ``requests`` are sent one after the other, through
/// `URLSessionTransport` and through `RawHTTPClient` (blocking POSIX sockets, none of our HTTP code), and the
/// process's CPU time (user + system, `getrusage`) is divided by the wall time of each run.
///
/// A measurement, not a target: on Linux, FoundationNetworking keeps the write source libcurl asked for while
/// the request was sent, and the always-writable socket wakes it until the answer comes (`Reliability.md`).
struct ResponseWaitScenario: BenchmarkScenario {
    static let requests = 3
    /// How long the server waits before each answer, in seconds.
    static let delay = 1.0

    var name: String { "response-wait-cpu" }
    var summary: String {
        "\(Self.requests) PUTs of 1 KB answered after \(Self.delay) s each: CPU seconds per second of waiting, "
            + "through URLSessionTransport (cpu_per_wait) and a blocking raw-socket client (raw_cpu_per_wait)"
    }

    func run() async throws -> [String: Double] {
        let server = try TinyResponder { _ in
            Thread.sleep(forTimeInterval: Self.delay)
            return .respond(status: 200)
        }
        defer { server.stop() }
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 1_024)
        let url = server.baseURL.appendingPathComponent("upload/wait")

        let transport = URLSessionTransport()
        let session = try await measured {
            for _ in 0..<Self.requests {
                let request = TransportRequest(method: .put, url: url, timeout: .seconds(30))
                let status = try await transport.send(request, body: .data(Data(body))).statusCode
                guard status == 200 else { throw ScenarioFailure(description: "URLSessionTransport got \(status)") }
            }
        }
        let raw = try await measured {
            for _ in 0..<Self.requests {
                // TinyResponder closes each connection after its answer: one client per request.
                let client = try RawHTTPClient(port: server.port)
                defer { client.shutdown(readToo: true) }
                let status = try client.request("PUT", "/upload/wait", body: body).statusCode
                guard status == 200 else { throw ScenarioFailure(description: "RawHTTPClient got \(status)") }
            }
        }
        return [
            "cpu_per_wait": session.cpu / session.wall,
            "raw_cpu_per_wait": raw.cpu / raw.wall,
            "seconds": session.wall,
        ]
    }

    /// Runs `body` and returns its wall time and the CPU time the whole process spent meanwhile, in seconds.
    private func measured(_ body: () async throws -> Void) async throws -> (wall: Double, cpu: Double) {
        let cpuBefore = Self.processCPUSeconds()
        let wall = try await ScenarioTimer.asyncSeconds(body)
        return (wall, Self.processCPUSeconds() - cpuBefore)
    }

    /// User plus system time of this process so far.
    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return .nan }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
