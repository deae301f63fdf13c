@testable import CoveoPush
import Foundation
import Testing

@Suite("IndexingInterpretation: which log entry means what")
struct IndexingInterpretationTests {
    static func entry(_ operation: LogOperation, _ task: LogTask, _ result: LogResult, meta: JSONObject = [:]) -> LogEntry {
        LogEntry(
            datetime: Date(timeIntervalSince1970: 0), id: "https://a", task: task, operation: operation, result: result,
            sourceId: "s", meta: meta)
    }

    @Test("each row of the table", arguments: [
        (CommittedBatch.Operation.addOrUpdate, LogOperation.add, LogTask.indexing, LogResult.completed, "indexed"),
        (.addOrUpdate, .update, .indexing, .completed, "indexed"),
        (.addOrUpdate, .add, .consuming, .completed, "nothing"),
        (.addOrUpdate, .add, .processing, .rejected, "rejected"),
        (.addOrUpdate, .add, .indexing, .error, "rejected"),
        (.addOrUpdate, .add, .consuming, .warning, "warns"),
        (.addOrUpdate, .add, .indexing, .warning, "warning"),
        (.addOrUpdate, .add, .consuming, .skipped, "warning"),
        (.addOrUpdate, .delete, .indexing, .completed, "deleted"),
        (.addOrUpdate, .batchFile, .consumingBatch, .rejected, "nothing"),
        (.delete, .delete, .indexing, .completed, "deleted"),
        (.delete, .deleteAndChildren, .indexing, .completed, "deleted"),
        (.delete, .delete, .consuming, .rejected, "rejected"),
        (.delete, .delete, .consuming, .skipped, "warning"),
        (.delete, .add, .indexing, .completed, "nothing"),
    ] as [(CommittedBatch.Operation, LogOperation, LogTask, LogResult, String)])
    func row(pushed: CommittedBatch.Operation, operation: LogOperation, task: LogTask, result: LogResult, reading: String) {
        let read = IndexingInterpretation.reading(Self.entry(operation, task, result), for: pushed)
        let name: String
        switch read {
        case .nothing: name = "nothing"
        case .warns: name = "warns"
        case .settles(.indexed): name = "indexed"
        case .settles(.deleted): name = "deleted"
        case .settles(.rejected): name = "rejected"
        case .settles(.warning): name = "warning"
        case .settles(.pending): name = "pending"
        }
        #expect(name == reading)
    }

    @Test("the reason comes from meta.error, then reason, then message, then the whole meta")
    func reasons() {
        #expect(Self.entry(.add, .indexing, .error, meta: ["error": "bad", "reason": "r"]).reason == "bad")
        #expect(Self.entry(.add, .indexing, .error, meta: ["reason": "r"]).reason == "r")
        #expect(Self.entry(.add, .indexing, .error, meta: ["code": 5]).reason == #"{"code":5}"#)
        #expect(Self.entry(.add, .indexing, .error).reason == "INDEXING ERROR")
    }

    @Test("a page decodes the API's keys; dates with and without fractions and with offsets")
    func decoding() throws {
        let json = #"""
            {"documentLogEntries": [
              {"datetime": "2023-11-14T22:13:20.123Z", "id": "https://a", "task": "INDEXING", "operation": "ADD",
               "result": "COMPLETED", "sourceId": "s", "meta": {"duration": "0.01"}, "guid": "g", "requestId": ""},
              {"datetime": "2023-11-14T23:13:20+01:00", "id": "https://b", "task": "NEW_TASK", "operation": "ADD",
               "result": "WARNING", "sourceId": "s"}
            ], "hasNextPage": true}
            """#
        let page = try JSONDecoder().decode(LogEntryPage.self, from: Data(json.utf8))
        #expect(page.hasNextPage)
        #expect(page.entries.count == 2)
        #expect(page.entries[0].datetime == Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(page.entries[1].datetime == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(page.entries[1].task == LogTask(rawValue: "NEW_TASK"))
        #expect(page.entries[0].meta["duration"] == "0.01")
    }

    @Test("queries refuse windows over 7 days, in the future, empty, and bad pages")
    func queryRules() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(throws: ValidationError.self) {
            try LogEntryQuery(sourceId: "s", from: now - 8 * 86_400, to: now, now: now)
        }
        #expect(throws: ValidationError.self) { try LogEntryQuery(sourceId: "s", from: now, to: now + 60, now: now) }
        #expect(throws: ValidationError.self) { try LogEntryQuery(sourceId: "s", from: now, to: now, now: now) }
        #expect(throws: ValidationError.self) { try LogEntryQuery(sourceId: "", from: now - 60, to: now, now: now) }
        #expect(throws: ValidationError.self) {
            try LogEntryQuery(sourceId: "s", from: now - 60, to: now, perPage: 1_001, now: now)
        }
        #expect((try? LogEntryQuery(sourceId: "s", from: now - 7 * 86_400, to: now, now: now)) != nil)
    }
}
