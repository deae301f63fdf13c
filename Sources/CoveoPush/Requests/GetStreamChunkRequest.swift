/// Asks an open stream for a new chunk (a file container for the next part of the load):
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/chunk`.
///
/// No body; success is `200` with a ``StreamChunk``. Safe to retry: a chunk whose answer was lost is never
/// uploaded to, so it adds nothing to the load.
public struct GetStreamChunkRequest: PushRequest, Hashable {
    /// The new chunk.
    public typealias Response = StreamChunk

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

    /// ``PushOperation/getStreamChunk``.
    public var operation: PushOperation { .getStreamChunk }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/{streamId}/chunk`.
    public var pathComponents: [String] {
        ["organizations", organizationId, "sources", sourceId, "stream", streamId, "chunk"]
    }
    /// None.
    public var queryItems: [QueryItem] { [] }
    /// None.
    public var requestedOrderingId: Int64? { nil }
    /// No body.
    public func makeBody() throws(ValidationError) -> RequestBody? { nil }
}
