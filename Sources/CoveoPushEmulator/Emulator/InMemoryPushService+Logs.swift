import Foundation

/// The Logs API (`POST /logs/v1/organizations/{organizationId}`) and the entries the emulator writes for it.
///
/// What is written, with the emulator's own constants (an assumption about the service, listed in
/// `Documentation/Testing.md`); "now" is the receipt time, "indexed" is now plus ``Indexing/delay``:
///
/// | what happened | entries |
/// |---|---|
/// | an item added or replaced | `CONSUMING ADD COMPLETED` now, `INDEXING ADD COMPLETED` indexed |
/// | an item refused downstream (``Indexing``) | `CONSUMING ADD COMPLETED` now, `INDEXING ADD REJECTED` indexed |
/// | a partial update applied | `CONSUMING UPDATE COMPLETED` now, `INDEXING UPDATE COMPLETED` indexed |
/// | an item dropped (bad entry, see ``droppedItems``) | `CONSUMING ADD` (or `DELETE`, `UPDATE`) `REJECTED` now |
/// | an update or delete with a lower orderingId | `CONSUMING ADD` (or `DELETE`, `UPDATE`) `SKIPPED` now |
/// | a delete | `CONSUMING DELETE` (or `DELETE_AND_CHILDREN`) `COMPLETED` now, `INDEXING DELETE COMPLETED` indexed for it and each child removed |
/// | a delete-older-than (a stream load's end included) | `CONSUMING DELETE_OLDER_THAN COMPLETED` now (empty `id`), `INDEXING DELETE COMPLETED` indexed per item removed |
/// | an item batch file | `CONSUMING_BATCH BATCH_FILE COMPLETED` (or `REJECTED` when malformed) now, `id` the file ID |
///
/// Rejections carry `meta.reason` and `meta.error`. Nothing is written in discard mode.
extension InMemoryPushService {
    /// The Logs API entries dated no later than now, oldest first.
    ///
    /// - Parameters:
    ///   - organizationId: Only this organization's entries, or every organization's.
    ///   - id: Only the entries of this item URI (or file ID).
    public func logEntries(organizationId: String? = nil, id: String? = nil) -> [EmulatedLogEntry] {
        let now = logTime()
        return logBook.entries.filter {
            $0.milliseconds <= now && (organizationId == nil || $0.organizationId == organizationId)
                && (id == nil || $0.id == id)
        }
        .sorted { ($0.milliseconds, $0.sequence) < ($1.milliseconds, $1.sequence) }
    }

    /// The current time in milliseconds since 1970, on the same scale as receipt times, without advancing them.
    func logTime() -> Int64 {
        let wall = Self.epochMilliseconds(configuration.currentDate())
        let (shifted, overflow) = originMilliseconds.addingReportingOverflow(
            EmulatorClock.milliseconds(clock.elapsed()))
        return max(wall, overflow ? wall : shifted, lastReceipt == .min ? wall : lastReceipt)
    }

    /// Answers a Logs API query.
    func searchLogs(_ query: LogQuery) -> EmulatorAnswer {
        let (entries, hasNextPage) = logBook.page(query, now: logTime())
        return .success(200, json: LogBook.json(entries, hasNextPage: hasNextPage, seed: configuration.faults.seed))
    }

    // MARK: - Writing

    /// When an operation applied at `now` is indexed.
    private func indexedTime(after now: Int64) -> Int64 {
        let (time, overflow) = now.addingReportingOverflow(EmulatorClock.milliseconds(configuration.indexing.delay))
        return overflow ? .max : time
    }

    /// Writes the entries of an item operation that was applied: consumed now, indexed after the delay.
    func logApplied(_ scope: ScopedKey, id: String, _ operation: EmulatedLogEntry.OperationKind) {
        guard !configuration.discardContent else { return }
        let now = logTime()
        logBook.write(scope, id: id, .consuming, operation, .completed, at: now)
        logBook.write(scope, id: id, .indexing, operation.indexedAs, .completed, at: indexedTime(after: now))
    }

    /// Writes the `INDEXING DELETE` entry of an item removed as part of another operation.
    func logRemoved(_ scope: ScopedKey, id: String) {
        guard !configuration.discardContent else { return }
        logBook.write(scope, id: id, .indexing, .delete, .completed, at: indexedTime(after: logTime()))
    }

    /// Writes the entries of an item refused downstream: consumed now, rejected when it would have been indexed.
    func logRejectedDownstream(_ scope: ScopedKey, id: String, reason: String) {
        guard !configuration.discardContent else { return }
        let now = logTime()
        logBook.write(scope, id: id, .consuming, .add, .completed, at: now)
        logBook.write(
            scope, id: id, .indexing, .add, .rejected, at: indexedTime(after: now),
            meta: ["reason": "rejectedDownstream", "error": reason])
    }

    /// Writes the entry of an item operation that ended at once: skipped (stale) or rejected (a bad entry).
    func logEnded(
        _ scope: ScopedKey, id: String, _ operation: EmulatedLogEntry.OperationKind,
        _ result: EmulatedLogEntry.ResultKind, meta: [String: String] = [:]
    ) {
        guard !configuration.discardContent else { return }
        logBook.write(scope, id: id, .consuming, operation, result, at: logTime(), meta: meta)
    }

    /// Writes the entry of a source-wide or batch-file operation.
    func logOperation(
        _ scope: ScopedKey, id: String, _ task: EmulatedLogEntry.TaskKind, _ operation: EmulatedLogEntry.OperationKind,
        _ result: EmulatedLogEntry.ResultKind, meta: [String: String] = [:]
    ) {
        guard !configuration.discardContent else { return }
        logBook.write(scope, id: id, task, operation, result, at: logTime(), meta: meta)
    }

    /// The entry a dropped item gets: the operation of its batch section, `REJECTED`. Identity entries and whole
    /// batch files get none here.
    func logDrop(_ item: DroppedItem) {
        guard let id = item.identifier, item.reason != .malformedBatchFile else { return }
        let operation: EmulatedLogEntry.OperationKind
        switch item.section {
        case nil, "addOrUpdate": operation = .add
        case "delete": operation = .delete
        case "partialUpdate": operation = .update
        default: return  // members, mappings, deleted: identities, which have no Logs API entries
        }
        logEnded(
            ScopedKey(organizationId: item.organizationId, id: item.targetId), id: id, operation, .rejected,
            meta: ["reason": item.reason.rawValue, "error": item.message])
    }
}

extension EmulatedLogEntry.OperationKind {
    /// The operation the `INDEXING` entry of a consumed operation names: a delete of a parent and its children is
    /// indexed as deletes.
    fileprivate var indexedAs: EmulatedLogEntry.OperationKind {
        self == .deleteAndChildren ? .delete : self
    }
}
