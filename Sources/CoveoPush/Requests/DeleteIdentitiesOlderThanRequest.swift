/// Deletes (disables) every identity whose last update carried an orderingId strictly lower than the given one:
/// `DELETE /organizations/{organizationId}/providers/{providerId}/permissions/olderthan` with the query
/// `orderingId=…[&queueDelay=…]`.
///
/// No body; success is `202`. Safe to repeat with the same orderingId.
public struct DeleteIdentitiesOlderThanRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The security identity provider ID.
    public let providerId: String
    /// Identities last updated with a lower orderingId are deleted.
    public let orderingId: Int64
    /// Minutes the service waits before it queues the delete (its default is 15), or `nil` for the default.
    public let queueDelay: Int?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID, or
    ///   ``ValidationError/Rule/outOfRange`` for a negative queue delay.
    public init(organizationId: String, providerId: String, orderingId: Int64, queueDelay: Int? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(providerId, "providerId")
        try RequestValidation.queueDelay(queueDelay)
        self.organizationId = organizationId
        self.providerId = providerId
        self.orderingId = orderingId
        self.queueDelay = queueDelay
    }

    /// ``PushOperation/deleteIdentitiesOlderThan``.
    public var operation: PushOperation { .deleteIdentitiesOlderThan }
    /// `DELETE`.
    public var method: HTTPMethod { .delete }
    /// `organizations/{organizationId}/providers/{providerId}/permissions/olderthan`.
    public var pathComponents: [String] {
        ["organizations", organizationId, "providers", providerId, "permissions", "olderthan"]
    }
    /// `orderingId`, then `queueDelay` when set.
    public var queryItems: [QueryItem] {
        [QueryItem(name: "orderingId", value: String(orderingId))] + QueryItem.queueDelay(queueDelay)
    }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
}
