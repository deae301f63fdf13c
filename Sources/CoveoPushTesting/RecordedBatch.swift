import Foundation

/// A document batch file (`{"addOrUpdate":[…],"delete":[…],"partialUpdate":[…]}`) as uploaded, decoded
/// so tests can assert what was pushed.
///
/// Each entry is flattened to `[String: String]`: string fields keep their value; numbers, booleans and
/// `null` become their JSON text (`42`, `true`, `null`); arrays and objects (such as `permissions`)
/// become compact JSON text with sorted keys. Top-level keys are matched case-insensitively, as the
/// service does.
public struct RecordedBatch: Sendable, Hashable {
    /// The index of the upload request (in ``RecordingTransport/requests``) that carried the batch.
    public var requestIndex: Int
    /// The `addOrUpdate` entries, flattened.
    public var addOrUpdate: [[String: String]]
    /// The `delete` entries, flattened.
    public var delete: [[String: String]]
    /// The `partialUpdate` entries, flattened.
    public var partialUpdate: [[String: String]]
    /// The batch file's bytes.
    public var raw: Data

    /// The `documentId` of each `addOrUpdate` entry, in order.
    public var addOrUpdateIds: [String] { addOrUpdate.compactMap { $0["documentId"] } }
    /// The `documentId` of each `delete` entry, in order.
    public var deleteIds: [String] { delete.compactMap { $0["documentId"] } }

    /// Decodes a batch file; `nil` when `json` is not a JSON object with at least one batch key whose
    /// value is an array of objects.
    public init?(json: Data, requestIndex: Int) {
        guard case .object(let members)? = try? JSONDecoder().decode(RecordedJSON.self, from: json) else {
            return nil
        }
        var lists: [String: [[String: String]]] = [:]
        for key in ["addOrUpdate", "delete", "partialUpdate"] {
            guard let value = members.first(where: { $0.key.lowercased() == key.lowercased() })?.value else {
                continue
            }
            guard let flattened = Self.flattenedEntries(value) else { return nil }
            lists[key] = flattened
        }
        guard !lists.isEmpty else { return nil }
        self.requestIndex = requestIndex
        self.addOrUpdate = lists["addOrUpdate"] ?? []
        self.delete = lists["delete"] ?? []
        self.partialUpdate = lists["partialUpdate"] ?? []
        self.raw = json
    }

    /// An array of objects, each flattened; `nil` for anything else.
    private static func flattenedEntries(_ value: RecordedJSON) -> [[String: String]]? {
        guard case .array(let items) = value else { return nil }
        var flattened: [[String: String]] = []
        for item in items {
            guard case .object(let fields) = item else { return nil }
            flattened.append(fields.mapValues(\.flatText))
        }
        return flattened
    }
}
