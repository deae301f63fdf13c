/// Gets a source: `GET {platform}/rest/organizations/{organizationId}/sources/{sourceId}`.
///
/// Success is `200` with the ``SourceModel``. A read: safe to repeat.
public struct GetSourceRequest: PushRequest, Hashable {
    /// The source.
    public typealias Response = SourceModel

    /// The organization ID.
    public let organizationId: String
    /// The source ID.
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

    /// ``PushOperation/getSource``.
    public var operation: PushOperation { .getSource }
    /// ``CoveoAPI/platform``.
    public var api: CoveoAPI { .platform }
    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `rest/organizations/{organizationId}/sources/{sourceId}`.
    public var pathComponents: [String] { ["rest", "organizations", organizationId, "sources", sourceId] }
}
