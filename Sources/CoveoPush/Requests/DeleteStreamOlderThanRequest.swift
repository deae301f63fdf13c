/// Deletes the items of a Catalog source last updated before a point in time:
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/deleteolderthan/{epochMilliseconds}` with the
/// query `[queueDelay=…]`.
///
/// No body; success is `201` with a ``StreamOperationResult``. Safe to repeat with the same cutoff. The cutoff is
/// checked like an orderingId: one more than an hour ahead of the clock is refused, since it would delete items
/// pushed moments ago.
public struct DeleteStreamOlderThanRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the delete.
    public typealias Response = StreamOperationResult

    /// The organization ID.
    public let organizationId: String
    /// The Catalog source ID.
    public let sourceId: String
    /// The cutoff, in milliseconds since 1970.
    public let epochMilliseconds: Int64
    /// Minutes the service waits before it queues the delete (its default is 15), or `nil` for the default.
    public let queueDelay: Int?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID, or
    ///   ``ValidationError/Rule/outOfRange`` for a negative cutoff or queue delay.
    public init(organizationId: String, sourceId: String, epochMilliseconds: Int64, queueDelay: Int? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        try RequestValidation.queueDelay(queueDelay)
        guard epochMilliseconds >= 0 else {
            throw ValidationError(
                .outOfRange, .configuration("epochMilliseconds"),
                "the cutoff must be 0 or more milliseconds since 1970, not \(epochMilliseconds)")
        }
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.epochMilliseconds = epochMilliseconds
        self.queueDelay = queueDelay
    }

    /// ``PushOperation/deleteStreamOlderThan``.
    public var operation: PushOperation { .deleteStreamOlderThan }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/deleteolderthan/{epochMilliseconds}`.
    public var pathComponents: [String] {
        ["organizations", organizationId, "sources", sourceId, "stream", "deleteolderthan", String(epochMilliseconds)]
    }
    /// `queueDelay` when set.
    public var queryItems: [QueryItem] { QueryItem.queueDelay(queueDelay) }
    /// ``epochMilliseconds``: the cutoff is compared with orderingIds.
    public var requestedOrderingId: Int64? { epochMilliseconds }
}
