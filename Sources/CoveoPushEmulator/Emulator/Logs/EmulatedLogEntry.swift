import Foundation

/// One entry of the emulator's Logs API: what happened to an item (or a batch file) and when, as the Log Browser
/// of a Coveo organization shows it.
///
/// The emulator writes these with its own constants, listed in `Documentation/Testing.md`: an accepted item gets a
/// `CONSUMING` entry when it is applied and an `INDEXING` entry once ``InMemoryPushService/Indexing/delay`` has
/// passed; entries dated in the future are not served yet. Which of the service's entries mean "searchable" is not
/// documented by Coveo, so these constants are an assumption, kept apart from the SDK's own reading of them.
public struct EmulatedLogEntry: Sendable, Hashable {
    /// The stage of the pipeline that wrote an entry (the Logs API's `task`).
    public enum TaskKind: String, Sendable, Hashable, CaseIterable {
        case consuming = "CONSUMING"
        case consumingBatch = "CONSUMING_BATCH"
        case crawling = "CRAWLING"
        case streamingExtension = "STREAMING_EXTENSION"
        case `extension` = "EXTENSION"
        case indexing = "INDEXING"
        case mapping = "MAPPING"
        case processing = "PROCESSING"
        case streaming = "STREAMING"
        case streamingBatch = "STREAMING_BATCH"
        case preindexing = "PREINDEXING"
        case validation = "VALIDATION"
    }

    /// What was done (the Logs API's `operation`).
    public enum OperationKind: String, Sendable, Hashable, CaseIterable {
        case add = "ADD"
        case addByReference = "ADD_BY_REFERENCE"
        case batchFile = "BATCH_FILE"
        case delete = "DELETE"
        case deleteAndChildren = "DELETE_AND_CHILDREN"
        case deleteOlderThan = "DELETE_OLDER_THAN"
        case update = "UPDATE"
    }

    /// How it ended (the Logs API's `result`).
    public enum ResultKind: String, Sendable, Hashable, CaseIterable {
        case completed = "COMPLETED"
        case error = "ERROR"
        case rejected = "REJECTED"
        case skipped = "SKIPPED"
        case warning = "WARNING"
    }

    /// The order the emulator wrote the entry in, from 1.
    public let sequence: Int
    /// When the entry is dated, in milliseconds since 1970 (the Logs API's `datetime`).
    public let milliseconds: Int64
    /// The organization.
    public let organizationId: String
    /// The source.
    public let sourceId: String
    /// The item's URI (`documentId`), the file ID of a batch file, or empty for a source-wide operation.
    public let id: String
    /// The stage that wrote the entry.
    public let task: TaskKind
    /// What was done.
    public let operation: OperationKind
    /// How it ended.
    public let result: ResultKind
    /// Details, such as `reason` and `error` for a rejection.
    public let meta: [String: String]

    /// Creates an entry.
    public init(
        sequence: Int, milliseconds: Int64, organizationId: String, sourceId: String, id: String, task: TaskKind,
        operation: OperationKind, result: ResultKind, meta: [String: String] = [:]
    ) {
        self.sequence = sequence
        self.milliseconds = milliseconds
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.id = id
        self.task = task
        self.operation = operation
        self.result = result
        self.meta = meta
    }

    /// The entry's date.
    public var datetime: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
