/// The "not before" instant shared by every request of one client.
///
/// When the service throttles one request (`429` with `Retry-After`, say), the client closes the gate so
/// that every other request waits too, instead of each one discovering the throttle on its own. The gate
/// only ever moves its instant forward, and it sleeps on the injected clock, so tests take no real time.
///
/// ```swift
/// let gate = ThrottleGate(clock: ContinuousClock())
/// await gate.close(for: .seconds(30))
/// try await gate.waitUntilOpen()  // returns 30 s later, or throws CancellationError
/// ```
package actor ThrottleGate {
    /// The time elapsed on the clock since the gate was created.
    private let elapsed: @Sendable () -> Duration
    /// Sleeps until the clock reaches the given offset from the gate's creation.
    private let sleepUntil: @Sendable (Duration) async throws -> Void
    /// The offset from the gate's creation before which no request may start.
    private var openAt: Duration = .zero
    /// The sum of the time callers of ``waitUntilOpen()`` spent waiting.
    package private(set) var totalThrottled: Duration = .zero

    /// Creates an open gate that measures and sleeps on `clock`.
    package init(clock: any Clock<Duration>) {
        (elapsed, sleepUntil) = Self.bind(clock)
    }

    /// Opens the existential clock once, keeping only closures over its concrete instant type.
    private static func bind<C: Clock<Duration>>(
        _ clock: C
    ) -> (@Sendable () -> Duration, @Sendable (Duration) async throws -> Void) {
        let origin = clock.now
        return (
            { origin.duration(to: clock.now) },
            { offset in try await clock.sleep(until: origin.advanced(by: offset), tolerance: nil) }
        )
    }

    /// Waits until the gate is open; returns at once when it already is.
    ///
    /// If the gate is closed further while this call waits, it keeps waiting for the new instant.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled while waiting.
    package func waitUntilOpen() async throws {
        while true {
            let start = elapsed()
            let target = openAt
            guard start < target else { return }
            defer { totalThrottled += max(.zero, elapsed() - start) }
            try await sleepUntil(target)
        }
    }

    /// Closes the gate for `duration` from now; an instant already later than that is kept.
    package func close(for duration: Duration) {
        let candidate = elapsed() + max(.zero, duration)
        if candidate > openAt { openAt = candidate }
    }

    /// How long from now the gate stays closed; `.zero` when it is open.
    package var remainingClosedTime: Duration {
        max(.zero, openAt - elapsed())
    }
}
