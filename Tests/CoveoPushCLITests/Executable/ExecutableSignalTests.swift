import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A push interrupted by SIGTERM or SIGINT: exit 143 or 130, IDLE attempted, no temporary batch file left.
@Suite("coveo-push interrupted (executable)", .serialized)
struct ExecutableSignalTests {
    /// How long the delayed routes take to answer: far longer than any test waits, so only the signal can end
    /// the run. (The test process may be starved of CPU by other suites for tens of seconds; no check here
    /// depends on wall time.)
    static let latency: Duration = .seconds(600)

    /// 20,000 documents of about 300 bytes (6 MB): with 2 MB batches, each batch spills to a temporary file
    /// past the 1 MB memory threshold.
    static func writeLargeInput(_ sandbox: ExecSandbox) throws -> String {
        let filler = String(repeating: "abcdefghij", count: 22)
        var lines: [String] = []
        lines.reserveCapacity(20_000)
        for index in 0..<20_000 {
            lines.append(ExecFixture.line("https://example.com/big/\(index)", title: "Doc \(index)", data: filler))
        }
        return try sandbox.write("large.jsonl", lines.joined(separator: "\n") + "\n")
    }

    @Test(
        "a signal mid-push stops it with 143 (SIGTERM) or 130 (SIGINT), sets IDLE and leaves no temporary file",
        arguments: [SIGTERM, SIGINT])
    func interrupted(signal: Int32) async throws {
        // Container creations hang, so the signal comes while the first batch is being written or its
        // container requested: no upload body is in flight (see `interruptedDuringUpload`).
        try await Self.interrupt(
            with: signal, delaying: [.createFileContainer, .uploadToFileContainer, .pushDocumentBatch]
        ) { emulator, sandbox in
            await !emulator.service.statusHistory(sourceId: ExecEmulator.source).isEmpty
                && !sandbox.temporaryEntries().isEmpty
        }
    }

    @Test("with --json, the summary's exitStatus is the status the process exits with (143 on SIGTERM)")
    func interruptedJSON() async throws {
        let sandbox = try ExecSandbox()
        let file = try Self.writeLargeInput(sandbox)
        let faults = FaultPlan(
            routes: [.createFileContainer, .uploadToFileContainer, .pushDocumentBatch], latency: Self.latency)
        try await ExecEmulator.with(.init(faults: faults)) { emulator in
            let child = try sandbox.child(
                ["push", file, "--json", "--batch-size", "2000000", "--concurrency", "1"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": "signal-key-55"]))
            try child.start()
            let busy = await ExecFixture.poll {
                await !emulator.service.statusHistory(sourceId: ExecEmulator.source).isEmpty || !child.isRunning
            }
            #expect(busy && child.isRunning)
            child.send(SIGTERM)
            let result = await child.waitForExit()
            #expect(result.exited(with: 143), "\(result)")
            let object = try ExecFixture.object(try #require(result.stdoutLines.last, "\(result)"))
            #expect(object["exitStatus"] as? Int == 143, "the JSON summary must give the process's exit status")
            #expect(object["accepted"] as? Int == 0)
            #expect(object["failed"] as? Int == 0, "documents never answered are not failures: \(result)")
            #expect(object["notSent"] is Int, "\(result)")
        }
    }

    /// The same while the first batch's upload is in flight. (FoundationNetworking used to crash, rarely, when a
    /// file upload was cancelled; `URLSessionTransport` on Linux now abandons such an upload instead.)
    @Test("a signal during an upload stops the push cleanly", arguments: [SIGTERM, SIGINT])
    func interruptedDuringUpload(signal: Int32) async throws {
        try await Self.interrupt(with: signal, delaying: [.uploadToFileContainer, .pushDocumentBatch]) {
            emulator, sandbox in
            await emulator.routes().contains(.createFileContainer) && !sandbox.temporaryEntries().isEmpty
        }
    }

    /// Pushes the large input with 2 MB batches against an emulator whose `delaying` routes answer after
    /// ``latency``,
    /// sends `signal` once `ready` holds, and checks the interruption.
    static func interrupt(
        with signal: Int32, delaying routes: Set<EmulatedRoute>,
        ready: @escaping (ExecEmulator, ExecSandbox) async -> Bool
    ) async throws {
        let sandbox = try ExecSandbox()
        let file = try writeLargeInput(sandbox)
        let faults = FaultPlan(routes: routes, latency: Self.latency)
        try await ExecEmulator.with(.init(faults: faults)) { emulator in
            let child = try sandbox.child(
                ["push", file, "--batch-size", "2000000", "--concurrency", "1", "--no-progress"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": "signal-key-55"]))
            try child.start()
            let busy = await ExecFixture.poll {
                await ready(emulator, sandbox) || !child.isRunning
            }
            #expect(busy && child.isRunning, "the push must be under way, with a spilled batch in TMPDIR")
            #expect(await emulator.routes().first == .setSourceStatus, "INCREMENTAL is the first request")
            #expect(!sandbox.temporaryEntries().isEmpty, "the CLI must write its batch files under TMPDIR")
            child.send(signal)
            let result = await child.waitForExit()
            let expected: Int32 = signal == SIGTERM ? 143 : 130
            #expect(result.exited(with: expected), "\(result)")
            let statuses = await emulator.service.statusHistory(sourceId: ExecEmulator.source).map(\.status)
            #expect(statuses == [.incremental, .idle], "IDLE must be attempted after an interruption")
            let routes = await emulator.routes()
            #expect(routes.last == .setSourceStatus, "no request may follow IDLE: \(routes)")
            #expect(sandbox.temporaryEntries().isEmpty, "left in TMPDIR: \(sandbox.temporaryEntries())")
            let summary = try #require(ExecFixture.summaryLine(result), "the summary is printed after an interruption")
            #expect(summary.hasPrefix("push: accepted 0, deleted 0,"), "no batch was answered: \(summary)")
            #expect(result.stdout.contains("stopped: interrupted"), "the summary says why it stopped")
            #expect(
                summary.contains(", not sent "), "the spilled batch's documents are counted as not sent: \(summary)")
            #expect(!result.stdout.contains("failed: "), "unanswered documents are counted, not listed: \(result)")
            #expect(await emulator.documentIds().isEmpty, "no batch was pushed")
            #expect(!result.output.contains("signal-key-55"))
        }
    }
}
