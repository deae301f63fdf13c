/// What a push accomplished: counts, failures and the cost in requests, bytes and waiting.
///
/// A document counts as accepted only once the push of its batch was answered 2xx.
public struct PushReport: Sendable, Hashable, CustomStringConvertible {
    /// A document that could not be pushed, and why.
    public struct Failure: Sendable, Hashable {
        /// The document's ID.
        public var documentId: String
        /// Why it failed.
        public var error: PushError

        /// Creates a failure record.
        public init(documentId: String, error: PushError) {
            self.documentId = documentId
            self.error = error
        }
    }

    /// Documents whose add or update was accepted (2xx).
    public var accepted = 0
    /// Deletions that were accepted (2xx).
    public var deleted = 0
    /// Documents or deletions that failed, each with its error.
    public var failed: [Failure] = []
    /// Batches committed.
    public var batches = 0
    /// Bytes uploaded (batch files and offloaded content).
    public var bytesUploaded = 0
    /// HTTP requests sent, retries included.
    public var requests = 0
    /// Requests that were retries.
    public var retries = 0
    /// Time spent waiting because the service throttled (429).
    public var throttledTime: Duration = .zero

    /// Creates an empty report.
    public init() {}

    /// Whether every document was accepted.
    public var isComplete: Bool { failed.isEmpty }

    /// One line: counts and costs.
    public var description: String {
        "accepted \(accepted), deleted \(deleted), failed \(failed.count), batches \(batches), requests \(requests), "
            + "retries \(retries), bytes \(bytesUploaded), throttled \(throttledTime)"
    }
}
