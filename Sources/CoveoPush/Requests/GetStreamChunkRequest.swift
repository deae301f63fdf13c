/// Asks an open stream for a new chunk (a file container for the next part of the load):
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/chunk`.
///
/// No body; success is `200` with a ``StreamChunk``. Safe to retry: a chunk whose answer was lost is never
/// uploaded to, so it adds nothing to the load.
package struct GetStreamChunkRequest: PushRequest, Hashable {
    /// The new chunk.
    package typealias Response = StreamChunk

    /// The organization ID.
    package let organizationId: String
    /// The Catalog source ID.
    package let sourceId: String
    /// The open stream's ID.
    package let streamId: String

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    package init(organizationId: String, sourceId: String, streamId: String) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        try RequestValidation.identifier(streamId, "streamId")
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.streamId = streamId
    }

    /// ``PushOperation/getStreamChunk``.
    package var operation: PushOperation { .getStreamChunk }
    /// `POST`.
    package var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/chunk`.
    package var pathComponents: [String] {
        ["organizations", organizationId, "sources", sourceId, "stream", streamId, "chunk"]
    }
}
