/// Closes an open stream, which replaces the Catalog source's content with what the stream loaded:
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/close`.
///
/// No body; success is `200` with a ``StreamOperationResult``. Safe to retry: a stream is closed once; a repeated
/// close after a lost answer may be answered with an error although the first one succeeded.
public struct CloseStreamRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the close.
    public typealias Response = StreamOperationResult

    /// The organization ID.
    public let organizationId: String
    /// The Catalog source ID.
    public let sourceId: String
    /// The open stream's ID.
    public let streamId: String

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, sourceId: String, streamId: String) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        try RequestValidation.identifier(streamId, "streamId")
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.streamId = streamId
    }

    /// ``PushOperation/closeStream``.
    public var operation: PushOperation { .closeStream }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/close`.
    public var pathComponents: [String] {
        ["organizations", organizationId, "sources", sourceId, "stream", streamId, "close"]
    }
    /// None.
    public var queryItems: [QueryItem] { [] }
    /// None.
    public var requestedOrderingId: Int64? { nil }
    /// No body.
    public func makeBody() throws(ValidationError) -> RequestBody? { nil }
}
