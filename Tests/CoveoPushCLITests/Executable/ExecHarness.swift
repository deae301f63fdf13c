import CoveoPush
import CoveoPushTesting
import Foundation

/// A temporary folder for one test: input files, the children's output files, a HOME and a TMPDIR of their own.
/// Removed when released.
final class ExecSandbox: @unchecked Sendable {
    let root: URL
    /// Where the test writes its input files.
    let input: URL
    /// The TMPDIR of every child (so a test can check that nothing is left in it).
    let temporary: URL
    let home: URL
    let outputs: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("coveo-push-exec-\(UUID().uuidString.lowercased())")
        input = root.appendingPathComponent("input")
        temporary = root.appendingPathComponent("tmp")
        home = root.appendingPathComponent("home")
        outputs = root.appendingPathComponent("outputs")
        for folder in [input, temporary, home, outputs] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes a file under the input folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = input.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The entries of the children's TMPDIR.
    func temporaryEntries() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
    }

    /// The environment of a child: PATH, HOME and TMPDIR only, plus `extra`. Nothing is inherited, so no
    /// `COVEO_*` variable of the machine running the tests leaks in.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "TMPDIR": temporary.path,
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Prepares a child (not started).
    ///
    /// A subcommand that sends requests gets `--timeout 150` unless the test gives one: the emulator these children
    /// push to runs in the test process, whose threads the rest of the suite can keep busy for over a minute, and a
    /// request answered after the default 60 s would be sent again (a retry the tests counting requests would see).
    func child(_ arguments: [String], environment: [String: String], directory: URL? = nil) throws -> ExecChild {
        var arguments = arguments
        let sending: Set<String> = ["push", "delete", "delete-older-than", "status", "identities", "catalog"]
        if let first = arguments.first, sending.contains(first), !arguments.contains("--timeout") {
            arguments += ["--timeout", "150"]
        }
        return try ExecChild(
            arguments, environment: environment, directory: directory ?? root, outputDirectory: outputs, owner: self)
    }

    /// Runs a child to its end (killed after `timeout`).
    func run(
        _ arguments: [String], environment: [String: String], directory: URL? = nil, timeout: Duration = .seconds(180)
    ) async throws -> ExecResult {
        let child = try child(arguments, environment: environment, directory: directory)
        try child.start()
        return await child.waitForExit(timeout: timeout)
    }
}

/// An emulator served over HTTP by the test process, for the children to push to.
struct ExecEmulator: Sendable {
    static let organization = "org"
    static let source = "src"

    let server: LoopbackPushServer
    let service: InMemoryPushService

    /// `http://127.0.0.1:PORT/push/v1`.
    var baseURL: String { server.baseURL.absoluteString + "/push/v1" }

    /// `--base-url … --organization org --source src`.
    var target: [String] {
        ["--base-url", baseURL, "--organization", Self.organization, "--source", Self.source]
    }

    /// Runs `body` with a fresh emulator, shutting it down afterwards whatever happens.
    static func with<T>(
        _ configuration: InMemoryPushService.Configuration = .init(), _ body: (ExecEmulator) async throws -> T
    ) async throws -> T {
        let (server, service) = try LoopbackPushServer.emulator(configuration: configuration)
        let emulator = ExecEmulator(server: server, service: service)
        do {
            let value = try await body(emulator)
            await server.shutdown()
            return value
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// A client of the SDK talking to the service directly, to set up items before a child runs.
    func setupClient(apiKey: String = "setup-key") throws -> PushClient {
        guard let url = URL(string: baseURL) else { throw ExecChildError(description: "bad URL \(baseURL)") }
        let configuration = PushClient.Configuration(
            endpoint: try PushEndpoint(baseURL: url), organizationId: Self.organization,
            credentials: .apiKey(try APIKey(apiKey)))
        return try PushClient(configuration: configuration, transport: service)
    }

    /// The document IDs the source holds, sorted.
    func documentIds() async -> [String] {
        await service.items(sourceId: Self.source).map(\.documentId).sorted()
    }

    /// The routes of the requests answered, in order.
    func routes() async -> [EmulatedRoute?] {
        await service.requestLog.map(\.route)
    }
}

/// Helpers shared by the executable tests.
enum ExecFixture {
    /// The package root, found from this file's path (Tests/CoveoPushCLITests/Executable/).
    static func packageRoot(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// One JSON Lines document with a title and a `data` body.
    static func line(_ id: String, title: String, data: String) -> String {
        #"{"documentId": "\#(id)", "title": "\#(title)", "data": "\#(data)"}"#
    }

    /// Parses one JSON object.
    static func object(_ text: some StringProtocol) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let object = value as? [String: Any] else {
            throw ExecChildError(description: "not a JSON object: \(text)")
        }
        return object
    }

    /// The `"<command>: accepted …"` summary line of a text run.
    static func summaryLine(_ result: ExecResult, command: String = "push") -> String? {
        result.stdoutLines.first { $0.hasPrefix("\(command): accepted ") }
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` passes.
    static func poll(timeout: Duration = .seconds(120), _ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await condition()
    }
}
