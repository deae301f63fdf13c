/// Deletes (disables) a security identity:
/// `DELETE /organizations/{organizationId}/providers/{providerId}/permissions[?orderingId=…]` with an
/// ``IdentityDeleteBody`` (a `DELETE` with a JSON body).
///
/// Success is `202`. Safe to repeat: deleting a deleted identity changes nothing.
public struct DeleteIdentityRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The security identity provider ID.
    public let providerId: String
    /// The identity to delete.
    public let body: IdentityDeleteBody
    /// The orderingId of the delete, or `nil` to let the service use the current time.
    public let orderingId: Int64?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID or
    ///   identity name.
    public init(organizationId: String, providerId: String, body: IdentityDeleteBody, orderingId: Int64? = nil)
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

    /// ``PushOperation/deleteIdentity``.
    public var operation: PushOperation { .deleteIdentity }
    /// `DELETE`.
    public var method: HTTPMethod { .delete }
    /// `organizations/{organizationId}/providers/{providerId}/permissions`.
    public var pathComponents: [String] { ["organizations", organizationId, "providers", providerId, "permissions"] }
    /// `orderingId` when set.
    public var queryItems: [QueryItem] { QueryItem.orderingId(orderingId) }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
    /// The ``IdentityDeleteBody`` as JSON.
    public func makeBody() throws(ValidationError) -> RequestBody? { .data(body.jsonData()) }
}
