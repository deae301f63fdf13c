import CoveoPush
import CoveoPushEmulator
import Foundation

/// `coveo-push push PATH...`: pushes documents, batch objects and content files to a Push source.
struct PushCommand: Subcommand {
    static let name = "push"
    static let summary = "Push documents (.json, .jsonl) and content files (anything else) to a Push source."

    static let compression = "--compression"
    static let batchSize = "--batch-size"
    static let concurrency = "--concurrency"
    static let status = "--status"
    static let deleteOlderThan = "--delete-older-than"
    static let queueDelay = "--queue-delay"
    static let orderingId = "--ordering-id"
    static let strict = "--strict"
    static let progress = "--progress"
    static let noProgress = "--no-progress"
    static let maxDocumentSize = "--max-document-size"
    static let createFields = "--create-fields"
    static let normalizeKeys = "--normalize-keys"

    /// `--normalize-keys`, shared with `fields sync`.
    static let normalizeKeysSpec = OptionSpec.value(
        normalizeKeys, "lowercase|snake_case", "rewrite metadata keys into names a field can have")

    /// The options shared with the other batching subcommands (catalog, identities).
    static let batchingSpecs: [OptionSpec] = [
        .value(batchSize, "BYTES", "the largest batch file (default 16000000; Coveo's limit is 256 MB)"),
        .value(concurrency, "N", "uploads in flight (default 4)"),
        .value(orderingId, "N", "the orderingId of every batch of this run"),
        .flag(strict, "validate every input first; push nothing if anything is invalid"),
        .flag(progress, "show a live progress line on standard error (default when it is a terminal)"),
        .flag(noProgress, "never show the progress line"),
        .value(maxDocumentSize, "BYTES", "skip documents and lines larger than this (default 64000000)"),
    ]

    static let specs: [OptionSpec] =
        [
            .value(compression, "zlib|gzip|deflate|none", "compression of content files (default zlib)"),
            .value(status, "rebuild|refresh|incremental|none", "source status during the push (default incremental)"),
            .flag(deleteOlderThan, "after the push, delete the source's items not pushed in this run"),
            .value(queueDelay, "MINUTES", "delay before the deletion of older items (service default 15)"),
            .flag(createFields, "create the fields the documents need before the batches that need them"),
            normalizeKeysSpec,
        ] + batchingSpecs + PushVerification.specs

    static let usage = "coveo-push push [options] PATH..."
    static let details = [
        "A .json file holds one document, an array of documents, or a batch object",
        "{\"addOrUpdate\": [...], \"delete\": [...]}; a .jsonl file one document per line. Any other file is pushed as",
        "content (documentId its file:// URI, title its name). Folders are walked recursively, skipping dot files.",
        "--create-fields checks the fields privileges, lists the organization's fields once, and creates the fields",
        "new metadata keys need before the documents carrying them are batched; a conflict with a field is listed",
        "(the field is not changed, the documents are still pushed) and the exit status is 1.",
    ]

    func run(_ arguments: ParsedArguments, _ environment: CommandEnvironment) async throws -> ExitStatus {
        let files = try InputFiles.list(arguments.positionals)
        let target = try TargetResolver(arguments: arguments, environment: environment.variables).resolve(
            needs: .source)
        let status = try arguments.choice(Self.status, from: ["rebuild", "refresh", "incremental", "none"])
        let sourceStatus: SourceStatus? =
            switch status ?? "incremental" {
            case "rebuild": .rebuild
            case "refresh": .refresh
            case "incremental": .incremental
            default: nil
            }
        let deleteOlder = arguments.flag(Self.deleteOlderThan)
        let queueDelay = try arguments.int(Self.queueDelay, in: 0...1440)
        if queueDelay != nil && !deleteOlder { throw UsageError("--queue-delay only applies with --delete-older-than") }
        var rules = InputRules(records: .documents)
        rules.compression = try Self.compression(arguments)
        let batching = try BatchingOptions(arguments, environment: environment, target: target)
        rules.maxDocumentBytes = batching.maxDocumentBytes
        rules.normalizeKeys = try Self.normalization(arguments)
        let checkPrivileges = !arguments.flag(ClientOptions.dryRun)
        let creator = arguments.flag(Self.createFields) ? FieldCreator(dryRun: !checkPrivileges) : nil
        let orderingId =
            batching.orderingId ?? (deleteOlder ? Int64(environment.now().timeIntervalSince1970 * 1000) : nil)

        let sourceId = target.sourceId
        let command = BatchedCommand(name: Self.name, batching: batching, files: files, rules: rules)
        let client = try batching.factory.makeClient()
        let verification = try PushVerification.make(arguments, target: target, reader: client)
        if verification != nil { try await PushVerification.checkPrivileges(client, sourceId: sourceId) }
        let onCommit: (@Sendable (CommittedBatch) async -> Void)?
        if let verifier = verification?.verifier {
            onCommit = { batch in await verifier.record(batch) }
        } else {
            onCommit = nil
        }
        let makeFeed: @Sendable (PushClient) -> SessionFeed = { client in
            var feed = SessionFeed.push(client.session(sourceId: sourceId, orderingId: orderingId, onCommit: onCommit))
            feed.fields = creator
            return feed
        }
        let around: BatchedCommand.Around = { client, body in
            try await creator?.start(client: client, checkPrivileges: checkPrivileges)
            return try await Self.around(
                body, client: client, sourceId: sourceId, status: sourceStatus,
                deleteOlderThan: deleteOlder ? orderingId : nil, queueDelay: queueDelay)
        }
        let exitStatus = try await command.run(
            client: client, verification: verification, makeFeed, around: around)
        if let emulator = target.embeddedEmulator, batching.factory.targetName == ClientFactory.emulatorName {
            batching.printListing(await EmulatorReport.items(of: emulator, sourceId: sourceId))
            if let line = await EmulatorReport.unmappedKeys(of: emulator, organizationId: target.organizationId) {
                batching.printListing(line)
            }
        }
        return exitStatus
    }

    /// The push inside the source status (IDLE attempted after it, also on failure), then the deletion of the
    /// items older than this run when every input was accepted.
    static func around(
        _ body: @escaping BatchedCommand.Body, client: PushClient, sourceId: String, status: SourceStatus?,
        deleteOlderThan orderingId: Int64?, queueDelay: Int?
    ) async throws -> (BatchedRun.Outcome, [String]) {
        let push: @Sendable () async throws -> (BatchedRun.Outcome, [String]) = {
            let outcome = try await body()
            guard let orderingId else { return (outcome, []) }
            guard outcome.report.isComplete && outcome.problems.isEmpty && outcome.rejected.isEmpty else {
                return (outcome, ["delete-older-than skipped: some inputs failed, so older items were kept"])
            }
            do {
                try await client.deleteOlderThan(orderingId: orderingId, sourceId: sourceId, queueDelay: queueDelay)
            } catch {
                throw BatchedRun.Interrupted(underlying: error, outcome: outcome)
            }
            return (outcome, ["deleted the source's items older than orderingId \(orderingId)"])
        }
        guard let status else { return try await push() }
        var pushed: (BatchedRun.Outcome, [String])?
        do {
            return try await client.withStatus(status, sourceId: sourceId) {
                let result = try await push()
                pushed = result
                return result
            }
        } catch {
            // Only IDLE failed: what was pushed still counts.
            guard let (outcome, notes) = pushed else { throw error }
            throw BatchedRun.Interrupted(underlying: error, outcome: outcome, notes: notes)
        }
    }

    /// The `--normalize-keys` option.
    static func normalization(_ arguments: ParsedArguments) throws(UsageError) -> MetadataKeyNormalization? {
        let names = MetadataKeyNormalization.allCases.map(\.rawValue)
        return try arguments.choice(normalizeKeys, from: names).flatMap(MetadataKeyNormalization.init(rawValue:))
    }

    static func compression(_ arguments: ParsedArguments) throws(UsageError) -> CompressionType {
        switch try arguments.choice(compression, from: ["zlib", "gzip", "deflate", "none"]) ?? "zlib" {
        case "gzip": return .gzip
        case "deflate": return .deflate
        case "none": return .uncompressed
        default: return .zlib
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
