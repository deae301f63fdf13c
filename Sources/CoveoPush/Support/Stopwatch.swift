/// Measures elapsed time on any `Clock<Duration>`, including a test clock, through an existential.
struct Stopwatch: Sendable {
    private let read: @Sendable () -> Duration

    /// Starts measuring now.
    init(clock: any Clock<Duration>) {
        read = Self.reader(clock)
    }

    private static func reader<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }

    /// The time elapsed since the stopwatch was created.
    var elapsed: Duration { read() }
}
