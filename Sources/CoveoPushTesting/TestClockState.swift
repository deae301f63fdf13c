import Foundation

/// The shared, lock-protected state of a ``TestClock`` and its copies.
final class TestClockState: @unchecked Sendable {
    struct Values {
        var now: TestClock.Instant
        var sleeps: [Duration] = []
        var deadlines: [TestClock.Instant] = []
    }

    private let lock = NSLock()
    private var values: Values

    init(now: TestClock.Instant) {
        values = Values(now: now)
    }

    func withLock<T>(_ body: (inout Values) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&values)
    }
}
