import Foundation

/// A batched push to a catalog (commerce) source or a data collection through the Stream API.
///
/// Three modes:
/// - ``Mode/update`` (recommended): each batch goes to `stream/update`; `addOrUpdate` replaces whole items,
///   `delete` removes them, and ``partialUpdate(_:)`` changes single fields of existing items;
/// - ``Mode/merge``: each batch goes to `stream/merge`, a shallow merge that creates missing items and fields;
/// - ``Mode/load``: a full load. Batches are uploaded as chunks of one stream, and closing it (in ``finish()``)
///   replaces the whole catalog: items absent from the load disappear. Coveo advises against it beyond
///   1,000,000 items.
///
/// Batching, retries, ordering, reports and progress work as in ``PushSession``, whatever the ``target``: a
/// data collection (``StreamTarget/dataCollection(_:)``) gets the same requests under its own path.
///
/// ```swift
/// let session = client.catalogSession(sourceId: "products", mode: .update)
/// try await session.addOrUpdate(product)
/// try await session.partialUpdate(.fieldValueReplace(documentId: product.documentId, field: "ec_price", value: 19.5))
/// let report = try await session.finish()
/// ```
public struct CatalogSession: BatchedSession {
    /// How batches are applied.
    public enum Mode: Sendable, Hashable {
        /// `stream/update`: full-item replacement, deletions and partial updates.
        case update(shard: String? = nil)
        /// `stream/merge`: shallow merge.
        case merge
        /// A full load through `stream/open`, `chunk` and `close`.
        case load

        /// `stream/update` without a shard.
        public static let update = Mode.update(shard: nil)
    }

    /// The client the session pushes through.
    public let client: PushClient
    /// The catalog source or data collection.
    public let target: StreamTarget
    /// How batches are applied.
    public let mode: Mode
    let pipeline: BatchPipeline
    private let documents: DocumentAppender
    private let encoder = DocumentEncoder()

    /// The target's ID: the source ID, or for a data collection its ID.
    @available(*, deprecated, message: "use target, which says whether the ID is a source's or a data collection's")
    public var sourceId: String { target.id }

    init(client: PushClient, target: StreamTarget, mode: Mode) {
        self.client = client
        self.target = target
        self.mode = mode
        let batchTarget: BatchTarget
        switch mode {
        case .update(let shard): batchTarget = .streamUpdate(target, shard: shard)
        case .merge: batchTarget = .streamMerge(target)
        case .load: batchTarget = .streamLoad(target, stream: StreamHandle(client: client, target: target))
        }
        pipeline = BatchPipeline(client: client, target: batchTarget)
        documents = DocumentAppender(client: client, pipeline: pipeline)
    }

    /// Progress events.
    public var progress: AsyncStream<PushProgress> { pipeline.progress }

    /// Adds or replaces an item (large content is offloaded to a file container, as for Push sources).
    public func addOrUpdate(_ document: Document) async throws {
        try await documents.addOrUpdate(document, throwingRejections: true)
    }

    /// Deletes an item.
    public func delete(documentId: String) async throws {
        try await documents.delete(documentId: documentId, deleteChildren: false)
    }

    /// Updates one field of an existing item (``Mode/update`` only).
    ///
    /// - Throws: ``PushError`` with code `invalidInput` for an invalid update or another mode.
    public func partialUpdate(_ update: PartialUpdate) async throws {
        let json: [UInt8]
        do {
            guard case .update = mode else {
                throw ValidationError(
                    .invalidParameter, .document(update.documentId), "partial updates need the update mode")
            }
            json = try encoder.encodePartialUpdate(update)
        } catch let error as ValidationError {
            let pushError = PushError(error, operation: .updateStream)
            await pipeline.recordRejected(update.documentId, pushError)
            throw pushError
        }
        try await pipeline.append(json, to: .partialUpdate, key: update.documentId, parentKey: nil, cascades: false)
    }

    /// Pushes the last batch (and, for a load, closes the stream), then returns the report.
    public func finish() async throws -> PushReport {
        try await pipeline.finish()
    }

    /// Cancels every batch in flight, deletes their temporary files, and returns once every batch task has ended.
    public func cancel() async {
        await pipeline.cancel()
    }
}

extension PushClient {
    /// Starts a batched push to a catalog source through the Stream API.
    public nonisolated func catalogSession(sourceId: String, mode: CatalogSession.Mode = .update) -> CatalogSession {
        CatalogSession(client: self, target: .source(sourceId), mode: mode)
    }

    /// Starts a batched push through the Stream API to a catalog source or a data collection.
    ///
    /// ```swift
    /// let session = client.catalogSession(target: .dataCollection("products"), mode: .load)
    /// ```
    public nonisolated func catalogSession(target: StreamTarget, mode: CatalogSession.Mode = .update)
        -> CatalogSession
    {
        CatalogSession(client: self, target: target, mode: mode)
    }

    /// Deletes the catalog items last updated before `date` (Stream API `deleteolderthan`).
    ///
    /// - Parameters:
    ///   - queueDelay: Minutes before the deletion is enqueued (the service's default is 15).
    public nonisolated func deleteCatalogItemsOlderThan(_ date: Date, sourceId: String, queueDelay: Int? = nil)
        async throws -> StreamOperationResult
    {
        try await deleteCatalogItemsOlderThan(date, target: .source(sourceId), queueDelay: queueDelay)
    }

    /// Deletes the items of a catalog source or a data collection last updated before `date` (Stream API
    /// `deleteolderthan`).
    ///
    /// - Parameters:
    ///   - queueDelay: Minutes before the deletion is enqueued (the service's default is 15).
    public nonisolated func deleteCatalogItemsOlderThan(_ date: Date, target: StreamTarget, queueDelay: Int? = nil)
        async throws -> StreamOperationResult
    {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let request = try checked(.deleteStreamOlderThan) { () throws(ValidationError) in
            try DeleteStreamOlderThanRequest(
                organizationId: organizationId, target: target, epochMilliseconds: milliseconds,
                queueDelay: queueDelay)
        }
        return try await execute(request, counter: nil)
    }
}
