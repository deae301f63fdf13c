/// A progress event of a batched push, delivered on ``PushSession/progress``.
public struct PushProgress: Sendable, Hashable {
    /// Documents and deletions confirmed so far (accepted or failed).
    public var documentsDone: Int
    /// Documents and deletions handed to the session so far, or the total when the input's size is known.
    public var documentsTotal: Int?
    /// Bytes uploaded so far.
    public var bytesUploaded: Int
    /// Batches committed so far.
    public var batchesCommitted: Int
    /// Documents that failed so far.
    public var failures: Int
    /// How many of the entries appended to the session, counted from the first one appended, are all accepted:
    /// the first N appended operations are known to be in the service. It stops growing at the first batch that
    /// fails, so a crawler can resume after entry N. Entries refused as invalid before being appended do not count.
    public var committedInOrder: Int

    /// Creates a progress event.
    public init(
        documentsDone: Int, documentsTotal: Int?, bytesUploaded: Int, batchesCommitted: Int, failures: Int,
        committedInOrder: Int = 0
    ) {
        self.documentsDone = documentsDone
        self.documentsTotal = documentsTotal
        self.bytesUploaded = bytesUploaded
        self.batchesCommitted = batchesCommitted
        self.failures = failures
        self.committedInOrder = committedInOrder
    }
}
