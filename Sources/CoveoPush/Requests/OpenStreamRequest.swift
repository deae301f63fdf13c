/// Opens a stream to load a Catalog source's whole content:
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/open`.
///
/// No body; success is `201` with a ``StreamOpened``. Retrying after a lost answer may leave an extra stream open
/// that is never used; only the stream that is closed replaces the catalog.
package struct OpenStreamRequest: PushRequest, Hashable {
    /// The open stream.
    package typealias Response = StreamOpened

    /// The organization ID.
    package let organizationId: String
    /// The Catalog source ID.
    package let sourceId: String

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    package init(organizationId: String, sourceId: String) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        self.organizationId = organizationId
        self.sourceId = sourceId
    }

    /// ``PushOperation/openStream``.
    package var operation: PushOperation { .openStream }
    /// `POST`.
    package var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/open`.
    package var pathComponents: [String] { ["organizations", organizationId, "sources", sourceId, "stream", "open"] }
}
