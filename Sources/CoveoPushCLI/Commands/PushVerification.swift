import CoveoPush
import Foundation

/// `push --verify`: the indexing verifier fed by the push session's committed batches, and how it polls.
///
/// Poll intervals: against the service, the SDK's defaults (at least 30 s apart, backing off to 120 s, re-reading
/// the last 60 s for late entries). Against the built-in emulator or a loopback base URL (an emulator in another
/// process), every 2 s with no latency margin: their entries appear when they are dated.
struct PushVerification: Sendable {
    static let flag = "--verify"
    /// Why `catalog` and `identities` refuse `--verify` (they take it as an unsupported option).
    static let onlyOnPush =
        "verification reads the Logs API entries of Push source items; it is available on 'coveo-push push' only "
        + "(catalog items and security identities are not verified yet)"
    static let timeoutOption = "--verify-timeout"
    /// The default `--verify-timeout`, 15 minutes.
    static let defaultTimeout: TimeInterval = 15 * 60
    /// The poll interval against an emulator (built-in or loopback).
    static let emulatorPollInterval: Duration = .seconds(2)

    static let specs: [OptionSpec] = [
        .flag(flag, "after the push, wait for each accepted document's outcome in the source's logs"),
        .value(timeoutOption, "DURATION", "with --verify: how long to wait (90s, 15m, 2h, 7d; default 15m)"),
    ]

    let verifier: IndexingVerifier

    /// The verification `arguments` ask for, or `nil` without `--verify`.
    ///
    /// - Throws: ``UsageError`` for `--verify-timeout` without `--verify`, a bad duration, or `--dry-run`.
    static func make(_ arguments: ParsedArguments, target: ResolvedTarget, reader: any LogEntryReading)
        throws(UsageError) -> PushVerification?
    {
        let timeout = try arguments.duration(timeoutOption, maximum: 7 * 86_400)
        guard arguments.flag(flag) else {
            if timeout != nil { throw UsageError("\(timeoutOption) only applies with \(flag)") }
            return nil
        }
        if arguments.flag(ClientOptions.dryRun) {
            throw UsageError("\(flag) does not apply with --dry-run: nothing is sent, so nothing is indexed")
        }
        return PushVerification(
            verifier: IndexingVerifier(
                reader: reader, sourceId: target.sourceId,
                configuration: configuration(for: target, timeout: timeout ?? defaultTimeout)))
    }

    /// The verifier's configuration for a target: see the type's documentation for the rule.
    static func configuration(for target: ResolvedTarget, timeout: TimeInterval) -> IndexingVerifier.Configuration {
        var configuration = IndexingVerifier.Configuration()
        configuration.timeout = .milliseconds(Int64(timeout * 1000))
        let host = target.endpoint.baseURL.host ?? ""
        if target.embeddedEmulator != nil || PushEndpoint.isLoopback(host: host) {
            configuration.minimumPollInterval = emulatorPollInterval
            configuration.maximumPollInterval = emulatorPollInterval
            configuration.logsLatency = 0
        }
        return configuration
    }

    /// Checks that the key may read the logs, before anything is pushed.
    ///
    /// - Throws: ``MissingLogsPrivileges`` naming what is missing (exit status 3).
    static func checkPrivileges(_ client: PushClient, sourceId: String) async throws {
        let missing = try await client.missingPrivileges(for: [.logs], sourceId: sourceId)
        if !missing.isEmpty { throw MissingLogsPrivileges(missing: missing) }
    }

    /// Waits for the outcome of every recorded document (cancelling the task ends it early, the rest pending).
    func verify() async -> VerificationReport {
        await verifier.verify()
    }
}

/// The key cannot read the logs `--verify` needs.
struct MissingLogsPrivileges: Error, CustomStringConvertible {
    let missing: [MissingPrivilege]

    var description: String {
        "--verify needs to read the source's logs; the API key lacks "
            + missing.map(\.description).joined(separator: ", ")
    }
}
