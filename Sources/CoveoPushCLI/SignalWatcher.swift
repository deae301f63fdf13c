import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGINT and SIGTERM into the cancellation of a task: the first signal cancels the work (which then
/// deletes its temporary files and attempts IDLE), a second one exits at once.
///
/// ```swift
/// let watcher = SignalWatcher()
/// let environment = CommandEnvironment(interruption: { watcher.interruptionStatus })
/// let work = Task { await CoveoPushCommand(environment: environment).run(arguments) }
/// watcher.start { work.cancel() }
/// exit((await work.value).rawValue)
/// ```
package final class SignalWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    /// Creates a watcher; signals keep their default action until ``start(onFirst:)``.
    package init() {}

    /// Starts watching; `onFirst` runs once, on the first signal. Calling it again does nothing.
    package func start(onFirst: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            Self.ignore(signalNumber)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                if self.record(signalNumber) {
                    onFirst()
                } else {
                    exit(Self.status(for: signalNumber).rawValue)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    package var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// The status of an interrupted run: ``ExitStatus/terminated`` after SIGTERM, otherwise
    /// ``ExitStatus/interrupted``.
    package var interruptionStatus: ExitStatus {
        signal.map(Self.status(for:)) ?? .interrupted
    }

    /// Stops the default action of a signal, so the dispatch source sees it.
    private static func ignore(_ signalNumber: Int32) {
        #if canImport(Glibc)
            _ = Glibc.signal(signalNumber, SIG_IGN)
        #else
            _ = Darwin.signal(signalNumber, SIG_IGN)
        #endif
    }

    private static func status(for signalNumber: Int32) -> ExitStatus {
        signalNumber == SIGTERM ? .terminated : .interrupted
    }

    /// `true` for the first signal.
    private func record(_ signalNumber: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if received != nil { return false }
        received = signalNumber
        return true
    }
}
