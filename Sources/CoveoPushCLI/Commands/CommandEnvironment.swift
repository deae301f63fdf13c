import CoveoPush
import Foundation

/// What a subcommand runs with: where it writes, the process environment, and optionally a transport to use
/// instead of URLSession (tests run the whole command in-process against the emulator this way).
public struct CommandEnvironment: Sendable {
    /// Standard output and standard error.
    public var console: Console
    /// The environment variables (`COVEO_*`).
    public var variables: [String: String]
    /// A transport replacing `URLSessionTransport` for explicit targets; `nil` in the executable.
    public var transport: (any Transport)?
    /// The wall clock, for the orderingId of a run.
    public var now: @Sendable () -> Date

    /// Creates an environment.
    public init(
        console: Console = .standard, variables: [String: String] = ProcessInfo.processInfo.environment,
        transport: (any Transport)? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.console = console
        self.variables = variables
        self.transport = transport
        self.now = now
    }
}
