/// What an exchange does after one attempt, decided from the attempt's outcome and the retry state.
enum RetryDecision: Sendable {
    /// The service answered 2xx: return the response.
    case succeed(TransportResponse)
    /// Wait, then try again. When `closesThrottle` is true the wait closes the client's ``ThrottleGate`` (a 429),
    /// so every concurrent request of the client waits too; otherwise only this exchange sleeps.
    case retry(after: Duration, closesThrottle: Bool, failure: String)
    /// Try again at once with a new token (the first 401 when a token provider is configured).
    case retryWithNewToken
    /// Give up with this error.
    case fail(PushError)

    /// The delay before the next attempt, for the log.
    var retryDelay: Duration? {
        if case .retry(let delay, _, _) = self { return delay }
        return nil
    }
}
