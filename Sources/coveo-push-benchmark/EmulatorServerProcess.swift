import CoveoPush
import CoveoPushTesting
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Push API emulator in discard mode, served over loopback HTTP by a separate process (this executable
/// relaunched with the hidden `--serve-emulator PORT`), so the measured process shares nothing with it.
struct EmulatorServerProcess {
    static let flag = "--serve-emulator"
    let process: SpawnedProcess
    let port: UInt16

    /// The Push API base URL.
    var baseURL: String { "http://127.0.0.1:\(port)/push/v1" }

    /// Starts the server process and waits until it accepts connections.
    static func start(logPath: String) throws -> EmulatorServerProcess {
        guard let executable = ScenarioLauncher.executableURL()?.path else {
            throw ScenarioFailure(description: "cannot find this executable to relaunch it")
        }
        let port = try freePort()
        let process = try SpawnedProcess.start(executable, [flag, String(port)], outputPath: logPath)
        for _ in 0..<500 {
            if canConnect(port: port) { return EmulatorServerProcess(process: process, port: port) }
            usleep(10_000)
        }
        process.kill()
        throw ScenarioFailure(description: "the emulator process did not start listening on port \(port)")
    }

    /// Stops the server process.
    func stop() { process.kill() }

    /// The child side: serves until killed.
    static func serve(port: UInt16) async -> Int32 {
        do {
            let configuration = InMemoryPushService.Configuration(discardContent: true, requestLogLimit: 0)
            let (server, _) = try LoopbackPushServer.emulator(configuration: configuration, port: port)
            print("serving \(server.baseURL.absoluteString)")
            fflush(nil)
            while true { try await Task.sleep(for: .seconds(3600)) }
        } catch {
            StandardError.write("coveo-push-benchmark: emulator process: \(error)")
            return 1
        }
    }

    /// A port the system says is free now (bound to port 0, then released).
    private static func freePort() throws -> UInt16 {
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

    private static func canConnect(port: UInt16) -> Bool {
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
