import Foundation

/// One entry of a source's logs, as the Logs API returns it.
public struct LogEntry: Sendable, Hashable, Decodable {
    /// When the step happened, by the service's clock.
    public var datetime: Date
    /// The item's URI (its `documentId`), a batch file's ID, or empty for a source-wide operation.
    public var id: String
    /// The stage that wrote the entry.
    public var task: LogTask
    /// What was done.
    public var operation: LogOperation
    /// How it ended.
    public var result: LogResult
    /// The source.
    public var sourceId: String
    /// Details, such as an error message; its keys are not documented.
    public var meta: JSONObject

    /// Creates an entry.
    public init(
        datetime: Date, id: String, task: LogTask, operation: LogOperation, result: LogResult, sourceId: String,
        meta: JSONObject = JSONObject()
    ) {
        self.datetime = datetime
        self.id = id
        self.task = task
        self.operation = operation
        self.result = result
        self.sourceId = sourceId
        self.meta = meta
    }

    private enum CodingKeys: String, CodingKey {
        case datetime, id, task, operation, result, sourceId, meta
    }

    /// Reads an entry with the API's key names; `datetime` is a W3C date-time (fractions and offsets allowed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .datetime)
        guard let date = Self.date(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .datetime, in: container, debugDescription: "'\(text)' is not a W3C date and time")
        }
        datetime = date
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        task = try container.decode(LogTask.self, forKey: .task)
        operation = try container.decode(LogOperation.self, forKey: .operation)
        result = try container.decode(LogResult.self, forKey: .result)
        sourceId = try container.decodeIfPresent(String.self, forKey: .sourceId) ?? ""
        meta = (try container.decodeIfPresent(JSONValue.self, forKey: .meta))?.objectValue ?? JSONObject()
    }

    /// The reason a failed or skipped step gives: `meta.error`, else `meta.reason`, else `meta.message`, else the
    /// whole `meta` as JSON, else the task and result.
    public var reason: String {
        for key in ["error", "reason", "message"] {
            if let text = meta[key]?.stringValue, !text.isEmpty { return text }
        }
        if !meta.members.isEmpty { return JSONValue.object(meta).jsonText }
        return "\(task) \(result)"
    }

    /// Parses a W3C date-time, with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        if let date = W3CDateTime.parse(text) { return date }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
