import CoveoPushTesting
import Testing

@Suite("TestClock")
struct TestClockTests {
    @Test("sleeping advances virtual time at once and is recorded")
    func sleepAdvances() async throws {
        let clock = TestClock()
        try await clock.sleep(for: .seconds(5))
        try await clock.sleep(for: .milliseconds(250))
        #expect(clock.sleeps == [.seconds(5), .milliseconds(250)])
        #expect(clock.now == TestClock.Instant(offset: .milliseconds(5_250)))
        #expect(clock.totalSlept == .milliseconds(5_250))
        #expect(clock.sleepDeadlines == [TestClock.Instant(offset: .seconds(5)), .init(offset: .milliseconds(5_250))])
    }

    @Test("a deadline in the past is recorded as zero and leaves time unchanged")
    func pastDeadline() async throws {
        let clock = TestClock(start: TestClock.Instant(offset: .seconds(10)))
        try await clock.sleep(until: TestClock.Instant(offset: .seconds(3)), tolerance: nil)
        #expect(clock.sleeps == [.zero])
        #expect(clock.now == TestClock.Instant(offset: .seconds(10)))
    }

    @Test("advance moves time without recording a sleep; negative values are ignored")
    func advance() {
        let clock = TestClock()
        clock.advance(by: .seconds(2))
        clock.advance(by: .seconds(-1))
        #expect(clock.now == TestClock.Instant(offset: .seconds(2)))
        #expect(clock.sleeps.isEmpty)
    }

    @Test("copies share time and recording")
    func copiesShare() async throws {
        let clock = TestClock()
        let copy = clock
        try await copy.sleep(for: .seconds(1))
        #expect(clock.now == TestClock.Instant(offset: .seconds(1)))
        #expect(clock.sleeps == [.seconds(1)])
        clock.resetRecording()
        #expect(copy.sleeps.isEmpty)
        #expect(copy.now == TestClock.Instant(offset: .seconds(1)))
    }

    @Test("a cancelled task gets CancellationError and neither time nor recording changes")
    func cancellation() async {
        let clock = TestClock()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(for: .seconds(30))
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.sleeps.isEmpty)
        #expect(clock.now == TestClock.Instant(offset: .zero))
    }

    @Test("usable as an existential Clock<Duration>, with instant arithmetic")
    func existential() async throws {
        let clock = TestClock()
        let any: any Clock<Duration> = clock
        try await any.sleep(for: .seconds(3))
        #expect(clock.sleeps == [.seconds(3)])
        let start = TestClock.Instant(offset: .seconds(1))
        #expect(start.advanced(by: .seconds(2)) == TestClock.Instant(offset: .seconds(3)))
        #expect(start.duration(to: TestClock.Instant(offset: .seconds(4))) == .seconds(3))
        #expect(start < TestClock.Instant(offset: .seconds(2)))
        #expect(clock.minimumResolution == .zero)
    }

    @Test("concurrent sleepers each record their sleep")
    func concurrentSleepers() async throws {
        let clock = TestClock()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...20 {
                group.addTask { try await clock.sleep(until: .init(offset: .seconds(index)), tolerance: nil) }
            }
            try await group.waitForAll()
        }
        #expect(clock.sleeps.count == 20)
        #expect(clock.now == TestClock.Instant(offset: .seconds(20)))
    }
}
