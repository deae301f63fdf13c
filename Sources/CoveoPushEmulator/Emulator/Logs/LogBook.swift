import CoveoPush
import Foundation

/// The Logs API entries the emulator wrote, in the order written, and the queries over them.
///
/// Entries are appended as work is applied; an `INDEXING` entry is dated later than it is written when indexing
/// takes time, so queries filter on the date and sort what they found. Memory grows with the entries (two or three
/// per item operation); the service keeps logs 14 days, the emulator keeps them for its lifetime.
struct LogBook: Sendable {
    private(set) var entries: [EmulatedLogEntry] = []
    /// The entries the last query found, for its next pages: a reader pages through one window, and filtering and
    /// sorting every entry for each page made reading 100,000 entries take seconds.
    private var lastFound: (query: LogQuery, entryCount: Int, found: [EmulatedLogEntry])?

    /// Writes an entry dated `milliseconds`.
    mutating func write(
        _ scope: ScopedKey, id: String, _ task: EmulatedLogEntry.TaskKind, _ operation: EmulatedLogEntry.OperationKind,
        _ result: EmulatedLogEntry.ResultKind, at milliseconds: Int64, meta: [String: String] = [:]
    ) {
        entries.append(
            EmulatedLogEntry(
                sequence: entries.count + 1, milliseconds: milliseconds, organizationId: scope.organizationId,
                sourceId: scope.id, id: id, task: task, operation: operation, result: result, meta: meta))
    }

    /// The entries a query selects among those dated no later than `now`, oldest first, and whether a later page
    /// has more.
    ///
    /// The entries found are kept for the next page of the same query while no entry was written and the window
    /// ends no later than `now` (so the cutoff selects nothing more); anything else filters again.
    mutating func page(_ query: LogQuery, now: Int64) -> (entries: [EmulatedLogEntry], hasNextPage: Bool) {
        var key = query
        key.page = 0
        let found: [EmulatedLogEntry]
        if let lastFound, lastFound.query == key, lastFound.entryCount == entries.count, query.to <= now {
            found = lastFound.found
        } else {
            found = entries.filter { $0.milliseconds <= now && query.matches($0) }
                .sorted { ($0.milliseconds, $0.sequence) < ($1.milliseconds, $1.sequence) }
            lastFound = query.to <= now ? (key, entries.count, found) : nil
        }
        let (start, overflow) = query.page.multipliedReportingOverflow(by: query.perPage)
        guard !overflow, start < found.count else { return ([], false) }
        let end = min(found.count, start + query.perPage)
        return (Array(found[start..<end]), end < found.count)
    }

    /// The Logs API's answer: `{"documentLogEntries": […], "hasNextPage": …}`, with the API's key names.
    static func json(_ entries: [EmulatedLogEntry], hasNextPage: Bool, seed: UInt64) -> String {
        var writer = JSONWriter(capacity: 64 + entries.count * 320)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        writer.beginObject()
        writer.key("documentLogEntries")
        writer.beginArray()
        for entry in entries {
            writer.beginObject()
            writer.key("datetime")
            writer.string(formatter.string(from: entry.datetime))
            writer.key("guid")
            writer.string(InMemoryPushService.fileId(seed: seed ^ 0x106B_0000, sequence: UInt64(entry.sequence)))
            writer.key("id")
            writer.string(entry.id)
            writer.key("meta")
            writer.beginObject()
            for (key, value) in entry.meta.sorted(by: { $0.key < $1.key }) {
                writer.key(key)
                writer.string(value)
            }
            writer.endObject()
            writer.key("operation")
            writer.string(entry.operation.rawValue)
            writer.key("organizationId")
            writer.string(entry.organizationId)
            writer.key("requestId")
            writer.string("")
            writer.key("resourceId")
            writer.string(entry.sourceId)
            writer.key("result")
            writer.string(entry.result.rawValue)
            writer.key("sourceId")
            writer.string(entry.sourceId)
            writer.key("task")
            writer.string(entry.task.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.key("hasNextPage")
        writer.bool(hasNextPage)
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
