#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Timing helpers that put our code and a reference side by side in the same run.
enum ScenarioTimer {
    /// What a measurement counts.
    enum Clock: Sendable {
        /// Elapsed real time: right for work that waits (network, other threads, disk).
        case wall
        /// CPU time of the calling thread: right for single-threaded CPU work on a machine shared with
        /// other processes, whose scheduling would otherwise add noise to wall time.
        case threadCPU
    }

    /// The seconds `work` takes on `clock`.
    static func seconds(on clock: Clock = .wall, _ work: () throws -> Void) rethrows -> Double {
        let start = now(clock)
        try work()
        return now(clock) - start
    }

    /// The wall-clock seconds asynchronous `work` takes.
    static func asyncSeconds(_ work: () async throws -> Void) async rethrows -> Double {
        let start = now(.wall)
        try await work()
        return now(.wall) - start
    }

    /// Runs `ours` and `reference` alternately `rounds` times each (swapping which goes first every round,
    /// so noise and warm-up hit both) and returns the best time of each, in seconds.
    static func bestOfAlternating(
        rounds: Int,
        on clock: Clock = .wall,
        ours: () throws -> Void,
        reference: () throws -> Void
    ) rethrows -> (ours: Double, reference: Double) {
        var best = (ours: Double.infinity, reference: Double.infinity)
        for round in 0..<max(1, rounds) {
            if round.isMultiple(of: 2) {
                best.ours = min(best.ours, try seconds(on: clock, ours))
                best.reference = min(best.reference, try seconds(on: clock, reference))
            } else {
                best.reference = min(best.reference, try seconds(on: clock, reference))
                best.ours = min(best.ours, try seconds(on: clock, ours))
            }
        }
        return best
    }

    private static func now(_ clock: Clock) -> Double {
        var time = timespec()
        clock_gettime(clock == .wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
