import CoveoPush
import Foundation

/// `coveo-push fields sync PATH...`: analyses every document of the inputs, then creates the missing fields, or
/// nothing when anything would lose metadata.
///
/// In order: the fields privilege check (``PrivilegeNeed/fields``; missing → exit 3), one field listing, one
/// streaming pass over the inputs (the push command's ``InputReader``, one record in memory at a time, the
/// ``FieldAnalyzer`` keeping memory per distinct key), then, when the analysis is clean and no input was invalid,
/// one creation of every missing field (``PushClient/createFields(_:)``, 500 a request). `--dry-run` stops before
/// the creation: it sends reads only.
struct FieldsSync {
    let arguments: ParsedArguments
    let environment: CommandEnvironment

    func run() async throws -> ExitStatus {
        let files = try InputFiles.list(Array(arguments.positionals.dropFirst()))
        var rules = InputRules(records: .documents)
        rules.normalizeKeys = try PushCommand.normalization(arguments)
        rules.keepsOnlyIdAndMetadata = true
        rules.maxDocumentBytes =
            try arguments.int(PushCommand.maxDocumentSize, in: 1_000...PushLimits.maxFileContainerBytes)
            ?? JSONLinesReader.defaultMaxLineBytes
        let target = try TargetResolver(arguments: arguments, environment: environment.variables).resolve(
            needs: .organizationOnly)
        let dryRun = arguments.flag(ClientOptions.dryRun)
        // `--dry-run` here sends the reads: the client gets its real transport.
        var sending = arguments
        sending.flags.remove(ClientOptions.dryRun)
        let log = try RequestLog(
            console: environment.console, verbose: arguments.flag(ClientOptions.verbose),
            filePath: arguments.string(ClientOptions.logFile))
        let factory = ClientFactory(target: target, arguments: sending, environment: environment, log: log)
        let output = Output(console: environment.console, json: arguments.flag(ClientOptions.json))
        output.announce(factory)
        let client = try factory.makeClient()

        var summary = FieldSyncSummary(target: factory.targetName, dryRun: dryRun)
        let started = ContinuousClock.now
        do {
            try await sync(files: files, rules: rules, client: client, dryRun: dryRun, into: &summary)
        } catch let error as UsageError {
            throw error
        } catch {
            summary.stopped = ErrorText.describe(error)
            summary.exitStatus = environment.exitStatus(for: error)
        }
        summary.requests = await client.statistics().requests
        summary.seconds = PushCommand.seconds(since: started)
        output.print(summary)
        return summary.exitStatus
    }

    private func sync(
        files: [String], rules: InputRules, client: PushClient, dryRun: Bool, into summary: inout FieldSyncSummary
    ) async throws {
        let missing = try await client.missingPrivileges(for: [.fields])
        guard missing.isEmpty else {
            summary.missingPrivileges = missing.map(\.description)
            summary.exitStatus = .authentication
            return
        }
        var analyzer = FieldAnalyzer(existingFields: try await client.listFields())
        var problems: [InputProblem] = []
        let reader = InputReader(rules: rules)
        for file in files {
            try await reader.read(file) { record in
                switch record.outcome {
                case .failure(let problem):
                    problems.append(problem)
                case .success(.addOrUpdate(let document)):
                    do throws(ValidationError) {
                        try analyzer.add(document)
                    } catch {
                        problems.append(
                            InputProblem(
                                position: record.position, subject: document.documentId,
                                reason: "\(error.rule): \(error.message)"))
                    }
                case .success:
                    break
                }
            }
        }
        let report = analyzer.report()
        summary.report = report
        summary.failures = problems
        guard report.isClean && problems.isEmpty else {
            summary.exitStatus = .partialFailure
            return
        }
        guard !dryRun, !report.fieldsToCreate.isEmpty else { return }
        try await client.createFields(report.fieldsToCreate)
        summary.created = true
    }
}
