/// The stage of Coveo's indexing pipeline that wrote a log entry (the Logs API's `task`). An open set.
public struct LogTask: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The API's name, such as `INDEXING`.
    public let rawValue: String
    /// Creates a task from its API name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The name.
    public var description: String { rawValue }

    /// Reading the pushed item or batch.
    public static let consuming = LogTask(rawValue: "CONSUMING")
    /// Reading a pushed batch file.
    public static let consumingBatch = LogTask(rawValue: "CONSUMING_BATCH")
    /// Processing the item (extensions, conversion).
    public static let processing = LogTask(rawValue: "PROCESSING")
    /// Applying field mappings.
    public static let mapping = LogTask(rawValue: "MAPPING")
    /// Writing the item into the index.
    public static let indexing = LogTask(rawValue: "INDEXING")
    /// Stream API work.
    public static let streaming = LogTask(rawValue: "STREAMING")
    /// Every task the Logs API documents.
    public static let documented: [LogTask] = [
        "CONSUMING", "CONSUMING_BATCH", "CRAWLING", "STREAMING_EXTENSION", "EXTENSION", "INDEXING", "MAPPING",
        "PROCESSING", "STREAMING", "STREAMING_BATCH", "PREINDEXING", "VALIDATION",
    ].map(LogTask.init(rawValue:))
}

/// What a log entry did to the item (the Logs API's `operation`). An open set.
public struct LogOperation: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The API's name, such as `ADD`.
    public let rawValue: String
    /// Creates an operation from its API name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The name.
    public var description: String { rawValue }

    /// An item added or replaced.
    public static let add = LogOperation(rawValue: "ADD")
    /// An item added from a reference.
    public static let addByReference = LogOperation(rawValue: "ADD_BY_REFERENCE")
    /// A batch file.
    public static let batchFile = LogOperation(rawValue: "BATCH_FILE")
    /// An item deleted.
    public static let delete = LogOperation(rawValue: "DELETE")
    /// An item and its children deleted.
    public static let deleteAndChildren = LogOperation(rawValue: "DELETE_AND_CHILDREN")
    /// Items older than an orderingId deleted.
    public static let deleteOlderThan = LogOperation(rawValue: "DELETE_OLDER_THAN")
    /// An item updated in part.
    public static let update = LogOperation(rawValue: "UPDATE")
    /// Every operation the Logs API documents.
    public static let documented: [LogOperation] = [
        .add, .addByReference, .batchFile, .delete, .deleteAndChildren, .deleteOlderThan, .update,
    ]
}

/// How a log entry's step ended (the Logs API's `result`). An open set.
public struct LogResult: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The API's name, such as `COMPLETED`.
    public let rawValue: String
    /// Creates a result from its API name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The name.
    public var description: String { rawValue }

    /// The step succeeded.
    public static let completed = LogResult(rawValue: "COMPLETED")
    /// The step failed.
    public static let error = LogResult(rawValue: "ERROR")
    /// The item was refused.
    public static let rejected = LogResult(rawValue: "REJECTED")
    /// The step did nothing (for example, a later operation on the item won).
    public static let skipped = LogResult(rawValue: "SKIPPED")
    /// The step succeeded with a problem worth knowing.
    public static let warning = LogResult(rawValue: "WARNING")
    /// Every result the Logs API documents.
    public static let documented: [LogResult] = [.completed, .error, .rejected, .skipped, .warning]
}
