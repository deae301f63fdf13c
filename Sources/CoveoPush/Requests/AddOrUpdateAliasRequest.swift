/// Adds or updates an alias (a mapped identity):
/// `PUT /organizations/{organizationId}/providers/{providerId}/mappings[?orderingId=…]` with an ``AliasBody``.
///
/// Success is `202`. Safe to repeat: the body is a full replacement.
public struct AddOrUpdateAliasRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The security identity provider ID.
    public let providerId: String
    /// The identity and the identities it maps to.
    public let body: AliasBody
    /// The orderingId of the update, or `nil` to let the service use the current time.
    public let orderingId: Int64?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID or
    ///   identity name.
    public init(organizationId: String, providerId: String, body: AliasBody, orderingId: Int64? = nil)
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

    /// ``PushOperation/addOrUpdateAlias``.
    public var operation: PushOperation { .addOrUpdateAlias }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/providers/{providerId}/mappings`.
    public var pathComponents: [String] { ["organizations", organizationId, "providers", providerId, "mappings"] }
    /// `orderingId` when set.
    public var queryItems: [QueryItem] { QueryItem.orderingId(orderingId) }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
    /// The ``AliasBody`` as JSON.
    public func makeBody() throws(ValidationError) -> RequestBody? { .data(body.jsonData()) }
}
