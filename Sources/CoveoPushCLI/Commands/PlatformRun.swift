import CoveoPush
import Foundation

/// Runs a Platform API subcommand (`source`, `provider`, `check`): resolves a target whose Platform API URL is
/// given or derived, builds the client, and checks the key's privileges before any write.
///
/// `--dry-run` is refused: these subcommands need the service's answers (a new ID, an evaluation).
struct PlatformRun {
    let arguments: ParsedArguments
    let environment: CommandEnvironment
    /// The subcommand and action, as errors name it: `source create`.
    let command: String

    /// Whether `--json` was given.
    var json: Bool { arguments.flag(ClientOptions.json) }
    var console: Console { environment.console }

    /// The resolved target and a client for it; the built-in emulator's banner goes to standard error, so standard
    /// output holds only the result.
    ///
    /// - Throws: ``UsageError`` for `--dry-run`, an incomplete target or one whose Platform URL cannot be derived.
    func connect(needs: TargetResolver.Needs) throws(UsageError) -> (client: PushClient, target: ResolvedTarget) {
        if arguments.flag(ClientOptions.dryRun) {
            throw UsageError(
                "\(ClientOptions.dryRun) does not apply to '\(command)': it needs the service's answers; "
                    + "run it against the built-in emulator (no target) to try it")
        }
        let target = try TargetResolver(arguments: arguments, environment: environment.variables)
            .resolve(needs: needs, api: .platform)
        let log = try RequestLog(
            console: console, verbose: arguments.flag(ClientOptions.verbose),
            filePath: arguments.string(ClientOptions.logFile))
        let factory = ClientFactory(target: target, arguments: arguments, environment: environment, log: log)
        if target.embeddedEmulator != nil { console.note(EmulatorReport.banner) }
        return (try factory.makeClient(), target)
    }

    /// Evaluates the privileges that `needs` require, before a write: `nil` when all are granted; otherwise each
    /// missing one is printed on standard error (assumed ones labelled) and the status is
    /// ``ExitStatus/authentication``.
    ///
    /// - Throws: ``PushError`` when an evaluation itself fails.
    func requirePrivileges(_ needs: [PrivilegeNeed], client: PushClient, sourceId: String?) async throws
        -> ExitStatus?
    {
        let missing = try await client.missingPrivileges(for: needs, sourceId: sourceId)
        guard !missing.isEmpty else { return nil }
        console.note("coveo-push \(command): nothing was changed; the API key lacks these privileges:")
        for privilege in missing { console.note("  missing \(privilege)") }
        if missing.contains(where: \.isAssumed) { console.note(CheckCommand.assumedNote) }
        return .authentication
    }
}
