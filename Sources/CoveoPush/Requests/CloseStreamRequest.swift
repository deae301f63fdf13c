/// Closes an open stream, which replaces the Catalog source's content with what the stream loaded:
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/close`.
///
/// No body; success is `200` with a ``StreamOperationResult``. Safe to retry: a stream is closed once; a repeated
/// close after a lost answer may be answered with an error although the first one succeeded.
package struct CloseStreamRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the close.
    package typealias Response = StreamOperationResult

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

    /// ``PushOperation/closeStream``.
    package var operation: PushOperation { .closeStream }
    /// `POST`.
    package var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/close`.
    package var pathComponents: [String] {
        ["organizations", organizationId, "sources", sourceId, "stream", streamId, "close"]
    }
}
