/// The exit statuses of `coveo-push`.
package enum ExitStatus: Int32, Sendable, Hashable, CaseIterable {
    /// Everything was accepted.
    case success = 0
    /// Some documents were invalid or failed; the valid ones were pushed.
    case partialFailure = 1
    /// A usage or configuration error; nothing was sent.
    case usage = 2
    /// The service refused the credentials or the permission (401 or 403).
    case authentication = 3
    /// The service or the network failed after retries, or the service refused a request.
    case serviceFailure = 4
    /// Interrupted by SIGINT.
    case interrupted = 130
    /// Terminated by SIGTERM.
    case terminated = 143
}
