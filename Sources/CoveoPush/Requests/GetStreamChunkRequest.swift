/// Asks an open stream for a new chunk (a file container for the next part of the load):
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/chunk` or
/// `POST /organizations/{organizationId}/data-collections/{dataCollectionId}/stream/{streamId}/chunk`.
///
/// No body; success is `200` with a ``StreamChunk``. Safe to retry: a chunk whose answer was lost is never
/// uploaded to, so it adds nothing to the load.
public struct GetStreamChunkRequest: PushRequest, Hashable {
    /// The new chunk.
    public typealias Response = StreamChunk

    /// The organization ID.
    public let organizationId: String
    /// The source or data collection the stream loads.
    public let target: StreamTarget
    /// The open stream's ID.
    public let streamId: String

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, target: StreamTarget, streamId: String) throws(ValidationError) {
        try target.validate(organizationId: organizationId)
        try RequestValidation.identifier(streamId, "streamId")
        self.organizationId = organizationId
        self.target = target
        self.streamId = streamId
    }

    /// Creates the request for a Catalog source.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, sourceId: String, streamId: String) throws(ValidationError) {
        try self.init(organizationId: organizationId, target: .source(sourceId), streamId: streamId)
    }

    /// ``PushOperation/getStreamChunk``.
    public var operation: PushOperation { .getStreamChunk }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/{sources|data-collections}/{id}/stream/{streamId}/chunk`.
    public var pathComponents: [String] { target.streamPath(organizationId: organizationId) + [streamId, "chunk"] }
}
