import CoveoPush
import Foundation

/// `coveo-push fields list` and `coveo-push fields sync PATH...`: the organization's fields (Platform API).
struct FieldsCommand: Subcommand {
    static let name = "fields"
    static let summary = "List the organization's fields, or create the fields your documents need (sync)."
    static let usage =
        "coveo-push fields list [options]\n"
        + "       coveo-push fields sync [--normalize-keys lowercase|snake_case] [--dry-run] [options] PATH..."
    static let details = [
        "list: one line per field (name, type, options set); --json: one JSON object per line, with the Field API's",
        "      key names (name, type, facet, sort, multiValueFacet, keyValue, ...).",
        "sync: reads the same inputs as push, streaming, and analyses every document's metadata: it prints the",
        "      fields to create with their types, every key whose values disagree (inconsistency), every existing",
        "      field the values do not fit (conflict) and every key no field can have. Any of those, or an invalid",
        "      input: nothing is created, exit status 1. Otherwise the missing fields are created.",
        "      It checks the fields privileges first (FIELD:VIEW, CREATE, EDIT): a missing one exits with 3.",
        "      --dry-run sends reads only (the privilege check and the field listing) and creates nothing.",
        "Types: integers LONG (LONG_64 beyond 32 bits), other numbers DOUBLE, strings and booleans STRING (dates",
        "in strings too); arrays of strings get multiValueFacet, objects keyValue. See Documentation/Fields.md.",
    ]
    static let specs: [OptionSpec] = [
        PushCommand.normalizeKeysSpec,
        .value(
            PushCommand.maxDocumentSize, "BYTES", "sync: skip documents and lines larger than this (default 64000000)"),
    ]

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard let action = arguments.positionals.first?.lowercased() else {
            throw UsageError("give what to do: list or sync")
        }
        switch action {
        case "list":
            guard arguments.positionals.count == 1 else {
                throw UsageError("unexpected argument '\(arguments.positionals[1])'")
            }
            for option in [PushCommand.normalizeKeys, PushCommand.maxDocumentSize] where arguments.string(option) != nil
            {
                throw UsageError("\(option) only applies to 'fields sync'")
            }
            return try await list(arguments, environment)
        case "sync":
            return try await FieldsSync(arguments: arguments, environment: environment).run()
        default:
            throw UsageError("the fields action must be list or sync, not '\(arguments.positionals[0])'")
        }
    }

    /// `fields list`: every field, sorted by name.
    private func list(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        let target = try TargetResolver(arguments: arguments, environment: environment.variables).resolve(
            needs: .organizationOnly)
        let log = try RequestLog(
            console: environment.console, verbose: arguments.flag(ClientOptions.verbose),
            filePath: arguments.string(ClientOptions.logFile))
        let factory = ClientFactory(target: target, arguments: arguments, environment: environment, log: log)
        let json = arguments.flag(ClientOptions.json)
        Output(console: environment.console, json: json).announce(factory)
        let client = try factory.makeClient()
        let fields = try await client.listFields()
        let console = environment.console
        if json {
            for field in fields { console.line(FieldText.json(field)) }
        } else {
            let width = min(40, fields.map(\.name.count).max() ?? 0)
            for field in fields { console.line(FieldText.line(field, width: width)) }
            console.line("\(fields.count) field\(fields.count == 1 ? "" : "s")")
        }
        return .success
    }
}
