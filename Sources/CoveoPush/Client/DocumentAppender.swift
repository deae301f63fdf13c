import Foundation

/// The document handling that ``PushSession`` and ``CatalogSession`` share: validates and encodes each document
/// once, in the caller's task, offloads content too large to send inline, and appends the bytes to the session's
/// pipeline. Invalid input is recorded in the session's report before it is thrown.
struct DocumentAppender: Sendable {
    let client: PushClient
    let pipeline: BatchPipeline
    private let encoder = DocumentEncoder()

    init(client: PushClient, pipeline: BatchPipeline) {
        self.client = client
        self.pipeline = pipeline
    }

    /// Adds or updates a document; one that cannot be encoded or offloaded is recorded in the report, and thrown
    /// only when `throwingRejections` is set (`PushClient.push` skips invalid documents instead).
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

    /// Deletes a document, and its children when `deleteChildren` is set (a cascading delete).
    func delete(documentId: String, deleteChildren: Bool) async throws {
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

    /// Encodes a document for a batch; content over the inline limits is first moved to its own file container.
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
