import CoveoPush
import Foundation

/// `coveo-push provider create ID --source SOURCE_ID`: creates or updates the `EXPANDED` security identity provider
/// of a source, cascading to Coveo's Email Security Provider (Platform API).
///
/// The source comes from `--source` or `COVEO_SOURCE_ID`, as for the other subcommands. The built-in emulator
/// starts empty in each run, so there the command first creates the Push source `emulator-source` and references
/// the new source's ID (and says so on standard error).
struct ProviderCommand: Subcommand {
    static let name = "provider"
    static let summary = "Create or update the security identity provider of a source (Platform API)."
    static let usage = "coveo-push provider create PROVIDER_ID --source SOURCE_ID [--display-name NAME] [options]"
    static let displayName = "--display-name"
    static let specs: [OptionSpec] = [
        .value(displayName, "NAME", "the name the console shows (default: the provider ID)")
    ]
    static let details = [
        "Prints the provider ID (--json: {\"id\",\"displayName\",\"type\",\"sourceIds\"}) after checking the key's",
        "SECURITY_PROVIDER privileges. The source may come from COVEO_SOURCE_ID. Safe to run again: the provider",
        "is replaced by the same definition. Push its identities with 'coveo-push identities --provider ID'.",
    ]

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard let action = arguments.positionals.first else { throw UsageError("give an action: create PROVIDER_ID") }
        guard action == "create" else { throw UsageError("unknown action '\(action)': use create") }
        guard arguments.positionals.count == 2 else {
            throw UsageError(
                arguments.positionals.count < 2
                    ? "provider create: give the provider ID"
                    : "provider create: give one provider ID, not "
                        + arguments.positionals.dropFirst().map { "'\($0)'" }.joined(separator: " "))
        }
        let providerId = arguments.positionals[1]
        guard !providerId.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UsageError("provider create: the provider ID is empty")
        }
        let displayName = arguments.string(Self.displayName)
        if let displayName, displayName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw UsageError("\(Self.displayName) is empty")
        }
        let run = PlatformRun(arguments: arguments, environment: environment, command: "provider create")
        let (client, target) = try run.connect(needs: .source)
        var sourceId = target.sourceId
        let needs: [PrivilegeNeed] = target.embeddedEmulator != nil ? [.sources, .providers] : [.providers]
        if let refused = try await run.requirePrivileges(needs, client: client, sourceId: nil) { return refused }
        if target.embeddedEmulator != nil {
            let source = try await client.createSource(name: target.sourceId)
            sourceId = source.id
            run.console.note(
                "coveo-push provider create: the built-in emulator starts empty, so it first created the Push source "
                    + "'\(source.name)' (ID \(source.id)) for the provider to reference")
        }
        let provider = try await client.createOrUpdateProvider(
            id: providerId, sourceId: sourceId, displayName: displayName)
        if run.json {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("id")
            writer.string(provider.id.isEmpty ? providerId : provider.id)
            writer.key("displayName")
            writer.string(provider.displayName ?? displayName ?? providerId)
            writer.key("type")
            writer.string(provider.type ?? "EXPANDED")
            writer.key("sourceIds")
            writer.beginArray()
            for id in provider.sourceIds.isEmpty ? [sourceId] : provider.sourceIds { writer.string(id) }
            writer.endArray()
            writer.endObject()
            run.console.line(String(decoding: writer.bytes, as: UTF8.self))
        } else {
            run.console.line(provider.id.isEmpty ? providerId : provider.id)
        }
        return .success
    }
}
