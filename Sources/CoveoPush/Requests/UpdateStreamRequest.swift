/// Applies an update file (`addOrUpdate`, `delete`, `partialUpdate`) uploaded to a file container to a Catalog
/// source: `PUT /organizations/{organizationId}/sources/{sourceId}/stream/update?fileId=…[&shard=…]`.
///
/// No body; success is `202` with a ``StreamOperationResult``. Safe to re-apply: additions replace whole items and
/// deletions of missing items change nothing (array-append partial updates are the exception: applying them twice
/// appends twice).
package struct UpdateStreamRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the update.
    package typealias Response = StreamOperationResult

    /// The organization ID.
    package let organizationId: String
    /// The Catalog source ID.
    package let sourceId: String
    /// The file container holding the update file.
    package let fileId: String
    /// An experimental shard name (1 to 10 ASCII letters and digits), or `nil`.
    package let shard: String?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID, or
    ///   ``ValidationError/Rule/invalidParameter`` for a shard that is not 1 to 10 ASCII letters and digits.
    package init(organizationId: String, sourceId: String, fileId: String, shard: String? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        try RequestValidation.identifier(fileId, "fileId")
        if let shard {
            let isAlphanumeric = shard.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            }
            guard (1...10).contains(shard.utf8.count), isAlphanumeric else {
                throw ValidationError(
                    .invalidParameter, .configuration("shard"),
                    "the shard '\(shard)' must be 1 to 10 ASCII letters and digits")
            }
        }
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.fileId = fileId
        self.shard = shard
    }

    /// ``PushOperation/updateStream``.
    package var operation: PushOperation { .updateStream }
    /// `PUT`.
    package var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/update`.
    package var pathComponents: [String] { ["organizations", organizationId, "sources", sourceId, "stream", "update"] }
    /// `fileId`, then `shard` when set.
    package var queryItems: [QueryItem] {
        var items = [QueryItem(name: "fileId", value: fileId)]
        if let shard { items.append(QueryItem(name: "shard", value: shard)) }
        return items
    }
}
