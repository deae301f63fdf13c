import Foundation

extension PushClient {
    /// A full rebuild fed by a crawler, one operation at a time: the items the crawl does not see disappear.
    ///
    /// ```swift
    /// let report = try await client.rebuild(sourceId: "my-source") { session in
    ///     for try await page in crawler.pages() {
    ///         try await session.addOrUpdate(page.document)
    ///     }
    /// }
    /// ```
    ///
    /// In order: sets the status `REBUILD`; runs `body` with a session whose batches all carry one orderingId;
    /// finishes the session; when every document was accepted, deletes the items older than that orderingId;
    /// sets the status back to `IDLE`, also when a step failed or the task was cancelled. When `body` throws, the
    /// session is cancelled (its temporary files deleted), nothing is deleted, and the error is rethrown.
    ///
    /// - Parameters:
    ///   - sourceId: The Push source.
    ///   - orderingId: The orderingId of this rebuild; pass the same value from several processes that share one
    ///     rebuild. Default: now, in milliseconds since 1970.
    ///   - queueDelay: Minutes before the deletion of old items is enqueued (the service's default is 15).
    ///   - body: Feeds the session. A document `body` lets the session refuse (an invalid one) is listed in the
    ///     report's failures, and then no item is deleted.
    /// - Returns: The session's report. Old items are deleted only when every document was accepted, so a partly
    ///   failed rebuild never removes items that were merely not re-pushed.
    /// - Throws: ``PushError`` or `CancellationError` from a step; the error of `body`.
    public nonisolated func rebuild(
        sourceId: String, orderingId: Int64? = nil, queueDelay: Int? = nil,
        _ body: (PushSession) async throws -> Void
    ) async throws -> PushReport {
        let orderingId = orderingId ?? Int64((configuration.wallClock().timeIntervalSince1970 * 1000).rounded(.down))
        return try await withStatus(.rebuild, sourceId: sourceId) {
            let session = session(sourceId: sourceId, orderingId: orderingId)
            let report: PushReport
            do {
                try await body(session)
                report = try await session.finish()
            } catch {
                await session.cancel()
                throw error
            }
            if report.isComplete {
                try await deleteOlderThan(orderingId: orderingId, sourceId: sourceId, queueDelay: queueDelay)
            }
            return report
        }
    }

    /// A full rebuild of every document of a sequence: pushes them with one orderingId, then deletes the source's
    /// items older than it (so items not seen in this crawl disappear), inside `REBUILD` … `IDLE`.
    ///
    /// Invalid documents are skipped and listed in the report's failures (and then nothing is deleted). The
    /// rules are those of ``rebuild(sourceId:orderingId:queueDelay:_:)``.
    ///
    /// - Parameters:
    ///   - documents: Every item of the source.
    ///   - orderingId: The orderingId of this rebuild. Default: now, in milliseconds since 1970.
    ///   - queueDelay: Minutes before the deletion of old items is enqueued (the service's default is 15).
    public nonisolated func rebuild(
        _ documents: some Sequence<Document>, sourceId: String, orderingId: Int64? = nil, queueDelay: Int? = nil
    ) async throws -> PushReport {
        try await rebuild(sourceId: sourceId, orderingId: orderingId, queueDelay: queueDelay) { session in
            for document in documents {
                try await session.addOrUpdate(document, throwingRejections: false)
            }
        }
    }

    /// A full rebuild of every document of an asynchronous sequence (a crawler that produces documents as it
    /// goes); the rules are those of ``rebuild(sourceId:orderingId:queueDelay:_:)``.
    ///
    /// ```swift
    /// let report = try await client.rebuild(crawler.documents(), sourceId: "my-source")
    /// ```
    ///
    /// Invalid documents are skipped and listed in the report's failures (and then nothing is deleted). An error
    /// thrown by the sequence cancels the session and is rethrown; nothing is deleted.
    public nonisolated func rebuild<S: AsyncSequence>(
        _ documents: S, sourceId: String, orderingId: Int64? = nil, queueDelay: Int? = nil
    ) async throws -> PushReport where S.Element == Document {
        try await rebuild(sourceId: sourceId, orderingId: orderingId, queueDelay: queueDelay) { session in
            for try await document in documents {
                try await session.addOrUpdate(document, throwingRejections: false)
            }
        }
    }
}
