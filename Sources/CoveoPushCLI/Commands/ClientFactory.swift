import CoveoPush
import CoveoPushEmulator
import Foundation

/// Builds the `PushClient` of a subcommand from its resolved target and options.
struct ClientFactory {
    let target: ResolvedTarget
    let arguments: ParsedArguments
    let environment: CommandEnvironment
    let log: RequestLog
    /// Uploads in flight and the batch size, for the subcommands that batch.
    var concurrency: Int?
    var batchLimit: Int?

    /// The dry-run transport, when `--dry-run` was given (kept to count what it printed).
    let dryRun: DryRunTransport?

    init(
        target: ResolvedTarget, arguments: ParsedArguments, environment: CommandEnvironment, log: RequestLog,
        concurrency: Int? = nil, batchLimit: Int? = nil
    ) {
        self.target = target
        self.arguments = arguments
        self.environment = environment
        self.log = log
        self.concurrency = concurrency
        self.batchLimit = batchLimit
        dryRun = arguments.flag(ClientOptions.dryRun) ? DryRunTransport(console: environment.console) : nil
    }

    /// The ``targetName`` of the embedded emulator.
    static let emulatorName = "emulator"

    /// What the client talks to, for the summary: `dry-run`, `emulator` or `service`.
    var targetName: String {
        if dryRun != nil { return "dry-run" }
        return target.embeddedEmulator != nil ? Self.emulatorName : "service"
    }

    func makeClient() throws(UsageError) -> PushClient {
        var configuration = PushClient.Configuration(
            endpoint: target.endpoint, organizationId: target.organizationId, credentials: .apiKey(target.apiKey))
        configuration.userAgentSuffix = "coveo-push-cli"
        configuration.platformURL = target.platformURL
        configuration.logsURL = target.logsURL
        if let seconds = try arguments.seconds(ClientOptions.timeout) {
            configuration.requestTimeout = .milliseconds(Int64((seconds * 1000).rounded()))
        }
        if let attempts = try arguments.int(ClientOptions.maxAttempts, in: 1...100) {
            do {
                configuration.retryPolicy = try RetryPolicy(maxAttempts: attempts)
            } catch {
                throw UsageError("\(ClientOptions.maxAttempts): \(error)")
            }
        }
        let proxy = try ProxySetup.proxy(from: arguments)
        if let concurrency { configuration.uploadConcurrency = concurrency }
        if let batchLimit { configuration.batchLimit = batchLimit }
        if log.isActive {
            let log = log
            configuration.logHandler = { log.record($0) }
        }
        let transport: any Transport
        if let dryRun {
            transport = dryRun
        } else if let emulator = target.embeddedEmulator {
            transport = emulator
        } else if let override = environment.transport {
            transport = override
        } else {
            transport = ProxySetup.makeTransport(
                proxy: proxy, endpoint: target.endpoint, maximumConnectionsPerHost: max(4, (concurrency ?? 4) + 2))
        }
        do {
            return try PushClient(configuration: configuration, transport: transport)
        } catch {
            throw UsageError("invalid configuration: \(error)")
        }
    }
}
