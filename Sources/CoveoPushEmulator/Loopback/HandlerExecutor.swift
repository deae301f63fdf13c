import Foundation

/// The threads on which a ``LoopbackPushServer`` runs its handler, instead of Swift's shared concurrency pool.
///
/// That pool has one thread per core. A process that keeps those threads busy with synchronous work (a test
/// suite running CPU-bound tests beside a server, a crawler parsing input) would otherwise leave the server
/// unable to answer for as long as that work lasts, and its clients time out. A handler task started with
/// this executor as its preference runs its own code and the code of the default actors it calls (the
/// in-memory service) on these threads.
///
/// One executor serves every server of the process; its threads live as long as the process, so a job
/// enqueued late (a cancelled sleep resuming after its server stopped) still runs.
@available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *)
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    /// The process's executor, started on first use.
    static let shared = HandlerExecutor(threadCount: 2)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0

    private init(threadCount: Int) {
        for index in 0..<threadCount {
            let thread = Thread { [self] in runJobs() }
            thread.name = "coveo-push-emulator-handler-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: UnownedJob) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs jobs as they arrive, forever.
    private func runJobs() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
