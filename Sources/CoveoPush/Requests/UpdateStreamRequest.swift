/// Applies an update file (`addOrUpdate`, `delete`, `partialUpdate`) uploaded to a file container to a Catalog
/// source or a data collection: `PUT /organizations/{organizationId}/sources/{sourceId}/stream/update` or
/// `PUT /organizations/{organizationId}/data-collections/{dataCollectionId}/stream/update`, with the query
/// `fileId=…[&shard=…]`.
///
/// No body; success is `202` with a ``StreamOperationResult``. Safe to re-apply: additions replace whole items and
/// deletions of missing items change nothing (array-append partial updates are the exception: applying them twice
/// appends twice).
public struct UpdateStreamRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the update.
    public typealias Response = StreamOperationResult

    /// The organization ID.
    public let organizationId: String
    /// The source or data collection to update.
    public let target: StreamTarget
    /// The file container holding the update file.
    public let fileId: String
    /// An experimental shard name (1 to 10 ASCII letters and digits), or `nil`.
    public let shard: String?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID, or
    ///   ``ValidationError/Rule/invalidParameter`` for a shard that is not 1 to 10 ASCII letters and digits.
    public init(organizationId: String, target: StreamTarget, fileId: String, shard: String? = nil)
        throws(ValidationError)
    {
        try target.validate(organizationId: organizationId)
        try RequestValidation.identifier(fileId, "fileId")
        if let shard { try RequestValidation.shard(shard) }
        self.organizationId = organizationId
        self.target = target
        self.fileId = fileId
        self.shard = shard
    }

    /// Creates the request for a Catalog source.
    ///
    /// - Throws: As ``init(organizationId:target:fileId:shard:)``.
    public init(organizationId: String, sourceId: String, fileId: String, shard: String? = nil)
        throws(ValidationError)
    {
        try self.init(organizationId: organizationId, target: .source(sourceId), fileId: fileId, shard: shard)
    }

    /// ``PushOperation/updateStream``.
    public var operation: PushOperation { .updateStream }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/{sources|data-collections}/{id}/stream/update`.
    public var pathComponents: [String] { target.streamPath(organizationId: organizationId) + ["update"] }
    /// `fileId`, then `shard` when set.
    public var queryItems: [QueryItem] {
        var items = [QueryItem(name: "fileId", value: fileId)]
        if let shard { items.append(QueryItem(name: "shard", value: shard)) }
        return items
    }
}
