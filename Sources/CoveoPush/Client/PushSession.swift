import Foundation

/// A batched push to one Push source, fed by a crawler one operation at a time.
///
/// Each document is validated and encoded once, in the caller's task, and appended to the current batch file;
/// batches are closed before they cross ``PushClient/Configuration/batchLimit``, uploaded concurrently, and
/// pushed in the order the crawler produced them. Content too large to send inline is offloaded to its own file
/// container automatically (up to 256 MB).
///
/// ```swift
/// let session = client.session(sourceId: "my-source")
/// for page in crawler.pages() {
///     try await session.addOrUpdate(page.document)
/// }
/// try await session.delete(documentId: "https://intranet.example.com/removed")
/// let report = try await session.finish()
/// ```
///
/// A document counts as accepted only once its batch's push was answered 2xx. Invalid documents are refused at
/// once with a ``PushError`` (code ``PushError/Code/invalidInput``) and also listed in the report's failures.
/// A crawl that stops early calls ``cancel()``: every batch in flight is cancelled and its files deleted.
public struct PushSession: BatchedSession {
    /// The client the session pushes through.
    public let client: PushClient
    /// The source pushed to.
    public let sourceId: String
    let pipeline: BatchPipeline
    private let documents: DocumentAppender

    init(
        client: PushClient, sourceId: String, orderingId: Int64?,
        onCommit: (@Sendable (CommittedBatch) async -> Void)? = nil
    ) {
        self.client = client
        self.sourceId = sourceId
        pipeline = BatchPipeline(
            client: client, target: .items(sourceId: sourceId, orderingId: orderingId), onCommit: onCommit)
        documents = DocumentAppender(client: client, pipeline: pipeline)
    }

    /// Progress events: documents done, bytes uploaded, batches committed, failures.
    public var progress: AsyncStream<PushProgress> { pipeline.progress }

    /// Adds or updates a document.
    ///
    /// - Throws: ``PushError`` with code `invalidInput` for an invalid document (also recorded in the report),
    ///   `quotaExceeded` once the service said a quota is exhausted, or `CancellationError`.
    public func addOrUpdate(_ document: Document) async throws {
        try await documents.addOrUpdate(document, throwingRejections: true)
    }

    /// Adds a document; a document that cannot be encoded or offloaded is recorded in the report, and thrown
    /// only when `throwingRejections` is set.
    func addOrUpdate(_ document: Document, throwingRejections: Bool) async throws {
        try await documents.addOrUpdate(document, throwingRejections: throwingRejections)
    }

    /// Deletes a document, and its children (items whose `parentId` is this ID) when `deleteChildren` is set.
    ///
    /// - Throws: ``PushError`` with code `invalidInput` for an invalid ID (also recorded in the report), or the
    ///   session's stopping error.
    public func delete(documentId: String, deleteChildren: Bool = false) async throws {
        try await documents.delete(documentId: documentId, deleteChildren: deleteChildren)
    }

    /// Pushes the last batch, waits for every push to be answered, and returns the report.
    public func finish() async throws -> PushReport {
        try await pipeline.finish()
    }

    /// Cancels every batch in flight, deletes their temporary files, and returns once every batch task has ended.
    /// Call it when a crawl stops early without ``finish()``; `PushClient.push` does so on any error.
    public func cancel() async {
        await pipeline.cancel()
    }
}

extension PushClient {
    /// Starts a batched push to a source.
    ///
    /// - Parameters:
    ///   - sourceId: The Push source.
    ///   - orderingId: An orderingId for every batch of the session (for rebuilds followed by delete-older-than);
    ///     `nil` lets the service use the time it receives each batch.
    ///   - onCommit: Called with the operations of each batch once the service accepted it, in commit order, before
    ///     the next batch is pushed (keep it quick): feed an ``IndexingVerifier`` with it. `nil` (the default)
    ///     skips reading committed batches back.
    public nonisolated func session(
        sourceId: String, orderingId: Int64? = nil, onCommit: (@Sendable (CommittedBatch) async -> Void)? = nil
    ) -> PushSession {
        PushSession(client: self, sourceId: sourceId, orderingId: orderingId, onCommit: onCommit)
    }

    /// Pushes every document of a sequence in size-bounded batches and returns the report. Invalid documents are
    /// skipped and listed in the report's failures.
    public nonisolated func push(
        _ documents: some Sequence<Document>, sourceId: String, orderingId: Int64? = nil
    ) async throws -> PushReport {
        let session = session(sourceId: sourceId, orderingId: orderingId)
        do {
            for document in documents {
                try await session.addOrUpdate(document, throwingRejections: false)
            }
            return try await session.finish()
        } catch {
            await session.cancel()
            throw error
        }
    }

    /// Pushes every document of an asynchronous sequence in size-bounded batches and returns the report.
    /// Invalid documents are skipped and listed in the report's failures.
    public nonisolated func push<S: AsyncSequence>(
        _ documents: S, sourceId: String, orderingId: Int64? = nil
    ) async throws -> PushReport where S.Element == Document {
        let session = session(sourceId: sourceId, orderingId: orderingId)
        do {
            for try await document in documents {
                try await session.addOrUpdate(document, throwingRejections: false)
            }
            return try await session.finish()
        } catch {
            await session.cancel()
            throw error
        }
    }
}
