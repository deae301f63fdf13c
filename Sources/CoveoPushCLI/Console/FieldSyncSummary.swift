import CoveoPush

/// The closing report of `coveo-push fields sync`: what the analysis found, what was created, and the exit status;
/// as text, or one JSON object with `--json`.
struct FieldSyncSummary: Sendable {
    var target: String
    var dryRun: Bool
    /// The analysis, once the inputs were read.
    var report = FieldAnalysisReport()
    /// Inputs skipped: unreadable, invalid, refused by `--normalize-keys` or by the key limit.
    var failures: [InputProblem] = []
    /// The privileges the key lacks (`MissingPrivilege` descriptions); nothing was read then.
    var missingPrivileges: [String] = []
    /// Whether the fields to create were created.
    var created = false
    /// The failure that stopped the run, if any.
    var stopped: String?
    var requests = 0
    var seconds: Double = 0
    var exitStatus: ExitStatus = .success

    /// The last line: what happened to the fields.
    var outcome: String {
        if !missingPrivileges.isEmpty {
            return "nothing read, nothing created: the API key lacks " + missingPrivileges.joined(separator: ", ")
        }
        if let stopped { return "stopped: \(stopped)" + (created ? "" : "; nothing created") }
        if exitStatus == .partialFailure {
            return "nothing created: fix the inconsistencies, conflicts, keys and inputs listed above "
                + "(--normalize-keys rewrites keys no field can have)"
        }
        if dryRun {
            return "--dry-run: nothing created; only reads were sent (the privilege check and the field listing)"
        }
        if report.fieldsToCreate.isEmpty { return "nothing to create: every metadata key has its field" }
        return "created \(report.fieldsToCreate.count) field\(report.fieldsToCreate.count == 1 ? "" : "s")"
    }

    /// The human-readable form.
    var text: String {
        var lines: [String] = []
        let width = min(40, report.fieldsToCreate.map(\.name.count).max() ?? 0)
        let verb = created ? "created" : "to create"
        lines += report.fieldsToCreate.map { "\(verb): " + FieldText.line($0, width: width) }
        lines += report.inconsistencies.map { "inconsistency: \($0)" }
        lines += report.conflicts.map { "conflict: \($0)" }
        lines += report.unmappableKeys.map { "no field can have: \($0)" }
        if !report.keysWithoutValues.isEmpty {
            lines.append(
                "no value yet (only empty arrays or objects), no field proposed: "
                    + report.keysWithoutValues.joined(separator: ", "))
        }
        lines += failures.map { "failed: \($0)" }
        lines += missingPrivileges.map { "missing privilege: \($0)" }
        lines.append(
            "fields sync: \(report.documentCount) documents; \(report.fieldsToCreate.count) fields to create, "
                + "\(report.existingFieldNames.count) existing, \(report.inconsistencies.count) inconsistencies, "
                + "\(report.conflicts.count) conflicts, \(report.unmappableKeys.count) keys no field can have, "
                + "\(failures.count) failed inputs; \(requests) requests, \(String(format: "%.2f", seconds)) s")
        lines.append(outcome)
        return lines.joined(separator: "\n")
    }

    /// The `--json` form: one object.
    var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("command")
        writer.string("fields sync")
        writer.key("target")
        writer.string(target)
        writer.key("exitStatus")
        writer.integer(Int64(exitStatus.rawValue))
        writer.key("dryRun")
        writer.bool(dryRun)
        writer.key("created")
        writer.bool(created)
        for (key, value) in [("documents", report.documentCount), ("requests", requests)] {
            writer.key(key)
            writer.integer(Int64(value))
        }
        writer.key("seconds")
        writer.double((seconds * 1000).rounded() / 1000)
        writer.key("fieldsToCreate")
        writer.beginArray()
        for field in report.fieldsToCreate { FieldText.write(field, into: &writer) }
        writer.endArray()
        Self.strings("existingFields", report.existingFieldNames, into: &writer)
        writer.key("inconsistencies")
        writer.beginArray()
        for item in report.inconsistencies {
            Self.object(
                [
                    ("name", item.name), ("firstType", item.firstType.rawValue),
                    ("firstDocumentId", item.firstDocumentId), ("secondType", item.secondType.rawValue),
                    ("secondDocumentId", item.secondDocumentId),
                ], into: &writer)
        }
        writer.endArray()
        writer.key("conflicts")
        writer.beginArray()
        for item in report.conflicts {
            Self.object(
                [
                    ("name", item.existing.name), ("existingType", item.existing.type.rawValue),
                    ("neededType", item.analyzedType.rawValue), ("documentId", item.documentId),
                ], into: &writer)
        }
        writer.endArray()
        writer.key("unmappableKeys")
        writer.beginArray()
        for item in report.unmappableKeys {
            Self.object(
                [("key", item.key), ("reason", item.reason.rawValue), ("documentId", item.documentId)], into: &writer)
        }
        writer.endArray()
        Self.strings("keysWithoutValues", report.keysWithoutValues, into: &writer)
        Self.strings("missingPrivileges", missingPrivileges, into: &writer)
        writer.key("failures")
        writer.beginArray()
        for failure in failures {
            writer.beginObject()
            writer.key("file")
            writer.string(failure.position.file)
            writer.key("line")
            if let line = failure.position.line { writer.integer(Int64(line)) } else { writer.null() }
            writer.key("id")
            if let subject = failure.subject { writer.string(subject) } else { writer.null() }
            writer.key("reason")
            writer.string(failure.reason)
            writer.endObject()
        }
        writer.endArray()
        writer.key("outcome")
        writer.string(outcome)
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func strings(_ key: String, _ values: [String], into writer: inout JSONWriter) {
        writer.key(key)
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
    }

    private static func object(_ members: [(String, String)], into writer: inout JSONWriter) {
        writer.beginObject()
        for (key, value) in members {
            writer.key(key)
            writer.string(value)
        }
        writer.endObject()
    }
}

extension Output {
    /// The closing report of `fields sync`: text on standard output, or one JSON object with `--json`.
    func print(_ summary: FieldSyncSummary) {
        console.line(json ? summary.json : summary.text)
    }
}
