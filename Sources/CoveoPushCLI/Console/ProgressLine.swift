import CoveoPush
import Foundation

/// The live progress line on standard error (`--progress`): rewritten in place at most four times a second.
final class ProgressLine: @unchecked Sendable {
    private let console: Console
    private let started = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(console: Console) {
        self.console = console
    }

    /// Shows an event, unless the line was drawn less than 250 ms ago.
    func show(_ progress: PushProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        drawn = true
        let seconds = now.timeIntervalSince(started)
        let rate = seconds > 0 ? Double(progress.documentsDone) / seconds : 0
        console.err(
            "\r\u{1B}[K\(progress.documentsDone) done, \(progress.batchesCommitted) batches, "
                + "\(Summary.megabytes(progress.bytesUploaded)) MB uploaded, \(progress.failures) failed, "
                + "\(Int(rate)) docs/s")
    }

    /// Ends the line so later output starts on a fresh one.
    func end() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { console.err("\n") }
        drawn = false
    }
}
