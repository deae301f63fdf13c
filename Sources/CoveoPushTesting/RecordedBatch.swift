import Foundation

/// A document batch file (`{"addOrUpdate":[…],"delete":[…],"partialUpdate":[…]}`) as uploaded, read so tests can
/// assert what was pushed.
///
/// Each entry is the JSON object as sent: members in order, numbers telling integers from other numbers.
/// Top-level keys are matched case-insensitively, as the service does.
///
/// ```swift
/// let batch = try #require(recorder.batches.first)
/// #expect(batch.addOrUpdateIds == ["https://example.com/a"])
/// #expect(batch.addOrUpdate[0]["title"] == "Alpha")
/// #expect(batch.delete[0]["deleteChildren"] == true)
/// ```
public struct RecordedBatch: Sendable, Hashable {
    /// The index of the upload request (in ``RecordingTransport/requests``) that carried the batch.
    public var requestIndex: Int
    /// The `addOrUpdate` entries.
    public var addOrUpdate: [JSONObject]
    /// The `delete` entries.
    public var delete: [JSONObject]
    /// The `partialUpdate` entries.
    public var partialUpdate: [JSONObject]
    /// The batch file's bytes.
    public var raw: Data

    /// The `documentId` of each `addOrUpdate` entry whose `documentId` is a string, in order.
    public var addOrUpdateIds: [String] { addOrUpdate.compactMap { $0["documentId"]?.stringValue } }
    /// The `documentId` of each `delete` entry whose `documentId` is a string, in order.
    public var deleteIds: [String] { delete.compactMap { $0["documentId"]?.stringValue } }

    /// Reads a batch file; `nil` when `json` is not a JSON object with at least one batch key whose value is an
    /// array of objects.
    public init?(json: Data, requestIndex: Int) {
        guard case .object(let members)? = try? JSONParser().parse(json) else { return nil }
        var lists: [String: [JSONObject]] = [:]
        for key in ["addOrUpdate", "delete", "partialUpdate"] {
            guard let value = members.first(where: { $0.key.lowercased() == key.lowercased() })?.value else {
                continue
            }
            guard let entries = Self.entries(value) else { return nil }
            lists[key] = entries
        }
        guard !lists.isEmpty else { return nil }
        self.requestIndex = requestIndex
        self.addOrUpdate = lists["addOrUpdate"] ?? []
        self.delete = lists["delete"] ?? []
        self.partialUpdate = lists["partialUpdate"] ?? []
        self.raw = json
    }

    /// The objects of an array of objects; `nil` for anything else.
    private static func entries(_ value: JSONValue) -> [JSONObject]? {
        guard case .array(let items) = value else { return nil }
        var entries: [JSONObject] = []
        for item in items {
            guard case .object(let object) = item else { return nil }
            entries.append(object)
        }
        return entries
    }
}
