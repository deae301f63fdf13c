import CoveoPush
import CoveoPushTestSupport
import CoveoPushTesting
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Push API emulator in discard mode, served over loopback HTTP by a separate process (this executable
/// relaunched with the hidden `--serve-emulator PORT`), so the measured process shares nothing with it.
///
/// With `--serve-emulator PORT keep` the emulator keeps every item and its content, and also answers
/// `GET /benchmark/digests`: one line per item it holds, `<documentId> <ContentDigest>`, so a scenario can check
/// that content arrived intact without holding it.
struct EmulatorServerProcess {
    static let flag = "--serve-emulator"
    /// The word after the port that selects the keeping emulator.
    static let keepWord = "keep"
    /// The path of the digest listing of the keeping emulator.
    static let digestsPath = "/benchmark/digests"
    let process: SpawnedProcess
    let port: UInt16

    /// The Push API base URL.
    var baseURL: String { "http://127.0.0.1:\(port)/push/v1" }

    /// Starts the server process and waits until it accepts connections.
    static func start(logPath: String, keeping: Bool = false) throws -> EmulatorServerProcess {
        guard let executable = ScenarioLauncher.executableURL()?.path else {
            throw ScenarioFailure(description: "cannot find this executable to relaunch it")
        }
        let port = try freePort()
        let process = try SpawnedProcess.start(
            executable, [flag, String(port)] + (keeping ? [keepWord] : []), outputPath: logPath)
        for _ in 0..<500 {
            if canConnect(port: port) { return EmulatorServerProcess(process: process, port: port) }
            usleep(10_000)
        }
        process.kill()
        throw ScenarioFailure(description: "the emulator process did not start listening on port \(port)")
    }

    /// Stops the server process.
    func stop() { process.kill() }

    /// The digest of each item's content the keeping emulator holds, by document ID, asked over HTTP.
    func digests() throws -> [String: String] {
        let client = try RawHTTPClient(port: port)
        defer { client.shutdown() }
        let response = try client.request("GET", Self.digestsPath)
        guard response.statusCode == 200 else {
            throw ScenarioFailure(description: "the emulator answered \(response.statusCode) to \(Self.digestsPath)")
        }
        var digests: [String: String] = [:]
        for line in String(decoding: response.body, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { digests[String(parts[0])] = String(parts[1]) }
        }
        return digests
    }

    /// The child side: serves until killed; keeps items (and answers the digest listing) when `keeping`.
    static func serve(port: UInt16, keeping: Bool = false) async -> Int32 {
        do {
            let server: LoopbackPushServer
            if keeping {
                let relay = DigestRelay()
                server = try LoopbackPushServer(handler: relay, port: port)
                let configuration = InMemoryPushService.Configuration(
                    uploadBaseURL: server.baseURL.appendingPathComponent("upload"), requestLogLimit: 0)
                relay.service = InMemoryPushService(configuration: configuration)
            } else {
                let configuration = InMemoryPushService.Configuration(discardContent: true, requestLogLimit: 0)
                (server, _) = try LoopbackPushServer.emulator(configuration: configuration, port: port)
            }
            print("serving \(server.baseURL.absoluteString)")
            fflush(nil)
            while true { try await Task.sleep(for: .seconds(3600)) }
        } catch {
            StandardError.write("coveo-push-benchmark: emulator process: \(error)")
            return 1
        }
    }

    /// A port the system says is free now (bound to port 0, then released).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ScenarioFailure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw ScenarioFailure(description: "cannot find a free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    static func canConnect(port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }
}

/// The keeping emulator's handler: the digest listing, or the emulator.
private final class DigestRelay: Transport, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: InMemoryPushService?

    var service: InMemoryPushService? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        guard let service else { return TransportResponse(statusCode: 503) }
        guard request.url.path == EmulatorServerProcess.digestsPath else {
            return try await service.send(request, body: body)
        }
        var listing = ""
        for item in await service.items(sourceId: "benchmark") {
            listing += item.documentId + " " + ContentDigest(item.content ?? Data()).description + "\n"
        }
        return TransportResponse(statusCode: 200, body: Data(listing.utf8))
    }
}
