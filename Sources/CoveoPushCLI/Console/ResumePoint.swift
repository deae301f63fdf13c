import Foundation

/// Tracks the last input position whose operation, and every operation before it, the service accepted, so an
/// interrupted run can be resumed after it.
///
/// The reader records the position of each operation it appends, in order; progress events say how many of the
/// first appended operations are committed (``CoveoPush/PushProgress/committedInOrder``). Positions are packed
/// into 8 bytes each and dropped once committed, so memory follows the operations in flight, not the input.
final class ResumePoint: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String] = []
    /// `fileIndex << 32 | line` of appended operations not yet known to be committed.
    private var pending: [UInt64] = []
    private var head = 0
    /// The ordinal of `pending[head]`.
    private var firstPendingOrdinal = 0
    private var last: InputPosition?
    /// The highest committed count reported so far.
    private var knownCommitted = 0

    /// Records the position of the next appended operation.
    func appended(_ position: InputPosition) {
        lock.lock()
        defer { lock.unlock() }
        if files.last != position.file { files.append(position.file) }
        let line = UInt64(UInt32(clamping: position.line ?? 0))
        pending.append(UInt64(files.count - 1) << 32 | line)
        drain()
    }

    /// Marks the first `count` appended operations as committed.
    func committed(_ count: Int) {
        lock.lock()
        defer { lock.unlock() }
        knownCommitted = max(knownCommitted, count)
        drain()
    }

    /// Drops the committed positions, remembering the last one; called with the lock held.
    private func drain() {
        var packed: UInt64?
        while firstPendingOrdinal < knownCommitted && head < pending.count {
            packed = pending[head]
            head += 1
            firstPendingOrdinal += 1
        }
        if let packed {
            let line = Int(packed & 0xFFFF_FFFF)
            last = InputPosition(file: files[Int(packed >> 32)], line: line == 0 ? nil : line)
        }
        if head > 65_536 && head * 2 > pending.count {
            pending.removeFirst(head)
            head = 0
        }
    }

    /// The last position fully accepted, or `nil` before the first commit.
    var lastAccepted: InputPosition? {
        lock.lock()
        defer { lock.unlock() }
        return last
    }
}
