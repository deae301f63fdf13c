/// Opens a stream to load a Catalog source's whole content:
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/open`.
///
/// No body; success is `201` with a ``StreamOpened``. Retrying after a lost answer may leave an extra stream open
/// that is never used; only the stream that is closed replaces the catalog.
public struct OpenStreamRequest: PushRequest, Hashable {
    /// The open stream.
    public typealias Response = StreamOpened

    /// The organization ID.
    public let organizationId: String
    /// The Catalog source ID.
    public let sourceId: String

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, sourceId: String) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        self.organizationId = organizationId
        self.sourceId = sourceId
    }

    /// ``PushOperation/openStream``.
    public var operation: PushOperation { .openStream }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/open`.
    public var pathComponents: [String] { ["organizations", organizationId, "sources", sourceId, "stream", "open"] }
    /// None.
    public var queryItems: [QueryItem] { [] }
    /// None.
    public var requestedOrderingId: Int64? { nil }
    /// No body.
    public func makeBody() throws(ValidationError) -> RequestBody? { nil }
}
