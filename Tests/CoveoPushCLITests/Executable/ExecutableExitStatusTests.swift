import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

/// The exit statuses of the real executable: 2 for usage and configuration errors, 3 for refused credentials,
/// 4 for an unreachable service (0, 1, 130 and 143 are covered by the other suites).
@Suite("coveo-push exit statuses (executable)")
struct ExecutableExitStatusTests {
    static func document(_ sandbox: ExecSandbox) throws -> String {
        try sandbox.write("doc.json", ExecFixture.line("https://example.com/x/1", title: "X", data: "x"))
    }

    @Test("--version and --help exit 0; no subcommand exits 2")
    func versionAndHelp() async throws {
        let sandbox = try ExecSandbox()
        let version = try await sandbox.run(["--version"], environment: sandbox.environment())
        #expect(version.exited(with: 0) && version.stdout.hasPrefix("coveo-push "), "\(version)")
        let help = try await sandbox.run(["push", "--help"], environment: sandbox.environment())
        #expect(help.exited(with: 0) && help.stdout.contains("usage: coveo-push push"), "\(help)")
        let nothing = try await sandbox.run([], environment: sandbox.environment())
        #expect(nothing.exited(with: 2) && nothing.stderr.contains("usage: coveo-push"), "\(nothing)")
    }

    @Test("an unknown option exits 2 and sends nothing")
    func unknownOption() async throws {
        let sandbox = try ExecSandbox()
        let file = try Self.document(sandbox)
        try await ExecEmulator.with { emulator in
            let result = try await sandbox.run(
                ["push", file, "--bogus"] + emulator.target, environment: sandbox.environment(["COVEO_API_KEY": "k-123"]))
            #expect(result.exited(with: 2), "\(result)")
            #expect(result.stderr.contains("unknown option --bogus"), "\(result)")
            #expect(await emulator.service.requestLog.isEmpty)
        }
    }

    @Test("an incomplete target (a key but no organization) exits 2 naming the organization")
    func incompleteTarget() async throws {
        let sandbox = try ExecSandbox()
        let file = try Self.document(sandbox)
        try await ExecEmulator.with { emulator in
            let result = try await sandbox.run(
                ["push", file, "--base-url", emulator.baseURL],
                environment: sandbox.environment(["COVEO_API_KEY": "k-123", "COVEO_SOURCE_ID": "src"]))
            #expect(result.exited(with: 2), "\(result)")
            #expect(result.stderr.contains("incomplete target"), "\(result)")
            #expect(result.stderr.contains("organization"), "\(result)")
            #expect(!result.output.contains("built-in in-memory"), "a partial target must not fall back to the emulator")
            #expect(await emulator.service.requestLog.isEmpty)
        }
    }

    @Test("plain http to a host that is not loopback exits 2")
    func plainHTTPRefused() async throws {
        let sandbox = try ExecSandbox()
        let file = try Self.document(sandbox)
        let result = try await sandbox.run(
            ["push", file, "--base-url", "http://example.com/push/v1", "--organization", "org", "--source", "src"],
            environment: sandbox.environment(["COVEO_API_KEY": "k-123"]))
        #expect(result.exited(with: 2), "\(result)")
        #expect(result.stderr.contains("--base-url"), "\(result)")
    }

    @Test("a key the service refuses exits 3 with the HTTP status, never printing the key")
    func refusedKey() async throws {
        let sandbox = try ExecSandbox()
        let file = try Self.document(sandbox)
        try await ExecEmulator.with(.init(apiKey: "right-key-3333")) { emulator in
            let result = try await sandbox.run(
                ["push", file] + emulator.target, environment: sandbox.environment(["COVEO_API_KEY": "wrong-key-3333"]))
            #expect(result.exited(with: 3), "\(result)")
            #expect(result.output.contains("403") || result.output.contains("401"), "\(result)")
            #expect(!result.output.contains("wrong-key-3333"), "the key leaked: \(result)")
            #expect(!result.output.contains("right-key-3333"))
            #expect(await emulator.documentIds().isEmpty)
            #expect(await emulator.service.requestLog.allSatisfy { $0.statusCode == 403 })
            #expect(await !emulator.service.requestLog.isEmpty)

            let delete = try await sandbox.run(
                ["delete", "https://example.com/x/1"] + emulator.target,
                environment: sandbox.environment(["COVEO_API_KEY": "wrong-key-3333"]))
            #expect(delete.exited(with: 3), "\(delete)")
            #expect(!delete.output.contains("wrong-key-3333"), "\(delete)")
        }
    }

    @Test("an unreachable service exits 4, quickly with --max-attempts 1")
    func unreachable() async throws {
        let sandbox = try ExecSandbox()
        let file = try Self.document(sandbox)
        let result = try await sandbox.run(
            ["push", file, "--base-url", "http://127.0.0.1:1/push/v1", "--organization", "org", "--source", "src",
             "--max-attempts", "1"],
            environment: sandbox.environment(["COVEO_API_KEY": "k-123"]))
        #expect(result.exited(with: 4), "\(result)")
        #expect(!result.stderr.isEmpty, "the failure must be explained: \(result)")
    }
}
