import Foundation

extension PushClient {
    /// Creates a file container (`POST /files`). Retrying it is safe: an unused container simply expires.
    public nonisolated func createFileContainer() async throws -> FileContainer {
        try await execute(
            checked(.createFileContainer) { () throws(ValidationError) in
                try CreateFileContainerRequest(organizationId: organizationId)
            }, counter: nil)
    }

    /// Uploads bytes to a new file container and returns the container, ready to be referenced by its `fileId`.
    ///
    /// The upload carries exactly the container's `requiredHeaders`, never `Authorization`. When the upload host
    /// refuses the URL (403: expired or refused), a new container is requested, at most
    /// ``Configuration/maxContainerRenewals`` times.
    ///
    /// - Throws: ``PushError``; `contentTooLarge` with status 413 when the upload host refuses the size.
    public nonisolated func upload(_ body: RequestBody) async throws -> FileContainer {
        try await uploadToNewContainer(body, counter: nil, documentIds: [])
    }

    nonisolated func uploadToNewContainer(
        _ body: RequestBody, counter: RequestCounter?, documentIds: [String], for target: BatchTarget? = nil
    ) async throws -> FileContainer {
        var renewals = 0
        while true {
            let container = try await newContainer(for: target, counter: counter, documentIds: documentIds)
            do {
                _ = try await exchange(
                    operation: .uploadToFileContainer, host: .uploadHost,
                    timeout: configuration.uploadTimeout, counter: counter, documentIds: documentIds
                ) { _ in
                    (builder.buildUpload(to: container, body: body), body)
                }
                let bytes = body.byteCount ?? 0
                await counter?.recordUpload(bytes: bytes)
                await totals.recordUpload(bytes: bytes)
                return container
            } catch let error as PushError where error.code == .uploadRefused {
                guard renewals < configuration.maxContainerRenewals else { throw error }
                renewals += 1
            }
        }
    }

    /// A new file container: `POST /files`, or a chunk of the stream for a full load.
    private nonisolated func newContainer(for target: BatchTarget?, counter: RequestCounter?, documentIds: [String])
        async throws -> FileContainer
    {
        if case .streamLoad(let streamTarget, let stream) = target {
            let streamId = try await stream.streamId()
            let request = try checked(.getStreamChunk) { () throws(ValidationError) in
                try GetStreamChunkRequest(organizationId: organizationId, target: streamTarget, streamId: streamId)
            }
            let chunk = try await execute(request, counter: counter, documentIds: documentIds)
            return FileContainer(
                uploadUri: chunk.uploadUri, fileId: chunk.fileId, requiredHeaders: chunk.requiredHeaders)
        }
        let request = try checked(.createFileContainer) { () throws(ValidationError) in
            try CreateFileContainerRequest(organizationId: organizationId)
        }
        return try await execute(request, counter: counter, documentIds: documentIds)
    }

    /// Pushes an uploaded batch file by its `fileId`.
    nonisolated func commit(fileId: String, to target: BatchTarget, counter: RequestCounter?, documentIds: [String])
        async throws
    {
        switch target {
        case .items(let sourceId, let orderingId):
            let request = try checked(.pushDocumentBatch) { () throws(ValidationError) in
                try PushDocumentBatchRequest(
                    organizationId: organizationId, sourceId: sourceId, fileId: fileId, orderingId: orderingId)
            }
            _ = try await execute(request, counter: counter, documentIds: documentIds)
        case .identities(let providerId, let orderingId):
            let request = try checked(.pushIdentityBatch) { () throws(ValidationError) in
                try PushIdentityBatchRequest(
                    organizationId: organizationId, providerId: providerId, fileId: fileId, orderingId: orderingId)
            }
            _ = try await execute(request, counter: counter, documentIds: documentIds)
        case .streamUpdate(let streamTarget, let shard):
            let request = try checked(.updateStream) { () throws(ValidationError) in
                try UpdateStreamRequest(
                    organizationId: organizationId, target: streamTarget, fileId: fileId, shard: shard)
            }
            _ = try await execute(request, counter: counter, documentIds: documentIds)
        case .streamMerge(let streamTarget):
            let request = try checked(.mergeStream) { () throws(ValidationError) in
                try MergeStreamRequest(organizationId: organizationId, target: streamTarget, fileId: fileId)
            }
            _ = try await execute(request, counter: counter, documentIds: documentIds)
        case .streamLoad:
            break  // A chunk is applied when the stream is closed.
        }
    }

    /// Whether a failed push may or may not have been applied, so the batch must be uploaded and pushed again:
    /// retries ran out on transient failures, or, after such a failure, the container was already consumed.
    static func isUnconfirmed(_ error: PushError) -> Bool {
        if error.code == .retriesExhausted { return true }
        return error.attempts > 1 && (error.statusCode == 404 || error.statusCode == 412)
    }
}
