/// Creates a Push or Catalog source: `POST {platform}/rest/organizations/{organizationId}/sources`.
///
/// | Type | Body |
/// |---|---|
/// | ``SourceType/push`` | `{"sourceType":"PUSH","pushEnabled":true,"name":…,"sourceVisibility":…}` |
/// | ``SourceType/catalog`` | `{"sourceType":"CATALOG","pushEnabled":true,"streamEnabled":true,"name":…,"sourceVisibility":…}` |
///
/// The query parameters `updateSecurityProviders` and `rebuild` are left to the service's defaults. Success is `201`
/// with the new ``SourceModel``. **Not idempotent**: a second create makes a second source (or fails on the name),
/// so after a failure whose outcome is unknown the client does not send it again;
/// ``PushClient/createSource(name:type:visibility:)`` looks the source up by name first.
public struct CreateSourceRequest: PushRequest, Hashable {
    /// The new source.
    public typealias Response = SourceModel

    /// The organization ID.
    public let organizationId: String
    /// The source name, unique in the organization.
    public let name: String
    /// ``SourceType/push`` or ``SourceType/catalog``.
    public let type: SourceType
    /// Who may see the items.
    public let visibility: SourceVisibility

    /// Creates the request.
    ///
    /// - Parameters:
    ///   - organizationId: The organization ID.
    ///   - name: The source name (not empty; it cannot be changed later).
    ///   - type: ``SourceType/push`` (the default) or ``SourceType/catalog``.
    ///   - visibility: ``SourceVisibility/secured`` by default.
    /// - Throws: ``ValidationError``: ``ValidationError/Rule/emptyIdentifier`` for an empty organization ID or
    ///   source name; ``ValidationError/Rule/invalidParameter`` for another type or an unknown visibility.
    public init(organizationId: String, name: String, type: SourceType = .push, visibility: SourceVisibility = .secured)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(name, "source name")
        guard type == .push || type == .catalog else {
            throw ValidationError(
                .invalidParameter, .configuration("sourceType"),
                "this SDK creates PUSH and CATALOG sources, not '\(type.rawValue)'")
        }
        guard SourceVisibility.known.contains(visibility) else {
            throw ValidationError(
                .invalidParameter, .configuration("sourceVisibility"),
                "unknown visibility '\(visibility.rawValue)'; use PRIVATE, SECURED or SHARED")
        }
        self.organizationId = organizationId
        self.name = name
        self.type = type
        self.visibility = visibility
    }

    /// ``PushOperation/createSource``.
    public var operation: PushOperation { .createSource }
    /// ``CoveoAPI/platform``.
    public var api: CoveoAPI { .platform }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `rest/organizations/{organizationId}/sources`.
    public var pathComponents: [String] { ["rest", "organizations", organizationId, "sources"] }
    /// `false`: a second create makes a second source.
    public var isIdempotent: Bool { false }
    /// The body of the table above.
    public func makeBody() throws(ValidationError) -> RequestBody? {
        var members: [(key: String, value: JSONValue)] = [
            ("sourceType", .string(type.rawValue)), ("pushEnabled", true),
        ]
        if type == .catalog { members.append(("streamEnabled", true)) }
        members.append(("name", .string(name)))
        members.append(("sourceVisibility", .string(visibility.rawValue)))
        return PlatformJSON.body(.object(JSONObject(members)))
    }
}
