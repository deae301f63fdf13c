/// Opens a stream to load the whole content of a Catalog source or a data collection:
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/open` or
/// `POST /organizations/{organizationId}/data-collections/{dataCollectionId}/stream/open`.
///
/// No body; success is `201` with a ``StreamOpened``. Retrying after a lost answer may leave an extra stream open
/// that is never used; only the stream that is closed replaces the content.
public struct OpenStreamRequest: PushRequest, Hashable {
    /// The open stream.
    public typealias Response = StreamOpened

    /// The organization ID.
    public let organizationId: String
    /// The source or data collection the stream loads.
    public let target: StreamTarget

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, target: StreamTarget) throws(ValidationError) {
        try target.validate(organizationId: organizationId)
        self.organizationId = organizationId
        self.target = target
    }

    /// Creates the request for a Catalog source.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, sourceId: String) throws(ValidationError) {
        try self.init(organizationId: organizationId, target: .source(sourceId))
    }

    /// ``PushOperation/openStream``.
    public var operation: PushOperation { .openStream }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/{sources|data-collections}/{id}/stream/open`.
    public var pathComponents: [String] { target.streamPath(organizationId: organizationId) + ["open"] }
}
