/// Deletes every item whose last update carried an orderingId strictly lower than the given one:
/// `DELETE /organizations/{organizationId}/sources/{sourceId}/documents/olderthan?orderingId=…[&queueDelay=…]`.
///
/// Typically sent after a full rebuild with the orderingId taken just before it started. No body; success is
/// `202`. Safe to repeat with the same orderingId.
///
/// - Important: an orderingId in the future makes the source refuse every push until that time; the
///   ``RequestBuilder`` refuses one more than an hour ahead of the clock.
public struct DeleteDocumentsOlderThanRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The Push source ID.
    public let sourceId: String
    /// Items last updated with a lower orderingId are deleted (milliseconds since 1970 unless you set your own).
    public let orderingId: Int64
    /// Minutes the service waits before it queues the delete (its default is 15), or `nil` for the default.
    public let queueDelay: Int?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID, or
    ///   ``ValidationError/Rule/outOfRange`` for a negative queue delay.
    public init(organizationId: String, sourceId: String, orderingId: Int64, queueDelay: Int? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        try RequestValidation.queueDelay(queueDelay)
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.orderingId = orderingId
        self.queueDelay = queueDelay
    }

    /// ``PushOperation/deleteDocumentsOlderThan``.
    public var operation: PushOperation { .deleteDocumentsOlderThan }
    /// `DELETE`.
    public var method: HTTPMethod { .delete }
    /// `organizations/{organizationId}/sources/{sourceId}/documents/olderthan`.
    public var pathComponents: [String] {
        ["organizations", organizationId, "sources", sourceId, "documents", "olderthan"]
    }
    /// `orderingId`, then `queueDelay` when set.
    public var queryItems: [QueryItem] {
        var items = [QueryItem(name: "orderingId", value: String(orderingId))]
        if let queueDelay { items.append(QueryItem(name: "queueDelay", value: String(queueDelay))) }
        return items
    }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
}
