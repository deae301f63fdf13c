import CoveoPush

/// `coveo-push delete DOCUMENT_ID... [--children]`: deletes documents from a Push source.
struct DeleteCommand: Subcommand {
    static let name = "delete"
    static let summary = "Delete documents from a Push source, by document ID."
    static let usage = "coveo-push delete [options] DOCUMENT_ID..."
    static let children = "--children"
    static let specs: [OptionSpec] = [.flag(children, "also delete the items whose parentId is a given document")]

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        let ids = arguments.positionals
        guard !ids.isEmpty else { throw UsageError("give at least one document ID") }
        let children = arguments.flag(Self.children)
        return try await SingleRequestRun(arguments: arguments, environment: environment, command: Self.name).run(
            needs: .source
        ) { client, target in
            let report = await Self.delete(ids, children: children, client: client, sourceId: target.sourceId)
            let what = "document\(report.deleted == 1 ? "" : "s")\(children ? " and their children" : "")"
            return (report, "deleted \(report.deleted) \(what)")
        }
    }

    /// Deletes each document in turn. An invalid ID is reported and skipped; any other failure (the service, the
    /// network, the credentials) is reported and stops the run, the IDs after it counted as not sent.
    static func delete(_ ids: [String], children: Bool, client: PushClient, sourceId: String) async -> PushReport {
        var report = PushReport()
        for (index, id) in ids.enumerated() {
            do {
                try await client.delete(documentId: id, sourceId: sourceId, deleteChildren: children)
                report.deleted += 1
            } catch {
                let pushError =
                    (error as? PushError)
                    ?? PushError(.cancelled, operation: .deleteDocument, message: "\(error)")
                report.failed.append(PushReport.Failure(documentId: id, error: pushError))
                guard pushError.code == .invalidInput else {
                    let notSent = PushError(
                        .cancelled, operation: .deleteDocument,
                        message: "not sent: the deletion of '\(id)' failed first")
                    report.failed += ids[(index + 1)...].map { PushReport.Failure(documentId: $0, error: notSent) }
                    break
                }
            }
        }
        return report
    }
}

/// `coveo-push delete-older-than --ordering-id N`: deletes the items of a Push source older than an orderingId.
struct DeleteOlderThanCommand: Subcommand {
    static let name = "delete-older-than"
    static let summary = "Delete the items of a Push source whose orderingId is lower than the one given."
    static let usage = "coveo-push delete-older-than --ordering-id N [--queue-delay MINUTES] [options]"
    static let specs: [OptionSpec] = [
        .value(PushCommand.orderingId, "N", "items with a lower orderingId are deleted (required)"),
        .value(PushCommand.queueDelay, "MINUTES", "delay before the deletion is enqueued (service default 15)"),
    ]

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard arguments.positionals.isEmpty else {
            throw UsageError("unexpected argument '\(arguments.positionals[0])'")
        }
        guard let orderingId = try arguments.integer(PushCommand.orderingId, in: 0...Int64.max) else {
            throw UsageError("--ordering-id is required")
        }
        let queueDelay = try arguments.int(PushCommand.queueDelay, in: 0...1440)
        return try await SingleRequestRun(arguments: arguments, environment: environment, command: Self.name).run(
            needs: .source
        ) { client, target in
            try await client.deleteOlderThan(orderingId: orderingId, sourceId: target.sourceId, queueDelay: queueDelay)
            return (PushReport(), "asked to delete the items older than orderingId \(orderingId)")
        }
    }
}

/// `coveo-push status rebuild|refresh|incremental|idle`: sets the status of a Push source.
struct StatusCommand: Subcommand {
    static let name = "status"
    static let summary = "Set the status of a Push source (what the console's activity log shows)."
    static let usage = "coveo-push status rebuild|refresh|incremental|idle [options]"
    static let specs: [OptionSpec] = []

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard arguments.positionals.count == 1 else {
            throw UsageError("give exactly one status: rebuild, refresh, incremental or idle")
        }
        let statuses: [String: SourceStatus] = [
            "rebuild": .rebuild, "refresh": .refresh, "incremental": .incremental, "idle": .idle,
        ]
        guard let status = statuses[arguments.positionals[0].lowercased()] else {
            throw UsageError(
                "the status must be rebuild, refresh, incremental or idle, not '\(arguments.positionals[0])'")
        }
        return try await SingleRequestRun(arguments: arguments, environment: environment, command: Self.name).run(
            needs: .source
        ) { client, target in
            try await client.setStatus(status, sourceId: target.sourceId)
            return (PushReport(), "set the status of source '\(target.sourceId)' to \(status.rawValue)")
        }
    }
}
