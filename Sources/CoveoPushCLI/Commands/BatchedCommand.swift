import CoveoPush
import Foundation

/// The shared flow of the subcommands that stream input files into a session (push, catalog, identities):
/// strict validation, the run, the summary.
struct BatchedCommand {
    /// The run itself, given to ``Around``.
    typealias Body = @Sendable () async throws -> BatchedRun.Outcome
    /// What a subcommand does around the run (push: the source status, then delete older than); it returns the
    /// outcome and one note per thing it did.
    typealias Around = @Sendable (PushClient, @escaping Body) async throws -> (BatchedRun.Outcome, [String])

    let name: String
    let batching: BatchingOptions
    let files: [String]
    let rules: InputRules

    /// Runs the inputs into the session `makeFeed` opens, inside `around`, and prints the summary.
    ///
    /// - Parameters:
    ///   - client: The client to push with (`push --verify` made it first, for its privilege check); by default
    ///     one the factory makes.
    ///   - verification: With `push --verify`: waited for after a run that ended normally, its report in the
    ///     summary (exit status 1 when a document was rejected or is still pending).
    func run(
        client givenClient: PushClient? = nil, verification: PushVerification? = nil,
        _ makeFeed: @escaping @Sendable (PushClient) -> SessionFeed,
        around: Around = { _, body in (try await body(), []) }
    ) async throws -> ExitStatus {
        var summary = Summary(command: name, target: batching.factory.targetName)
        batching.announce()
        let client = try givenClient ?? batching.factory.makeClient()
        let run = batching.run(files: files, rules: rules)
        let started = ContinuousClock.now
        if batching.arguments.flag(PushCommand.strict) {
            let problems = try await run.validateAll()
            if !problems.isEmpty {
                summary.collect(report: PushReport(), problems: problems, rejected: [])
                summary.notes.append("--strict: \(problems.count) invalid inputs, nothing was sent")
                summary.exitStatus = .partialFailure
                batching.print(summary)
                return .partialFailure
            }
        }
        do {
            let (outcome, notes) = try await around(client) { try await run.run(into: makeFeed(client)) }
            summary.collect(report: outcome.report, problems: outcome.problems, rejected: outcome.rejected)
            summary.notes = outcome.fieldProblems + outcome.fieldNotes + notes
            summary.exitStatus = .for(
                failures: outcome.report,
                otherFailures: outcome.problems.count + outcome.rejected.count + outcome.fieldProblems.count)
            if let verification {
                if batching.progressLine != nil { batching.environment.console.note("verifying indexing...") }
                let report = await verification.verify()
                summary.verification = report
                if Task.isCancelled {
                    summary.notes.append("verification interrupted: \(report.pending) documents still pending")
                    summary.exitStatus = batching.environment.interruption()
                } else if !report.isConfirmed && summary.exitStatus == .success {
                    summary.exitStatus = .partialFailure
                }
            }
        } catch let interrupted as BatchedRun.Interrupted {
            let outcome = interrupted.outcome
            summary.collect(report: outcome.report, problems: outcome.problems, rejected: outcome.rejected)
            summary.notes =
                outcome.fieldProblems + outcome.fieldNotes + interrupted.notes
                + ["stopped: \(ErrorText.describe(interrupted.underlying))"]
            summary.exitStatus = batching.environment.exitStatus(for: interrupted)
        } catch let error as UsageError {
            throw error
        } catch {
            // The work around the run failed (a source status refused or interrupted, delete older than):
            // the summary still closes the run, for `--json` readers too.
            batching.environment.console.note("coveo-push \(name): \(ErrorText.describe(error))")
            summary.notes.append("stopped: \(ErrorText.describe(error))")
            summary.exitStatus = batching.environment.exitStatus(for: error)
        }
        summary.seconds = PushCommand.seconds(since: started)
        await summary.countRequests(of: client)
        summary.lastAccepted = batching.resume.lastAccepted
        batching.print(summary)
        return summary.exitStatus
    }
}

/// `coveo-push identities --provider ID PATH...` and `coveo-push identities delete-older-than`.
struct IdentitiesCommand: Subcommand {
    static let name = "identities"
    static let summary = "Push security identities (members, mappings, deleted) to a security identity provider."
    static let usage =
        "coveo-push identities --provider ID [options] PATH...\n"
        + "       coveo-push identities delete-older-than --provider ID --ordering-id N [--queue-delay MINUTES]"
    static let details = [
        "Each .json file is a batch object {\"members\": [...], \"mappings\": [...], \"deleted\": [...]}, sent",
        "through file containers in size-bounded batches.",
    ]
    static let specs: [OptionSpec] =
        [
            .value(PushCommand.queueDelay, "MINUTES", "with delete-older-than: delay before the deletion"),
            .unsupported(PushVerification.flag, PushVerification.onlyOnPush),
        ]
        + PushCommand.batchingSpecs

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        if arguments.positionals.first == "delete-older-than" {
            return try await deleteOlderThan(arguments, environment)
        }
        if arguments.string(PushCommand.queueDelay) != nil {
            throw UsageError("--queue-delay only applies to 'identities delete-older-than'")
        }
        let files = try InputFiles.list(arguments.positionals)
        let target = try TargetResolver(arguments: arguments, environment: environment.variables).resolve(
            needs: .provider)
        let batching = try BatchingOptions(arguments, environment: environment, target: target)
        var rules = InputRules(records: .identities)
        rules.maxDocumentBytes = batching.maxDocumentBytes
        let command = BatchedCommand(name: Self.name, batching: batching, files: files, rules: rules)
        return try await command.run { client in
            .identities(client.identitySession(providerId: target.providerId, orderingId: batching.orderingId))
        }
    }

    private func deleteOlderThan(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws
        -> ExitStatus
    {
        guard arguments.positionals.count == 1 else {
            throw UsageError("unexpected argument '\(arguments.positionals[1])'")
        }
        guard let orderingId = try arguments.integer(PushCommand.orderingId, in: 0...Int64.max) else {
            throw UsageError("--ordering-id is required")
        }
        let queueDelay = try arguments.int(PushCommand.queueDelay, in: 0...1440)
        return try await SingleRequestRun(
            arguments: arguments, environment: environment, command: "identities delete-older-than"
        ).run(needs: .provider) { client, target in
            try await client.deleteIdentitiesOlderThan(
                orderingId: orderingId, providerId: target.providerId, queueDelay: queueDelay)
            return (PushReport(), "asked to delete the identities older than orderingId \(orderingId)")
        }
    }
}

/// `coveo-push catalog update|merge|load PATH...` and `coveo-push catalog delete-older-than`: catalog items
/// through the Stream API, to a catalog source or (`--data-collection`) a data collection.
struct CatalogCommand: Subcommand {
    static let name = "catalog"
    static let summary = "Push catalog items to a catalog source or a data collection through the Stream API."
    static let usage =
        "coveo-push catalog update|merge|load [options] PATH...\n"
        + "       coveo-push catalog delete-older-than --ordering-id N [--queue-delay MINUTES]"
    static let shard = "--shard"
    static let details = [
        "update: replace items, delete items, and apply partialUpdate entries ({\"documentId\", \"operator\",",
        "        \"field\", \"value\"}; operators arrayAppend, arrayRemove, fieldValueReplace, dictionaryPut,",
        "        dictionaryRemove). merge: shallow-merge items into the existing ones.",
        "load:   a full load; items absent from it disappear from the catalog.",
        "Files: .json batch objects {\"addOrUpdate\": [...], \"delete\": [...], \"partialUpdate\": [...]},",
        "arrays or single documents, and .jsonl files of documents.",
        "delete-older-than: delete the items last updated before the cutoff --ordering-id (milliseconds since",
        "        1970), after --queue-delay minutes (the service's default is 15).",
        "--data-collection ID sends every request to that data collection instead of a source.",
    ]
    static let specs: [OptionSpec] =
        [
            .value(shard, "NAME", "update only: the Stream API's experimental shard (1 to 10 letters or digits)"),
            .value(PushCommand.orderingId, "N", "delete-older-than only: the cutoff, in milliseconds since 1970"),
            .value(PushCommand.queueDelay, "MINUTES", "delete-older-than only: delay before the deletion"),
            .unsupported(PushVerification.flag, PushVerification.onlyOnPush),
        ] + PushCommand.batchingSpecs.filter { $0.name != PushCommand.orderingId }

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        guard let modeName = arguments.positionals.first else {
            throw UsageError("give the kind of push: update, merge, load or delete-older-than")
        }
        if modeName.lowercased() == "delete-older-than" {
            return try await deleteOlderThan(arguments, environment)
        }
        for option in [PushCommand.orderingId, PushCommand.queueDelay] where arguments.string(option) != nil {
            throw UsageError("\(option) only applies to 'catalog delete-older-than'")
        }
        let mode: CatalogSession.Mode
        switch modeName.lowercased() {
        case "update": mode = .update(shard: try Self.shard(arguments))
        case "merge", "load":
            if arguments.string(Self.shard) != nil {
                throw UsageError(
                    "\(Self.shard) only applies to 'catalog update': the Stream API's \(modeName.lowercased()) "
                        + "takes no shard")
            }
            mode = modeName.lowercased() == "merge" ? .merge : .load
        default:
            throw UsageError(
                "the kind of catalog push must be update, merge, load or delete-older-than, not '\(modeName)'")
        }
        let files = try InputFiles.list(Array(arguments.positionals.dropFirst()))
        let target = try TargetResolver(arguments: arguments, environment: environment.variables).resolve(
            needs: .sourceOrDataCollection)
        let batching = try BatchingOptions(arguments, environment: environment, target: target)
        var isUpdate = false
        if case .update = mode { isUpdate = true }
        var rules = InputRules(records: .catalog(partialUpdates: isUpdate))
        rules.maxDocumentBytes = batching.maxDocumentBytes
        let command = BatchedCommand(
            name: "catalog \(modeName.lowercased())", batching: batching, files: files, rules: rules)
        return try await command.run { client in
            .catalog(client.catalogSession(target: target.streamTarget, mode: mode))
        }
    }

    /// The `--shard` option, checked: 1 to 10 ASCII letters or digits.
    static func shard(_ arguments: ParsedArguments) throws(UsageError) -> String? {
        guard let text = arguments.string(shard) else { return nil }
        do {
            try RequestValidation.shard(text)
        } catch {
            throw UsageError("\(shard) '\(text)' must be 1 to 10 ASCII letters or digits")
        }
        return text
    }

    /// `catalog delete-older-than`: one Stream API `deleteolderthan` request.
    private func deleteOlderThan(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws
        -> ExitStatus
    {
        guard arguments.positionals.count == 1 else {
            throw UsageError("unexpected argument '\(arguments.positionals[1])'")
        }
        if arguments.string(Self.shard) != nil {
            throw UsageError("\(Self.shard) only applies to 'catalog update'")
        }
        guard let cutoff = try arguments.integer(PushCommand.orderingId, in: 0...Int64.max) else {
            throw UsageError("--ordering-id is required: the cutoff, in milliseconds since 1970")
        }
        let queueDelay = try arguments.int(PushCommand.queueDelay, in: 0...1440)
        return try await SingleRequestRun(
            arguments: arguments, environment: environment, command: "catalog delete-older-than"
        ).run(needs: .sourceOrDataCollection) { client, target in
            let request: DeleteStreamOlderThanRequest
            do throws(ValidationError) {
                request = try DeleteStreamOlderThanRequest(
                    organizationId: client.organizationId, target: target.streamTarget, epochMilliseconds: cutoff,
                    queueDelay: queueDelay)
            } catch {
                throw PushError(error, operation: .deleteStreamOlderThan)
            }
            _ = try await client.send(request)
            return (
                PushReport(),
                "asked to delete the items of the \(target.streamTarget) older than orderingId \(cutoff)"
            )
        }
    }
}
