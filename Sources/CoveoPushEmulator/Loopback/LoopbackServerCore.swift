import Foundation

/// The shared state of a ``LoopbackPushServer``: its configuration, its threads and its stop signal.
///
/// The accept loop and every connection run on their own `Thread`, never on the Swift concurrency pool, since
/// they block in `poll`. The core counts them so that stopping can wait until the last one has returned.
final class LoopbackServerCore: @unchecked Sendable {
    /// Fixed settings of one server.
    struct Configuration: Sendable {
        /// `http://127.0.0.1:PORT`, to which request targets are appended.
        var baseURLString: String
        /// The parser's limits.
        var parserLimits: HTTPRequestParser.Limits
        /// How long a connection may wait for a read or write before it is closed.
        var idleTimeoutMilliseconds: Int32
        /// How much a connection closed after an error may still read and discard.
        var drainLimitBytes = 4 * 1024 * 1024
        /// How long that draining waits for each read.
        var drainWaitMilliseconds: Int32 = 1000
        /// The connections to cut on purpose.
        var connectionFaults = ConnectionFaults.none
    }

    /// The transport every request is handed to.
    let handler: any Transport
    /// The fixed settings.
    let configuration: Configuration
    private let stopSignal: StopSignal

    private let lock = NSLock()
    private var stopping = false
    private var liveThreads = 0
    private var calls: [ObjectIdentifier: HandlerCall] = [:]
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []
    private var receipts: [String: Int] = [:]
    private var cuts: [ConnectionFaults.Cut: Int] = [:]

    init(handler: any Transport, configuration: Configuration, stopSignal: StopSignal) {
        self.handler = handler
        self.configuration = configuration
        self.stopSignal = stopSignal
    }

    /// The descriptor every blocking wait polls beside its socket.
    var stopDescriptor: Int32 { stopSignal.readDescriptor }

    /// Whether ``beginStop()`` was called.
    var isStopping: Bool { locked { stopping } }

    /// How many server threads have not returned yet.
    var liveThreadCount: Int { locked { liveThreads } }

    /// How many connections are open.
    var openConnectionCount: Int { locked { calls.count } }

    /// Whether to cut the connection of this request, counting it as received once more.
    func connectionCut(method: String, target: String) -> ConnectionFaults.Cut? {
        let faults = configuration.connectionFaults
        guard faults.isActive else { return nil }
        return locked {
            let key = method + " " + target
            let occurrence = (receipts[key] ?? 0) + 1
            receipts[key] = occurrence
            let cut = faults.cut(method: method, target: target, occurrence: occurrence)
            if let cut { cuts[cut, default: 0] += 1 }
            return cut
        }
    }

    /// How many connections were cut, by where.
    var connectionCuts: [ConnectionFaults.Cut: Int] { locked { cuts } }

    /// Starts a server thread, unless the server is stopping.
    ///
    /// - Parameters:
    ///   - name: The thread's name, for debuggers.
    ///   - call: The connection's handler call, abandoned when the server stops; `nil` for the accept loop.
    ///   - body: What the thread runs.
    /// - Returns: Whether the thread was started.
    func spawn(name: String, call: HandlerCall?, body: @escaping @Sendable () -> Void) -> Bool {
        let admitted = locked {
            guard !stopping else { return false }
            liveThreads += 1
            if let call { calls[ObjectIdentifier(call)] = call }
            return true
        }
        guard admitted else { return false }
        let thread = Thread { [self] in
            body()
            threadFinished(call)
        }
        thread.name = name
        thread.start()
        return true
    }

    private func threadFinished(_ call: HandlerCall?) {
        let waiters = locked { () -> [CheckedContinuation<Void, Never>] in
            if let call { calls[ObjectIdentifier(call)] = nil }
            liveThreads -= 1
            guard liveThreads == 0, stopping else { return [] }
            defer { stopWaiters = [] }
            return stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Wakes every thread so it finishes: the accept loop stops, connections close, and a thread waiting on
    /// its handler gives up (the handler's task is cancelled). Later calls do nothing.
    func beginStop() {
        let pending = locked { () -> [HandlerCall] in
            guard !stopping else { return [] }
            stopping = true
            stopSignal.signal()
            return Array(calls.values)
        }
        for call in pending { call.abandon() }
    }

    /// Runs `body` while holding the lock.
    private func locked<Value>(_ body: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Returns once every server thread has returned; call after ``beginStop()``.
    func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finished = locked {
                guard liveThreads > 0 || !stopping else { return true }
                stopWaiters.append(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }
}
