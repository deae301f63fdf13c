/// The retry state of one exchange, carried from one attempt to the next: which attempt this is, how much of the
/// policy's time budget is left, why the previous attempt was retried, and whether the one token refresh a 401
/// allows was already spent.
struct RetryAttempt: Sendable {
    /// The attempt number, from 1 once ``begin()`` was called.
    private(set) var number = 0
    /// The failure that made the client try again, if the current attempt is a retry.
    private(set) var lastFailure: String?
    /// Whether the token was already refreshed after a 401; a second 401 fails.
    private(set) var refreshedToken = false
    /// Whether the current attempt must ask the token provider for a new token.
    private(set) var needsNewToken = false

    private let policy: RetryPolicy
    private let started: Stopwatch

    /// Starts the retry state of an exchange now.
    init(policy: RetryPolicy, clock: any Clock<Duration>) {
        self.policy = policy
        self.started = Stopwatch(clock: clock)
    }

    /// Moves to the next attempt.
    mutating func begin() {
        number += 1
    }

    /// Whether another attempt after `delay` fits the policy's attempts and deadline.
    func allowsRetry(after delay: Duration) -> Bool {
        guard number < policy.maxAttempts else { return false }
        if let deadline = policy.deadline, started.elapsed + delay > deadline { return false }
        return true
    }

    /// Records the failure the next attempt retries.
    mutating func retry(after failure: String) {
        lastFailure = failure
    }

    /// Spends the one token refresh: the next attempt asks for a new token. Returns false when it was already spent.
    mutating func refreshToken() -> Bool {
        guard !refreshedToken else { return false }
        refreshedToken = true
        needsNewToken = true
        lastFailure = "the token was refused"
        return true
    }

    /// Marks the new token as obtained, so later attempts use the cached one.
    mutating func tokenObtained() {
        needsNewToken = false
    }
}
