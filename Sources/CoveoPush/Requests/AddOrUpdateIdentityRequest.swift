/// Adds or updates a security identity in a security identity provider:
/// `PUT /organizations/{organizationId}/providers/{providerId}/permissions[?orderingId=…]` with an ``IdentityBody``.
///
/// Pushing a group replaces its whole member list. Success is `202`. Safe to repeat: the body is a full replacement.
public struct AddOrUpdateIdentityRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The security identity provider ID.
    public let providerId: String
    /// The identity, its members and granted identities.
    public let body: IdentityBody
    /// The orderingId of the update, or `nil` to let the service use the current time.
    public let orderingId: Int64?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID or
    ///   identity name.
    public init(organizationId: String, providerId: String, body: IdentityBody, orderingId: Int64? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(providerId, "providerId")
        try body.validate()
        self.organizationId = organizationId
        self.providerId = providerId
        self.body = body
        self.orderingId = orderingId
    }

    /// ``PushOperation/addOrUpdateIdentity``.
    public var operation: PushOperation { .addOrUpdateIdentity }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/providers/{providerId}/permissions`.
    public var pathComponents: [String] { ["organizations", organizationId, "providers", providerId, "permissions"] }
    /// `orderingId` when set.
    public var queryItems: [QueryItem] { QueryItem.orderingId(orderingId) }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
    /// The ``IdentityBody`` as JSON.
    public func makeBody() throws(ValidationError) -> RequestBody? { .data(body.jsonData()) }
}
