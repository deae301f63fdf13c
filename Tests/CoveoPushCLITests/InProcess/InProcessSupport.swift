import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPushCLI

/// Collects what a command writes on standard output and standard error.
final class InProcessOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    var console: Console {
        Console(
            out: { [self] text in lock.withLock { outText += text } },
            err: { [self] text in lock.withLock { errText += text } },
            errIsTerminal: false)
    }

    var out: String { lock.withLock { outText } }
    var err: String { lock.withLock { errText } }
}

/// The outcome of one in-process command run.
struct InProcessRun {
    var status: CoveoPushCLI.ExitStatus
    var out: String
    var err: String

    /// The non-empty lines of standard output.
    var outLines: [String] { out.split(separator: "\n").map(String.init) }

    /// Standard output parsed as one JSON object (the `--json` summary).
    func summaryJSON() throws -> [String: Any] {
        let line = try #require(outLines.last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}

enum InProcessFixtures {
    /// A complete explicit target (with ``key`` as variables).
    static let target = ["--organization", "o", "--source", "s"]
    static let key = ["COVEO_API_KEY": "k"]

    /// Runs a command line in-process.
    static func run(
        _ arguments: [String], transport: (any Transport)? = nil, variables: [String: String] = key,
        now: @escaping @Sendable () -> Date = { Date() }
    ) async -> InProcessRun {
        let output = InProcessOutput()
        let environment = CommandEnvironment(
            console: output.console, variables: variables, transport: transport, now: now)
        let status = await CoveoPushCommand(environment: environment).run(arguments)
        return InProcessRun(status: status, out: output.out, err: output.err)
    }

    /// Parses a command line with a subcommand's options.
    static func parse(_ subcommand: any Subcommand.Type, _ words: [String]) throws(UsageError) -> ParsedArguments {
        try ArgumentParser(options: subcommand.allSpecs).parse(words)
    }

    /// Reads every record of a file with `rules`.
    static func records(_ path: String, _ rules: InputRules) async throws -> [InputRecord] {
        var records: [InputRecord] = []
        try await InputReader(rules: rules).read(path) { records.append($0) }
        return records
    }
}

extension InputRecord {
    var problem: InputProblem? {
        if case .failure(let problem) = outcome { return problem }
        return nil
    }

    var operation: InputOperation? {
        if case .success(let operation) = outcome { return operation }
        return nil
    }
}

/// A temporary folder, removed when released.
final class InProcessFolder: @unchecked Sendable {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("coveo-push-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes a file (creating its folders) and returns its full path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let full = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }
}

/// Forwards every request to an emulator and keeps each request with its body.
actor InProcessRecorder: Transport {
    let service: InMemoryPushService
    private(set) var requests: [(request: TransportRequest, body: Data?)] = []

    init(_ service: InMemoryPushService = InMemoryPushService()) {
        self.service = service
    }

    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        requests.append((request, try body?.loadData()))
        return try await service.send(request, body: body)
    }
}
