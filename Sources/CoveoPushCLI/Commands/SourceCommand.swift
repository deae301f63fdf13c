import CoveoPush
import Foundation

/// `coveo-push source create NAME [--catalog] [--visibility private|secured|shared]` and `coveo-push source list`:
/// sources through the Platform API.
struct SourceCommand: Subcommand {
    static let name = "source"
    static let summary = "Create a Push or Catalog source, or list the organization's sources (Platform API)."
    static let usage = """
        coveo-push source create NAME [--catalog] [--visibility private|secured|shared] [options]
               coveo-push source list [options]
        """
    static let catalog = "--catalog"
    static let visibility = "--visibility"
    static let specs: [OptionSpec] = [
        .flag(catalog, "create: a Catalog source (Stream API) instead of a Push source"),
        .value(visibility, "private|secured|shared", "create: who sees the items (default secured: their permissions)"),
    ]
    static let details = [
        "create prints the new source's ID (--json: {\"id\",\"name\",\"sourceType\",\"sourceVisibility\"}) after",
        "checking the key's SOURCE privileges; list prints one source a line (--json: JSON Lines, the API's keys).",
    ]

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard let action = arguments.positionals.first else {
            throw UsageError("give an action: create NAME or list")
        }
        switch action {
        case "create":
            return try await create(arguments, environment)
        case "list":
            return try await list(arguments, environment)
        default:
            throw UsageError("unknown action '\(action)': use create or list")
        }
    }

    /// `source create NAME`: everything is checked before the first request.
    private func create(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard arguments.positionals.count == 2 else {
            throw UsageError(
                arguments.positionals.count < 2
                    ? "source create: give the new source's name"
                    : "source create: give one name (quote a name with spaces), not "
                        + arguments.positionals.dropFirst().map { "'\($0)'" }.joined(separator: " "))
        }
        let name = arguments.positionals[1]
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw UsageError("source create: the source name is empty")
        }
        var visibility = SourceVisibility.secured
        if let text = arguments.string(Self.visibility) {
            do {
                visibility = try SourceVisibility(parsing: text)
            } catch {
                throw UsageError("\(Self.visibility): \(error.message)")
            }
        }
        let type: SourceType = arguments.flag(Self.catalog) ? .catalog : .push
        let run = PlatformRun(arguments: arguments, environment: environment, command: "source create")
        let (client, _) = try run.connect(needs: .organizationOnly)
        if let refused = try await run.requirePrivileges([.sources], client: client, sourceId: nil) { return refused }
        let source = try await client.createSource(name: name, type: type, visibility: visibility)
        if run.json {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("id")
            writer.string(source.id)
            writer.key("name")
            writer.string(source.name.isEmpty ? name : source.name)
            writer.key("sourceType")
            writer.string(source.sourceType.rawValue.isEmpty ? type.rawValue : source.sourceType.rawValue)
            writer.key("sourceVisibility")
            writer.string((source.sourceVisibility ?? visibility).rawValue)
            writer.endObject()
            run.console.line(String(decoding: writer.bytes, as: UTF8.self))
        } else {
            run.console.line(source.id)
        }
        return .success
    }

    /// `source list`: every source of the organization, page after page.
    private func list(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard arguments.positionals.count == 1 else {
            throw UsageError("source list: unexpected argument '\(arguments.positionals[1])'")
        }
        for option in [Self.catalog, Self.visibility] where arguments.flag(option) || arguments.string(option) != nil {
            throw UsageError("\(option) applies only to source create")
        }
        let run = PlatformRun(arguments: arguments, environment: environment, command: "source list")
        let (client, _) = try run.connect(needs: .organizationOnly)
        let sources = try await client.listSources()
        for source in sources {
            run.console.line(run.json ? Self.jsonLine(source) : Self.textLine(source))
        }
        if !run.json { run.console.note("\(sources.count) source\(sources.count == 1 ? "" : "s")") }
        return .success
    }

    /// `ID<TAB>TYPE<TAB>VISIBILITY<TAB>NAME`, a missing value written `-`.
    static func textLine(_ source: SourceModel) -> String {
        [source.id, source.sourceType.rawValue, source.sourceVisibility?.rawValue ?? "", source.name]
            .map { $0.isEmpty ? "-" : $0 }.joined(separator: "\t")
    }

    /// One JSON object with the Source API's key names; absent values are left out.
    static func jsonLine(_ source: SourceModel) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("id")
        writer.string(source.id)
        writer.key("name")
        writer.string(source.name)
        writer.key("sourceType")
        writer.string(source.sourceType.rawValue)
        if let visibility = source.sourceVisibility {
            writer.key("sourceVisibility")
            writer.string(visibility.rawValue)
        }
        for (key, value) in [("pushEnabled", source.pushEnabled), ("streamEnabled", source.streamEnabled)] {
            guard let value else { continue }
            writer.key(key)
            writer.bool(value)
        }
        if source.status != nil || source.numberOfDocuments != nil {
            writer.key("information")
            writer.beginObject()
            if let status = source.status {
                writer.key("sourceStatus")
                writer.beginObject()
                writer.key("type")
                writer.string(status)
                writer.endObject()
            }
            if let count = source.numberOfDocuments {
                writer.key("numberOfDocuments")
                writer.integer(count)
            }
            writer.endObject()
        }
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
