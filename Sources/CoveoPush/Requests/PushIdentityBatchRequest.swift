/// Applies a batch of identity additions, aliases and deletions uploaded to a file container:
/// `PUT /organizations/{organizationId}/providers/{providerId}/permissions/batch?fileId=…[&orderingId=…]`.
///
/// No body; success is `202`. Safe to re-apply: every entry is a full replacement or a delete.
public struct PushIdentityBatchRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The security identity provider ID.
    public let providerId: String
    /// The file container holding the batch.
    public let fileId: String
    /// The orderingId of every entry, or `nil` to let the service use the current time.
    public let orderingId: Int64?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, providerId: String, fileId: String, orderingId: Int64? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(providerId, "providerId")
        try RequestValidation.identifier(fileId, "fileId")
        self.organizationId = organizationId
        self.providerId = providerId
        self.fileId = fileId
        self.orderingId = orderingId
    }

    /// ``PushOperation/pushIdentityBatch``.
    public var operation: PushOperation { .pushIdentityBatch }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/providers/{providerId}/permissions/batch`.
    public var pathComponents: [String] {
        ["organizations", organizationId, "providers", providerId, "permissions", "batch"]
    }
    /// `fileId`, then `orderingId` when set.
    public var queryItems: [QueryItem] { [QueryItem(name: "fileId", value: fileId)] + QueryItem.orderingId(orderingId) }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
}
