extension PushOperation {
    // The steps below are not Push API operations: they name what a session or the client was doing on this
    // machine when a failure belongs to no single request. Their names are the ones errors always carried.

    /// Handing an entry to a session (``PushSession``, ``CatalogSession``, ``IdentitySession``), for example
    /// after the session was finished.
    public static let append = PushOperation(rawValue: "append")
    /// Writing an encoded entry into the batch file of a session, in memory or in its owner-only temporary file.
    public static let writeBatchFile = PushOperation(rawValue: "writeBatchFile")
    /// The delivery of one batch of a session as a whole (upload, push and re-push), for failures that belong to
    /// none of its requests, such as a cancellation before the batch was sent.
    public static let pushBatch = PushOperation(rawValue: "pushBatch")
    /// Compressing a document's content into a temporary file and uploading it to its own file container
    /// (content beyond the inline limits).
    public static let offloadContent = PushOperation(rawValue: "offloadContent")
}
