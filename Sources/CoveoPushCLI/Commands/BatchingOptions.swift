import CoveoPush
import Foundation

/// The parsed options, client factory and output of a batching subcommand (push, catalog, identities).
struct BatchingOptions {
    let arguments: ParsedArguments
    let environment: CommandEnvironment
    let target: ResolvedTarget
    let factory: ClientFactory
    let resume = ResumePoint()
    let progressLine: ProgressLine?
    let orderingId: Int64?
    let maxDocumentBytes: Int
    let json: Bool

    init(_ arguments: ParsedArguments, environment: CommandEnvironment, target: ResolvedTarget) throws(UsageError) {
        self.arguments = arguments
        self.environment = environment
        self.target = target
        json = arguments.flag(ClientOptions.json)
        let batchLimit =
            try arguments.int(PushCommand.batchSize, in: 10_000...PushLimits.maxFileContainerBytes)
            ?? CoveoPushCommand.defaultBatchBytes
        let concurrency = try arguments.int(PushCommand.concurrency, in: 1...64)
        orderingId = try arguments.integer(PushCommand.orderingId, in: 0...Int64.max)
        maxDocumentBytes =
            try arguments.int(PushCommand.maxDocumentSize, in: 1_000...PushLimits.maxFileContainerBytes)
            ?? JSONLinesReader.defaultMaxLineBytes
        if arguments.flag(PushCommand.progress) && arguments.flag(PushCommand.noProgress) {
            throw UsageError("give --progress or --no-progress, not both")
        }
        let showProgress =
            arguments.flag(PushCommand.progress)
            || (environment.console.errIsTerminal && !arguments.flag(PushCommand.noProgress))
        progressLine = showProgress ? ProgressLine(console: environment.console) : nil
        let log = try RequestLog(
            console: environment.console, verbose: arguments.flag(ClientOptions.verbose),
            filePath: arguments.string(ClientOptions.logFile))
        factory = ClientFactory(
            target: target, arguments: arguments, environment: environment, log: log, concurrency: concurrency,
            batchLimit: batchLimit)
    }

    /// A reader and a run over `files`.
    func run(files: [String], rules: InputRules) -> BatchedRun {
        BatchedRun(files: files, reader: InputReader(rules: rules), resume: resume, progressLine: progressLine)
    }

    /// The emulator banner, first, when no target was given (and not with `--dry-run`, which sends nothing).
    func announce() {
        Output(console: environment.console, json: json).announce(factory)
    }

    /// The closing summary: text on standard output, or one JSON object with `--json` (failures included in it).
    func print(_ summary: Summary) {
        Output(console: environment.console, json: json).print(summary)
    }

    /// A listing after the summary (standard error with `--json`).
    func printListing(_ text: String) {
        Output(console: environment.console, json: json).printListing(text)
    }
}

/// Where the banner, summary and listings go, by output form.
struct Output {
    let console: Console
    let json: Bool

    func announce(_ factory: ClientFactory) {
        guard factory.targetName == ClientFactory.emulatorName else { return }
        if json { console.note(EmulatorReport.banner) } else { console.line(EmulatorReport.banner) }
    }

    func print(_ summary: Summary) {
        if json {
            console.line(summary.json)
        } else {
            console.line(summary.text)
        }
    }

    func printListing(_ text: String) {
        if json { console.note(text) } else { console.line(text) }
    }
}

/// Error descriptions for the console: never the API key (no error of the SDK holds it).
enum ErrorText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as PushError:
            var text = Summary.reason(error)
            if error.attempts > 1 { text += " (after \(error.attempts) attempts)" }
            return text
        case is CancellationError:
            return "interrupted"
        case let error as UsageError:
            return error.message
        default:
            return String(describing: error)
        }
    }
}
