/// What became of a pushed document once the service processed it, as its logs tell.
public enum IndexingOutcome: Sendable, Hashable {
    /// Added or updated and written into the index: searchable.
    case indexed
    /// Deleted from the index.
    case deleted
    /// Refused while processing or indexing; the reason is the log's.
    case rejected(reason: String)
    /// Indexed (or skipped) with a problem worth knowing; the reason is the log's.
    case warning(reason: String)
    /// No final entry was found before the deadline: unconfirmed, neither indexed nor refused as far as we know.
    case pending
}

/// The outcome of one document of a push.
public struct DocumentVerdict: Sendable, Hashable {
    /// The document ID.
    public var documentId: String
    /// The last operation pushed for it in the run; the one judged.
    public var operation: CommittedBatch.Operation
    /// What became of it.
    public var outcome: IndexingOutcome

    /// Creates a verdict.
    public init(documentId: String, operation: CommittedBatch.Operation, outcome: IndexingOutcome) {
        self.documentId = documentId
        self.operation = operation
        self.outcome = outcome
    }
}

/// What a verification found: counts per outcome, the reasons of refusals and warnings, and the Logs API requests
/// it took. Pending documents are counted; their IDs went to the verdict handler.
public struct VerificationReport: Sendable, Hashable {
    /// A document and the reason the log gave.
    public struct Problem: Sendable, Hashable {
        /// The document ID.
        public var documentId: String
        /// The log's reason.
        public var reason: String

        /// Creates a problem.
        public init(documentId: String, reason: String) {
            self.documentId = documentId
            self.reason = reason
        }
    }

    /// Documents indexed.
    public var indexed = 0
    /// Documents deleted.
    public var deleted = 0
    /// Documents indexed or skipped with a warning.
    public var warnings = 0
    /// Documents refused.
    public var rejected = 0
    /// Documents with no final entry by the deadline.
    public var pending = 0
    /// Logs API requests answered.
    public var logsRequests = 0
    /// Logs API requests that failed after the reader's retries (their window is read again by the next poll).
    public var failedLogsRequests = 0
    /// The refused documents and why, in the order they were found.
    public var rejections: [Problem] = []
    /// The documents with a warning and why, in the order they were found.
    public var warningDetails: [Problem] = []

    /// Creates an empty report.
    public init() {}

    /// Documents judged so far, pending ones included.
    public var total: Int { indexed + deleted + warnings + rejected + pending }

    /// Whether every document was confirmed and none refused.
    public var isConfirmed: Bool { rejected == 0 && pending == 0 }
}
