import CoveoPush
import Foundation

/// Runs a subcommand that sends one operation (delete, delete-older-than, status): resolves the target, sends,
/// and prints a one-line result or the `--json` summary.
struct SingleRequestRun {
    let arguments: ParsedArguments
    let environment: CommandEnvironment
    let command: String

    func run(
        needs: TargetResolver.Needs, _ operation: (PushClient, ResolvedTarget) async throws -> (PushReport, String)
    ) async throws -> ExitStatus {
        let target = try TargetResolver(arguments: arguments, environment: environment.variables).resolve(needs: needs)
        let log = try RequestLog(
            console: environment.console, verbose: arguments.flag(ClientOptions.verbose),
            filePath: arguments.string(ClientOptions.logFile))
        let factory = ClientFactory(target: target, arguments: arguments, environment: environment, log: log)
        let output = Output(console: environment.console, json: arguments.flag(ClientOptions.json))
        output.announce(factory)
        let client = try factory.makeClient()
        var summary = Summary(command: command, target: factory.targetName)
        let started = ContinuousClock.now
        do {
            let (report, note) = try await operation(client, target)
            summary.collect(report: report, problems: [], rejected: [])
            summary.notes.append(note)
            summary.exitStatus = Task.isCancelled ? environment.interruption() : .for(failures: report, otherFailures: 0)
        } catch let error as PushError where error.code != .cancelled {
            summary.failures.append(Summary.Failure(position: nil, subject: error.documentIds.first, reason: Summary.reason(error)))
            summary.exitStatus = .for(error)
        }
        await summary.countRequests(of: client)
        summary.seconds = PushCommand.seconds(since: started)
        output.print(summary)
        return summary.exitStatus
    }
}
