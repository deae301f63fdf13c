import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `coveo-push push --verify` as a process: a signal during the wait for indexing prints the summary with what is
/// still pending and exits 130 or 143.
@Suite("coveo-push push --verify (executable)", .serialized)
struct ExecutableVerifyTests {
    @Test(
        "a signal during verification prints the --json summary with every document pending",
        arguments: [SIGINT, SIGTERM])
    func signalDuringVerification(signal: Int32) async throws {
        let sandbox = try ExecSandbox()
        let lines = (0..<5).map { ExecFixture.line("https://example.com/v/\($0)", title: "V\($0)", data: "v") }
        let file = try sandbox.write("docs.jsonl", lines.joined(separator: "\n") + "\n")
        var configuration = InMemoryPushService.Configuration()
        configuration.indexing = .init(delay: .seconds(3600))
        try await ExecEmulator.with(configuration) { emulator in
            let child = try sandbox.child(
                ["push", file, "--verify", "--json"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": "verify-key-13"]))
            try child.start()
            // Generous: the emulator runs in this process, which the rest of the suite can keep busy for minutes.
            let verifying = await ExecFixture.poll(timeout: .seconds(300)) {
                await emulator.routes().contains(.searchLogEntries) || !child.isRunning
            }
            #expect(verifying && child.isRunning, "the verification must be waiting")
            child.send(signal)
            let result = await child.waitForExit()
            #expect(result.exited(with: signal == SIGTERM ? 143 : 130), "\(result)")
            let summary = try ExecFixture.object(try #require(result.stdoutLines.last, "\(result)"))
            #expect(summary["accepted"] as? Int == 5)
            #expect(summary["exitStatus"] as? Int == (signal == SIGTERM ? 143 : 130))
            let verification = try #require(summary["verification"] as? [String: Any], "\(result)")
            #expect(verification["pending"] as? Int == 5)
            #expect(verification["indexed"] as? Int == 0)
        }
    }
}
