import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `coveo-push emulate` in one child, pushed to by another child, stopped with SIGINT.
@Suite("coveo-push emulate (executable)", .serialized)
struct ExecutableEmulateTests {
    /// Starts `coveo-push emulate` with `arguments` and returns it with the base URL it printed.
    static func startEmulator(_ sandbox: ExecSandbox, _ arguments: [String] = []) async throws -> (ExecChild, String) {
        let emulator = try sandbox.child(["emulate", "--port", "0"] + arguments, environment: sandbox.environment())
        try emulator.start()
        let prefix = "Push API emulator listening on "
        var base: String?
        let announced = await ExecFixture.poll() {
            base = emulator.stdoutSoFar().split(separator: "\n").first { $0.hasPrefix(prefix) }
                .map { String($0.dropFirst(prefix.count)) }
            return base != nil || !emulator.isRunning
        }
        guard announced, let base else {
            emulator.send(SIGKILL)
            let result = await emulator.waitForExit(timeout: .seconds(60))
            throw ExecChildError(description: "the emulator did not announce its URL: \(result)")
        }
        return (emulator, base)
    }

    @Test("serves on a free port, takes a push from another process, and stops with exit 0 on SIGINT")
    func emulateThenPush() async throws {
        let sandbox = try ExecSandbox()
        try sandbox.write(
            "docs.jsonl",
            ExecFixture.line("https://example.com/e/1", title: "E1", data: "one") + "\n"
                + ExecFixture.line("https://example.com/e/2", title: "E2", data: "two") + "\n")
        let (emulator, base) = try await Self.startEmulator(sandbox)
        let url = try #require(URL(string: base))
        #expect(url.scheme == "http" && url.host == "127.0.0.1" && url.path == "/push/v1", "\(base)")
        #expect((url.port ?? 0) > 0, "port 0 must be replaced by the real port: \(base)")
        #expect(emulator.stdoutSoFar().contains("--base-url \(base)"), "the printed command names the URL")

        let push = try await sandbox.run(
            ["push", sandbox.input.path, "--base-url", base, "--organization", "my-org", "--source", "my-source"],
            environment: sandbox.environment(["COVEO_API_KEY": "any-key-123"]))
        #expect(push.exited(with: 0), "\(push)")
        let summary = try #require(ExecFixture.summaryLine(push), "\(push)")
        #expect(summary.contains("accepted 2, deleted 0, failed 0"), "\(summary)")
        #expect(emulator.isRunning, "the emulator must keep serving after a push")

        emulator.send(SIGINT)
        let result = await emulator.waitForExit()
        #expect(result.exited(with: 0), "\(result)")
        #expect(result.stdout.contains("emulator stopped"), "\(result)")
    }

    @Test("emulate --deny-privilege announces the denied privileges and a push needing one exits 3")
    func emulateDenyingPrivileges() async throws {
        let sandbox = try ExecSandbox()
        try sandbox.write("doc.json", ExecFixture.line("https://example.com/d/1", title: "D", data: "d"))
        let (emulator, base) = try await Self.startEmulator(
            sandbox, ["--deny-privilege", "source_items:edit,FIELD:CREATE"])
        let origin = base.replacingOccurrences(of: "/push/v1", with: "")
        #expect(emulator.stdoutSoFar().contains("Platform API at \(origin)/rest"), "\(emulator.stdoutSoFar())")
        let denied = "Denied privileges (their routes answer 403): FIELD:CREATE, SOURCE_ITEMS:EDIT"
        #expect(emulator.stdoutSoFar().contains(denied), "\(emulator.stdoutSoFar())")
        let refused = try await sandbox.run(
            ["push", sandbox.input.path, "--base-url", base, "--organization", "o", "--source", "s"],
            environment: sandbox.environment(["COVEO_API_KEY": "any-key-123"]))
        #expect(refused.exited(with: 3), "\(refused)")
        emulator.send(SIGINT)
        let result = await emulator.waitForExit()
        #expect(result.exited(with: 0), "\(result)")
    }

    @Test("emulate --api-key refuses another key with exit 3 and accepts its own")
    func emulateWithKey() async throws {
        let sandbox = try ExecSandbox()
        try sandbox.write("doc.json", ExecFixture.line("https://example.com/k/1", title: "K", data: "k"))
        let (emulator, base) = try await Self.startEmulator(sandbox, ["--api-key", "emulator-key-31"])
        #expect(!emulator.stdoutSoFar().contains("emulator-key-31"), "the emulator's banner must not show its key")
        let target = [sandbox.input.path, "--base-url", base, "--organization", "o", "--source", "s"]
        let refused = try await sandbox.run(
            ["push"] + target, environment: sandbox.environment(["COVEO_API_KEY": "other-key-31"]))
        #expect(refused.exited(with: 3), "\(refused)")
        let accepted = try await sandbox.run(
            ["push"] + target, environment: sandbox.environment(["COVEO_API_KEY": "emulator-key-31"]))
        #expect(accepted.exited(with: 0), "\(accepted)")
        emulator.send(SIGTERM)
        let result = await emulator.waitForExit()
        #expect(result.exited(with: 0), "\(result)")
        #expect(!result.output.contains("emulator-key-31"), "\(result)")
    }
}
