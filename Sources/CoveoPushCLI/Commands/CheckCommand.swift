import CoveoPush
import Foundation

/// `coveo-push check [push|identities|catalog|fields|sources|providers|logs]...`: evaluates every privilege the
/// needs require (the SDK's ``PrivilegeNeed`` table) through the Platform API, before any work.
///
/// Exit status 0 when all are granted, 3 when some are missing; each is listed by name, and the rows whose
/// privilege model Coveo does not document are labelled "assumed".
struct CheckCommand: Subcommand {
    static let name = "check"
    static let summary = "Check that the API key has every privilege the given work needs (Platform API)."
    static let usage = "coveo-push check [push|identities|catalog|fields|sources|providers|logs]... [options]"
    static let specs: [OptionSpec] = []
    static let details = [
        "Default: push. Prints each privilege (granted or MISSING) with the needs that require it; exit status 0",
        "when all are granted, 3 when some are missing. With --source (or COVEO_SOURCE_ID), push and catalog check",
        "SOURCE_ITEMS:EDIT on that source, else on every source. Rows marked 'assumed' use privilege names Coveo",
        "does not document: check a missing one in the console before blaming the key.",
    ]

    /// What standard error says when an assumed privilege is missing.
    static let assumedNote =
        "assumed: Coveo names these privileges only in the console (\"Push items to sources\", \"Sources View all\", "
        + "\"Organization View\", \"Push identities to security providers\"); check the key there before blaming it"

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        let needs = try Self.needs(arguments.positionals)
        let run = PlatformRun(arguments: arguments, environment: environment, command: Self.name)
        let (client, target) = try run.connect(needs: .organizationOnly)
        let sourceId = target.sourceId.isEmpty ? nil : target.sourceId
        let missing = try await client.missingPrivileges(for: needs, sourceId: sourceId)
        let rows = Self.rows(needs, sourceId: sourceId, missing: missing)
        if run.json {
            run.console.line(Self.json(needs, rows: rows))
        } else {
            for row in rows { run.console.line((row.granted ? "granted  " : "MISSING  ") + row.privilege.description) }
            let names = needs.map(\.rawValue).joined(separator: ", ")
            if missing.isEmpty {
                run.console.line("all \(rows.count) privileges granted for \(names)")
            } else {
                run.console.line(
                    "\(missing.count) of \(rows.count) privileges missing for \(names): "
                        + missing.map(\.privilege.name).joined(separator: ", "))
            }
        }
        if missing.contains(where: \.isAssumed) { run.console.note(Self.assumedNote) }
        return missing.isEmpty ? .success : .authentication
    }

    /// The needs named on the command line, in order, each once; `push` when none is named.
    ///
    /// - Throws: ``UsageError`` naming an unknown need and the known ones.
    static func needs(_ words: [String]) throws(UsageError) -> [PrivilegeNeed] {
        var needs: [PrivilegeNeed] = []
        for word in words {
            guard let need = PrivilegeNeed(rawValue: word.lowercased()) else {
                throw UsageError(
                    "'\(word)' is not something to check; use one or more of "
                        + PrivilegeNeed.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if !needs.contains(need) { needs.append(need) }
        }
        return needs.isEmpty ? [.push] : needs
    }

    /// One privilege to show: granted or not, with the needs that require it (and so its "assumed" label).
    struct Row {
        var privilege: MissingPrivilege
        var granted: Bool
    }

    /// Every distinct privilege the needs require, in the table's order, with the evaluation's outcome.
    static func rows(_ needs: [PrivilegeNeed], sourceId: String?, missing: [MissingPrivilege]) -> [Row] {
        var rows: [Row] = []
        for need in needs {
            for privilege in need.privileges(sourceId: sourceId) {
                if let index = rows.firstIndex(where: { $0.privilege.privilege == privilege }) {
                    if !rows[index].privilege.neededBy.contains(need) { rows[index].privilege.neededBy.append(need) }
                    continue
                }
                let absent = missing.first { $0.privilege == privilege }
                rows.append(
                    Row(
                        privilege: absent ?? MissingPrivilege(privilege: privilege, neededBy: [need]),
                        granted: absent == nil))
            }
        }
        return rows
    }

    /// `{"needs":[…],"granted":bool,"privileges":[{"privilege","targetId","neededBy","assumed","granted",
    /// "resultCodes"}]}`.
    static func json(_ needs: [PrivilegeNeed], rows: [Row]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("needs")
        writer.beginArray()
        for need in needs { writer.string(need.rawValue) }
        writer.endArray()
        writer.key("granted")
        writer.bool(rows.allSatisfy(\.granted))
        writer.key("privileges")
        writer.beginArray()
        for row in rows {
            writer.beginObject()
            writer.key("privilege")
            writer.string(row.privilege.privilege.name)
            writer.key("targetId")
            writer.string(row.privilege.privilege.targetId)
            writer.key("neededBy")
            writer.beginArray()
            for need in row.privilege.neededBy { writer.string(need.rawValue) }
            writer.endArray()
            writer.key("assumed")
            writer.bool(row.privilege.isAssumed)
            writer.key("granted")
            writer.bool(row.granted)
            writer.key("resultCodes")
            writer.beginArray()
            for code in row.privilege.resultCodes { writer.string(code) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
