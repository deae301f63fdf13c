import Foundation

/// The meeting point between a connection thread, which blocks, and the task that runs the async handler.
///
/// One per connection, reused for each of its requests. The thread waits in ``wait()`` until the task
/// ``deliver(_:)``s an outcome, or until the server ``abandon()``s the call because it is shutting down.
final class HandlerCall: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcome: Result<TransportResponse, any Error>?
    private var abandoned = false

    /// Forgets the previous request's outcome.
    func reset() {
        condition.lock()
        outcome = nil
        condition.unlock()
    }

    /// Hands over the handler's outcome and wakes the waiting thread.
    func deliver(_ outcome: Result<TransportResponse, any Error>) {
        condition.lock()
        self.outcome = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// Wakes the waiting thread for good: every current and later ``wait()`` returns `nil`.
    func abandon() {
        condition.lock()
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks the calling thread until the outcome arrives or the call is abandoned (then `nil`).
    func wait() -> Result<TransportResponse, any Error>? {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil && !abandoned { condition.wait() }
        return abandoned ? nil : outcome
    }
}
