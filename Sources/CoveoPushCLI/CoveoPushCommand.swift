import CoveoPush
import Foundation

/// The `coveo-push` command: parses a command line, runs the subcommand, and returns the exit status.
///
/// The executable is a thin wrapper around this type (plus signal handling), so tests and the benchmark run the
/// same code in-process:
///
/// ```swift
/// let status = await CoveoPushCommand(environment: CommandEnvironment()).run(["push", "exports/"])
/// ```
package struct CoveoPushCommand: Sendable {
    /// What the command runs with.
    package let environment: CommandEnvironment

    /// The default `--batch-size` (16 MB): small enough that uploads overlap reading and encoding and memory
    /// stays low, large enough that a 1 GB export needs about 60 batches. The SDK's own default is larger.
    package static let defaultBatchBytes = 16_000_000

    static let subcommands: [any Subcommand.Type] = [
        PushCommand.self, DeleteCommand.self, DeleteOlderThanCommand.self, StatusCommand.self,
        IdentitiesCommand.self, CatalogCommand.self, SourceCommand.self, ProviderCommand.self, CheckCommand.self,
        FieldsCommand.self, LogsCommand.self, EmulateCommand.self,
    ]

    /// Creates the command.
    package init(environment: CommandEnvironment = CommandEnvironment()) {
        self.environment = environment
    }

    /// Runs a command line (without the program name) and returns its exit status; errors are printed on
    /// standard error, never with the API key.
    package func run(_ arguments: [String]) async -> ExitStatus {
        let console = environment.console
        guard let name = arguments.first else {
            console.note(Self.overview)
            return .usage
        }
        if name == "-h" || name == "--help" || name == "help" {
            console.line(Self.overview)
            return .success
        }
        if name == "--version" {
            console.line("coveo-push \(CoveoPushVersion.current)")
            return .success
        }
        guard let subcommand = Self.subcommands.first(where: { $0.name == name }) else {
            console.note("coveo-push: unknown subcommand '\(name)'\n\n" + Self.overview)
            return .usage
        }
        do {
            let parsed = try ArgumentParser(options: subcommand.allSpecs).parse(Array(arguments.dropFirst()))
            if parsed.wantsHelp {
                console.line(subcommand.help)
                return .success
            }
            return try await subcommand.init().run(parsed, environment)
        } catch let error as UsageError {
            console.note("coveo-push \(name): \(error.message)\nRun 'coveo-push \(name) --help' for its options.")
            return .usage
        } catch {
            let status = environment.exitStatus(for: error)
            console.note("coveo-push \(name): \(ErrorText.describe(error))")
            return status
        }
    }

    /// The list of subcommands.
    static var overview: String {
        var lines = [
            "usage: coveo-push <subcommand> [options]", "",
            "Pushes content, permissions and security identities to Coveo through the Push and Stream APIs, and",
            "creates sources and providers and checks the API key's privileges through the Platform API.", "",
            "subcommands:",
        ]
        for subcommand in subcommands {
            lines.append("  " + subcommand.name.padding(toLength: 19, withPad: " ", startingAt: 0) + subcommand.summary)
        }
        lines += [
            "",
            "Run 'coveo-push <subcommand> --help' for its options. With no target (no --organization, --base-url,",
            "--push-api-url, ... and no COVEO_* variable) commands run against the built-in in-memory emulator.",
            "Exit status: 0 success, 1 some inputs failed, 2 usage or configuration error, 3 authentication or",
            "permission refused, 4 service or network failure, 130/143 interrupted.",
        ]
        return lines.joined(separator: "\n")
    }
}
