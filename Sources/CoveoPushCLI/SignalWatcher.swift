import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns SIGINT and SIGTERM into the cancellation of a task: the first signal cancels the work (which then
/// deletes its temporary files and attempts IDLE), a second one exits at once.
public final class SignalWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    /// Starts watching; `onFirst` runs once, on the first signal.
    public init(onFirst: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            Self.ignore(signalNumber)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                if self.record(signalNumber) {
                    onFirst()
                } else {
                    exit(Self.status(for: signalNumber))
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    public var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// The exit status for a command that ended with `status` (an interruption becomes 130 or 143 by signal).
    public func exitStatus(_ status: ExitStatus) -> Int32 {
        guard status == .interrupted, let signal else { return status.rawValue }
        return Self.status(for: signal)
    }

    /// Stops the default action of a signal, so the dispatch source sees it.
    private static func ignore(_ signalNumber: Int32) {
        #if canImport(Glibc)
            _ = Glibc.signal(signalNumber, SIG_IGN)
        #else
            _ = Darwin.signal(signalNumber, SIG_IGN)
        #endif
    }

    private static func status(for signalNumber: Int32) -> Int32 {
        signalNumber == SIGTERM ? ExitStatus.terminated.rawValue : ExitStatus.interrupted.rawValue
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
