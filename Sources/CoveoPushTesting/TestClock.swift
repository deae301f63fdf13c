import CoveoPush
import Foundation

/// A clock for tests: sleeping takes no real time, it moves virtual time forward and is recorded.
///
/// `sleep(until:)` returns at once after advancing ``now`` to the deadline (when the deadline is later), so
/// code that backs off for minutes runs in microseconds, and ``sleeps`` tells the test which waits were
/// asked for. Copies share the same virtual time and recording, so a test can keep one copy and hand
/// another to the code under test.
///
/// ```swift
/// let clock = TestClock()
/// try await clock.sleep(for: .seconds(5))
/// #expect(clock.sleeps == [.seconds(5)])
/// #expect(clock.now == TestClock.Instant(offset: .seconds(5)))
/// ```
public struct TestClock: Clock, Sendable {
    /// A point in virtual time: an offset from the clock's start.
    public struct Instant: InstantProtocol, Sendable, Hashable, CustomStringConvertible {
        /// The time since the clock's start.
        public var offset: Duration

        /// Creates the instant at `offset` from the clock's start.
        public init(offset: Duration) { self.offset = offset }

        /// The instant `duration` later.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }

        /// The duration from this instant to `other`.
        public func duration(to other: Instant) -> Duration { other.offset - offset }

        /// Whether this instant comes first.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }

        /// `+offset`.
        public var description: String { "+\(offset)" }
    }

    private let state: TestClockState

    /// Creates a clock whose virtual time starts at `start` (by default, zero).
    public init(start: Instant = Instant(offset: .zero)) {
        state = TestClockState(now: start)
    }

    /// The current virtual time.
    public var now: Instant { state.withLock { $0.now } }

    /// Zero: virtual time has no granularity.
    public var minimumResolution: Duration { .zero }

    /// Every sleep requested so far, in order, as the duration from the then current time to its deadline
    /// (`.zero` for a deadline already past).
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// The deadline of every sleep requested so far, in order.
    public var sleepDeadlines: [Instant] { state.withLock { $0.deadlines } }

    /// The sum of ``sleeps``.
    public var totalSlept: Duration { sleeps.reduce(.zero, +) }

    /// Returns at once, having moved virtual time to `deadline` if it is later than ``now``.
    ///
    /// - Throws: `CancellationError`, without sleeping or recording, when the calling task is cancelled.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(max(.zero, state.now.duration(to: deadline)))
            state.deadlines.append(deadline)
            if deadline > state.now { state.now = deadline }
        }
    }

    /// Moves virtual time forward by `duration` (a negative duration is ignored).
    public func advance(by duration: Duration) {
        state.withLock { state in
            if duration > .zero { state.now = state.now.advanced(by: duration) }
        }
    }

    /// Forgets the recorded sleeps, keeping the current time.
    public func resetRecording() {
        state.withLock { state in
            state.sleeps.removeAll()
            state.deadlines.removeAll()
        }
    }
}
