import Foundation

/// Holds the tasks of a pipeline so they can all be cancelled from a task-cancellation handler, which runs
/// synchronously and cannot reach actor state.
final class CancellationScope: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []
    private var cancelled = false

    /// Registers a task; cancels it at once if the scope was already cancelled.
    func add(_ task: Task<Void, Never>) {
        lock.lock()
        tasks.removeAll { $0.isCancelled }
        tasks.append(task)
        let cancelNow = cancelled
        lock.unlock()
        if cancelNow { task.cancel() }
    }

    /// Cancels every registered task, and every task registered later.
    func cancelAll() {
        lock.lock()
        cancelled = true
        let current = tasks
        lock.unlock()
        for task in current { task.cancel() }
    }

    /// Whether ``cancelAll()`` was called.
    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
