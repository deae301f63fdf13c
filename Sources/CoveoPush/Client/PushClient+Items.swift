import Foundation

extension PushClient {
    /// Adds or updates one item with a single request (at most 6 MB). Content beyond the inline limits is
    /// offloaded to a file container first. For many items, use ``session(sourceId:orderingId:)`` or
    /// `push(_:sourceId:orderingId:)`: a batch costs three requests for up to 250 MB of items.
    public nonisolated func addOrUpdate(_ document: Document, sourceId: String, orderingId: Int64? = nil) async throws {
        let operation = PushOperation.addOrUpdateDocument
        let encoder = DocumentEncoder()
        var encoded: EncodedDocument
        do {
            encoded = try encoder.encode(document, for: .singlePush)
        } catch let error as ValidationError where error.rule == .contentTooLarge {
            let offloaded = try await offloadingContent(of: document, counter: nil)
            do {
                encoded = try encoder.encode(offloaded, for: .singlePush)
            } catch let error as ValidationError {
                throw PushError(error, operation: operation)
            }
        } catch let error as ValidationError {
            throw PushError(error, operation: operation)
        }
        let request = try checked(operation) { () throws(ValidationError) in
            try AddOrUpdateDocumentRequest(
                organizationId: organizationId, sourceId: sourceId, encoded: encoded, orderingId: orderingId)
        }
        _ = try await execute(request, counter: nil, documentIds: [document.documentId])
    }

    /// Deletes one item, and its children (items whose `parentId` is this ID) when `deleteChildren` is set.
    public nonisolated func delete(
        documentId: String, sourceId: String, deleteChildren: Bool = false, orderingId: Int64? = nil
    ) async throws {
        let request = try checked(.deleteDocument) { () throws(ValidationError) in
            try DeleteDocumentRequest(
                organizationId: organizationId, sourceId: sourceId, documentId: documentId,
                deleteChildren: deleteChildren, orderingId: orderingId)
        }
        _ = try await execute(request, counter: nil, documentIds: [documentId])
    }

    /// Deletes every item of the source whose last update carried an orderingId strictly lower than `orderingId`.
    ///
    /// - Parameters:
    ///   - queueDelay: Minutes the service waits before enqueuing the deletion (its default is 15).
    public nonisolated func deleteOlderThan(orderingId: Int64, sourceId: String, queueDelay: Int? = nil) async throws {
        let request = try checked(.deleteDocumentsOlderThan) { () throws(ValidationError) in
            try DeleteDocumentsOlderThanRequest(
                organizationId: organizationId, sourceId: sourceId, orderingId: orderingId, queueDelay: queueDelay)
        }
        _ = try await execute(request, counter: nil)
    }

    /// Pushes a batch file already uploaded to a file container.
    public nonisolated func pushBatch(fileId: String, sourceId: String, orderingId: Int64? = nil) async throws {
        try await commit(
            fileId: fileId, to: .items(sourceId: sourceId, orderingId: orderingId), counter: nil, documentIds: [])
    }
}
