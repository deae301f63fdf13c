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
public struct PushSession: Sendable {
    /// The client the session pushes through.
    public let client: PushClient
    /// The source pushed to.
    public let sourceId: String
    let pipeline: BatchPipeline
    private let encoder: DocumentEncoder

    init(client: PushClient, sourceId: String, orderingId: Int64?) {
        self.init(
            pipeline: BatchPipeline(client: client, target: .items(sourceId: sourceId, orderingId: orderingId)),
            client: client, sourceId: sourceId)
    }

    /// A session over an existing pipeline (catalog sessions share this one's document handling).
    init(pipeline: BatchPipeline, client: PushClient, sourceId: String) {
        self.client = client
        self.sourceId = sourceId
        self.pipeline = pipeline
        self.encoder = DocumentEncoder()
    }

    /// Progress events: documents done, bytes uploaded, batches committed, failures.
    public var progress: AsyncStream<PushProgress> { pipeline.progress }

    /// Adds or updates a document.
    ///
    /// - Throws: ``PushError`` with code `invalidInput` for an invalid document (also recorded in the report),
    ///   `quotaExceeded` once the service said a quota is exhausted, or `CancellationError`.
    public func addOrUpdate(_ document: Document) async throws {
        try await addOrUpdate(document, throwingRejections: true)
    }

    /// Adds a document; a document that cannot be encoded or offloaded is recorded in the report, and thrown
    /// only when `throwingRejections` is set.
    func addOrUpdate(_ document: Document, throwingRejections: Bool) async throws {
        let encoded: EncodedDocument
        do {
            encoded = try await encodeOffloadingIfNeeded(document)
        } catch let error as PushError where error.code != .quotaExceeded {
            await pipeline.recordRejected(document.documentId, error)
            if throwingRejections { throw error }
            return
        }
        try await pipeline.append(
            encoded.json, to: .addOrUpdate, key: document.documentId, parentKey: document.parentId, cascades: false)
    }

    /// Deletes a document, and its children (items whose `parentId` is this ID) when `deleteChildren` is set.
    public func delete(documentId: String, deleteChildren: Bool = false) async throws {
        let json: [UInt8]
        do {
            json = try encoder.encodeDelete(documentId: documentId, deleteChildren: deleteChildren)
        } catch let error as ValidationError {
            let pushError = PushError(error, operation: .deleteDocument)
            await pipeline.recordRejected(documentId, pushError)
            throw pushError
        }
        try await pipeline.append(json, to: .delete, key: documentId, parentKey: nil, cascades: deleteChildren)
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

    private func encodeOffloadingIfNeeded(_ document: Document) async throws -> EncodedDocument {
        do {
            return try encoder.encode(document, for: .batchItem)
        } catch let error as ValidationError where error.rule == .contentTooLarge {
            let offloaded = try await client.offloadingContent(of: document, counter: pipeline.counter)
            do {
                return try encoder.encode(offloaded, for: .batchItem)
            } catch let error as ValidationError {
                throw PushError(error, operation: .addOrUpdateDocument)
            }
        } catch let error as ValidationError {
            throw PushError(error, operation: .addOrUpdateDocument)
        }
    }
}

extension PushClient {
    /// Starts a batched push to a source.
    ///
    /// - Parameters:
    ///   - sourceId: The Push source.
    ///   - orderingId: An orderingId for every batch of the session (for rebuilds followed by delete-older-than);
    ///     `nil` lets the service use the time it receives each batch.
    public nonisolated func session(sourceId: String, orderingId: Int64? = nil) -> PushSession {
        PushSession(client: self, sourceId: sourceId, orderingId: orderingId)
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
