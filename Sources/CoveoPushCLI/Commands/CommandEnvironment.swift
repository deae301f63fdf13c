import CoveoPush
import Foundation

/// What a subcommand runs with: where it writes, the process environment, and optionally a transport to use
/// instead of URLSession (tests run the whole command in-process against the emulator this way).
package struct CommandEnvironment: Sendable {
    /// Standard output and standard error.
    package var console: Console
    /// The environment variables (`COVEO_*`).
    package var variables: [String: String]
    /// A transport replacing `URLSessionTransport` for explicit targets; `nil` in the executable.
    package var transport: (any Transport)?
    /// The wall clock, for the orderingId of a run.
    package var now: @Sendable () -> Date
    /// The status an interrupted run ends with: ``ExitStatus/terminated`` after SIGTERM, otherwise
    /// ``ExitStatus/interrupted`` (SIGINT, or the caller cancelling the task). The executable asks its
    /// ``SignalWatcher``, so the `--json` summary gives the status the process exits with.
    package var interruption: @Sendable () -> ExitStatus

    /// Creates an environment.
    package init(
        console: Console = .standard, variables: [String: String] = ProcessInfo.processInfo.environment,
        transport: (any Transport)? = nil, now: @escaping @Sendable () -> Date = { Date() },
        interruption: @escaping @Sendable () -> ExitStatus = { .interrupted }
    ) {
        self.console = console
        self.variables = variables
        self.transport = transport
        self.now = now
        self.interruption = interruption
    }

    /// The exit status an error ends a subcommand with, an interruption resolved by ``interruption``.
    func exitStatus(for error: any Error) -> ExitStatus {
        let status = ExitStatus.for(error)
        return status == .interrupted ? interruption() : status
    }
}
