/// Deletes the items of a Catalog source or a data collection last updated before a point in time:
/// `POST /organizations/{organizationId}/sources/{sourceId}/stream/deleteolderthan/{epochMilliseconds}` or
/// `POST /organizations/{organizationId}/data-collections/{dataCollectionId}/stream/deleteolderthan/…` (the same
/// `{epochMilliseconds}`), with the query `[queueDelay=…]`.
///
/// No body; success is `201` with a ``StreamOperationResult``. Safe to repeat with the same cutoff. The cutoff is
/// checked like an orderingId: one more than an hour ahead of the clock is refused, since it would delete items
/// pushed moments ago.
public struct DeleteStreamOlderThanRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the delete.
    public typealias Response = StreamOperationResult

    /// The organization ID.
    public let organizationId: String
    /// The source or data collection to delete from.
    public let target: StreamTarget
    /// The cutoff, in milliseconds since 1970.
    public let epochMilliseconds: Int64
    /// Minutes the service waits before it queues the delete (its default is 15), or `nil` for the default.
    public let queueDelay: Int?

    /// The target's ID: the source ID, or for a data collection its ID.
    @available(*, deprecated, message: "use target, which says whether the ID is a source's or a data collection's")
    public var sourceId: String { target.id }

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID, or
    ///   ``ValidationError/Rule/outOfRange`` for a negative cutoff or queue delay.
    public init(organizationId: String, target: StreamTarget, epochMilliseconds: Int64, queueDelay: Int? = nil)
        throws(ValidationError)
    {
        try target.validate(organizationId: organizationId)
        try RequestValidation.queueDelay(queueDelay)
        guard epochMilliseconds >= 0 else {
            throw ValidationError(
                .outOfRange, .configuration("epochMilliseconds"),
                "the cutoff must be 0 or more milliseconds since 1970, not \(epochMilliseconds)")
        }
        self.organizationId = organizationId
        self.target = target
        self.epochMilliseconds = epochMilliseconds
        self.queueDelay = queueDelay
    }

    /// Creates the request for a Catalog source.
    ///
    /// - Throws: As ``init(organizationId:target:epochMilliseconds:queueDelay:)``.
    public init(organizationId: String, sourceId: String, epochMilliseconds: Int64, queueDelay: Int? = nil)
        throws(ValidationError)
    {
        try self.init(
            organizationId: organizationId, target: .source(sourceId), epochMilliseconds: epochMilliseconds,
            queueDelay: queueDelay)
    }

    /// ``PushOperation/deleteStreamOlderThan``.
    public var operation: PushOperation { .deleteStreamOlderThan }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/{sources|data-collections}/{id}/stream/deleteolderthan/{epochMilliseconds}`.
    public var pathComponents: [String] {
        target.streamPath(organizationId: organizationId) + ["deleteolderthan", String(epochMilliseconds)]
    }
    /// `queueDelay` when set.
    public var queryItems: [QueryItem] { QueryItem.queueDelay(queueDelay) }
    /// ``epochMilliseconds``: the cutoff is compared with orderingIds.
    public var requestedOrderingId: Int64? { epochMilliseconds }
}
