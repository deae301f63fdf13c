import CoveoPushTesting
import Testing

@testable import CoveoPush

@Suite("ThrottleGate")
struct ThrottleGateTests {
    @Test("an open gate lets callers through without sleeping")
    func openGate() async throws {
        let clock = TestClock()
        let gate = ThrottleGate(clock: clock)
        try await gate.waitUntilOpen()
        #expect(clock.sleeps.isEmpty)
        #expect(await gate.totalThrottled == .zero)
        #expect(await gate.remainingClosedTime == .zero)
    }

    @Test("a closed gate makes the caller sleep until its instant on the injected clock")
    func closedGate() async throws {
        let clock = TestClock()
        let gate = ThrottleGate(clock: clock)
        await gate.close(for: .seconds(30))
        #expect(await gate.remainingClosedTime == .seconds(30))
        try await gate.waitUntilOpen()
        #expect(clock.sleeps == [.seconds(30)])
        #expect(clock.now == TestClock.Instant(offset: .seconds(30)))
        #expect(await gate.totalThrottled == .seconds(30))
        #expect(await gate.remainingClosedTime == .zero)
    }

    @Test("the instant only moves forward")
    func onlyForward() async throws {
        let clock = TestClock()
        let gate = ThrottleGate(clock: clock)
        await gate.close(for: .seconds(10))
        await gate.close(for: .seconds(3))
        #expect(await gate.remainingClosedTime == .seconds(10))
        clock.advance(by: .seconds(4))
        await gate.close(for: .seconds(2))
        #expect(await gate.remainingClosedTime == .seconds(6))
        await gate.close(for: .seconds(8))
        #expect(await gate.remainingClosedTime == .seconds(8))
        try await gate.waitUntilOpen()
        #expect(clock.now == TestClock.Instant(offset: .seconds(12)))
        #expect(clock.sleeps == [.seconds(8)])
    }

    @Test("the gate measures time from its clock's current instant, wherever the clock started")
    func clockStartingLater() async throws {
        let clock = TestClock(start: TestClock.Instant(offset: .seconds(1_000)))
        let gate = ThrottleGate(clock: clock)
        await gate.close(for: .milliseconds(1_500))
        try await gate.waitUntilOpen()
        #expect(clock.sleepDeadlines == [TestClock.Instant(offset: .milliseconds(1_001_500))])
    }

    @Test("concurrent waiters all wait for the same instant")
    func concurrentWaiters() async throws {
        let clock = TestClock()
        let gate = ThrottleGate(clock: clock)
        await gate.close(for: .seconds(5))
        let opened = try await withThrowingTaskGroup(of: TestClock.Instant.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await gate.waitUntilOpen()
                    return clock.now
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let target = TestClock.Instant(offset: .seconds(5))
        #expect(opened.count == 8)
        #expect(opened.allSatisfy { $0 >= target })
        // Waiters slept side by side, not one after another: the clock reached the instant and no further.
        #expect(clock.now == target)
        #expect(!clock.sleepDeadlines.isEmpty)
        #expect(clock.sleepDeadlines.allSatisfy { $0 == target })
    }

    @Test("a waiter keeps waiting when the gate is closed further while it sleeps")
    func closedAgainWhileWaiting() async throws {
        let clock = TestClock()
        let holder = GateHolder()
        // After the first sleep, another request is throttled for 7 s more.
        let extending = ExtendingClock(base: clock) { await holder.gate?.close(for: .seconds(7)) }
        let gate = ThrottleGate(clock: extending)
        await holder.set(gate)
        await gate.close(for: .seconds(5))
        try await gate.waitUntilOpen()
        #expect(clock.sleeps == [.seconds(5), .seconds(7)])
        #expect(clock.now == TestClock.Instant(offset: .seconds(12)))
        #expect(await gate.totalThrottled == .seconds(12))
    }

    @Test("a cancelled waiter gets CancellationError")
    func cancellation() async throws {
        let clock = TestClock()
        let gate = ThrottleGate(clock: clock)
        await gate.close(for: .seconds(60))
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await gate.waitUntilOpen()
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.sleeps.isEmpty)
        #expect(clock.now == TestClock.Instant(offset: .zero))
    }
}

/// A clock that runs an action after its first sleep, to change the gate while a waiter is sleeping.
private struct ExtendingClock: Clock {
    let base: TestClock
    let afterFirstSleep: @Sendable () async -> Void
    private let fired = FiredFlag()

    init(base: TestClock, afterFirstSleep: @escaping @Sendable () async -> Void) {
        self.base = base
        self.afterFirstSleep = afterFirstSleep
    }

    var now: TestClock.Instant { base.now }
    var minimumResolution: Duration { .zero }

    func sleep(until deadline: TestClock.Instant, tolerance: Duration?) async throws {
        try await base.sleep(until: deadline, tolerance: tolerance)
        if await fired.fireOnce() { await afterFirstSleep() }
    }
}

private actor FiredFlag {
    private var fired = false
    func fireOnce() -> Bool {
        defer { fired = true }
        return !fired
    }
}

private actor GateHolder {
    private(set) var gate: ThrottleGate?
    func set(_ gate: ThrottleGate) { self.gate = gate }
}
