import Foundation

/// What one batch pushed to a source held, reported once the service accepted it (`202`): the input of an
/// ``IndexingVerifier``.
///
/// Delivered in commit order to the `onCommit` handler of ``PushClient/session(sourceId:orderingId:onCommit:)``.
/// Unlike ``PushProgress`` events, which a slow reader may miss (only the newest are kept), every committed batch
/// reaches the handler: a verifier cannot afford to lose a document ID.
public struct CommittedBatch: Sendable, Hashable {
    /// One operation of the batch.
    public struct Entry: Sendable, Hashable {
        /// The document ID.
        public var documentId: String
        /// What the batch asked for.
        public var operation: Operation

        /// Creates an entry.
        public init(documentId: String, operation: Operation) {
            self.documentId = documentId
            self.operation = operation
        }
    }

    /// What a batch entry asked the service to do with a document.
    public enum Operation: Sendable, Hashable {
        /// Add or replace the document.
        case addOrUpdate
        /// Delete the document.
        case delete
    }

    /// The source the batch was pushed to.
    public var sourceId: String
    /// The batch's operations, in file order (additions first, then deletions).
    public var entries: [Entry]
    /// When the service accepted the batch, by the client's wall clock.
    public var committedAt: Date

    /// Creates a committed batch.
    public init(sourceId: String, entries: [Entry], committedAt: Date) {
        self.sourceId = sourceId
        self.entries = entries
        self.committedAt = committedAt
    }

    /// Reads the operations of a batch file (run outside any actor; only when a handler wants them).
    static func entries(of body: RequestBody) -> [Entry] {
        var entries: [Entry] = []
        try? BatchScanner.forEachEntry(in: body) { section, entry in
            guard let id = BatchScanner.entryIdentifier(entry) else { return }
            entries.append(Entry(documentId: id, operation: section == .delete ? .delete : .addOrUpdate))
        }
        return entries
    }
}
