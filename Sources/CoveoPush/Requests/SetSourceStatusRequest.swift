/// Sets the status of a Push source: `POST /organizations/{organizationId}/sources/{sourceId}/status?statusType=…`.
///
/// An active status (`rebuild`, `refresh`, `incremental`) opens an activity in the console; `idle` closes it.
/// No body; success is `201`. Safe to repeat: setting the same status twice leaves it as it is.
public struct SetSourceStatusRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The Push source ID.
    public let sourceId: String
    /// The status to set.
    public let status: SourceStatus

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, sourceId: String, status: SourceStatus) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.status = status
    }

    /// ``PushOperation/setSourceStatus``.
    public var operation: PushOperation { .setSourceStatus }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/sources/{sourceId}/status`.
    public var pathComponents: [String] { ["organizations", organizationId, "sources", sourceId, "status"] }
    /// `statusType`.
    public var queryItems: [QueryItem] { [QueryItem(name: "statusType", value: status.rawValue)] }
}
