import CoveoPush
import CoveoPushTesting
import Foundation
import Testing

/// `check`, `source create` and `provider create` run as child processes against an emulator over loopback HTTP:
/// the exit statuses a script sees, and the one line a script captures.
@Suite("coveo-push check, source, provider (executable)")
struct ExecutablePlatformTests {
    static let key = "exec-test-key-0012"

    @Test("check exits 3 naming the denied privilege; source create prints one line a script can capture")
    func checkAndCreate() async throws {
        let sandbox = try ExecSandbox()
        var configuration = InMemoryPushService.Configuration()
        configuration.deniedPrivileges = [EmulatedPrivilege(targetDomain: "SECURITY_PROVIDER", type: "CREATE")]
        try await ExecEmulator.with(configuration) { emulator in
            let environment = sandbox.environment(["COVEO_API_KEY": Self.key])
            let check = try await sandbox.run(
                ["check", "providers", "push"] + emulator.target, environment: environment)
            #expect(check.exited(with: 3), "\(check)")
            #expect(check.stdout.contains("MISSING  SECURITY_PROVIDER:CREATE (needed by providers)"), "\(check)")
            #expect(!check.stdout.contains(Self.key) && !check.stderr.contains(Self.key))

            let source = try await sandbox.run(
                ["source", "create", "Tickets"] + emulator.target, environment: environment)
            #expect(source.exited(with: 0), "\(source)")
            let lines = source.stdout.split(separator: "\n")
            #expect(lines.count == 1 && lines.first?.hasSuffix("-\(ExecEmulator.organization)") == true, "\(source)")

            let provider = try await sandbox.run(
                ["provider", "create", "p"] + emulator.target, environment: environment)
            #expect(provider.exited(with: 3), "\(provider)")
            #expect(provider.stderr.contains("missing SECURITY_PROVIDER:CREATE"), "\(provider)")
            #expect(await emulator.routes().contains(.createOrUpdateSecurityProvider) == false)
        }
    }
}
