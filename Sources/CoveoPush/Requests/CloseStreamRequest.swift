/// Closes an open stream, which replaces the content of the Catalog source or data collection with what the
/// stream loaded: `POST /organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/close` or
/// `POST /organizations/{organizationId}/data-collections/{dataCollectionId}/stream/{streamId}/close`.
///
/// No body; success is `200` with a ``StreamOperationResult``. Safe to retry: a stream is closed once; a repeated
/// close after a lost answer may be answered with an error although the first one succeeded.
public struct CloseStreamRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the close.
    public typealias Response = StreamOperationResult

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

    /// ``PushOperation/closeStream``.
    public var operation: PushOperation { .closeStream }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/{sources|data-collections}/{id}/stream/{streamId}/close`.
    public var pathComponents: [String] { target.streamPath(organizationId: organizationId) + [streamId, "close"] }
}
