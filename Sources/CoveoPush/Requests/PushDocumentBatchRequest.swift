/// Applies a batch of item additions, updates and deletions uploaded to a file container:
/// `PUT /organizations/{organizationId}/sources/{sourceId}/documents/batch?fileId=…[&orderingId=…]`.
///
/// No body (the batch is in the container); success is `202`. Safe to re-apply: every entry of a batch is a full
/// replacement or a delete, so applying it twice gives the same items.
public struct PushDocumentBatchRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The Push source ID.
    public let sourceId: String
    /// The file container holding the batch.
    public let fileId: String
    /// The orderingId of every item in the batch, or `nil` to let the service use the current time.
    public let orderingId: Int64?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, sourceId: String, fileId: String, orderingId: Int64? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        try RequestValidation.identifier(fileId, "fileId")
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.fileId = fileId
        self.orderingId = orderingId
    }

    /// ``PushOperation/pushDocumentBatch``.
    public var operation: PushOperation { .pushDocumentBatch }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/sources/{sourceId}/documents/batch`.
    public var pathComponents: [String] {
        ["organizations", organizationId, "sources", sourceId, "documents", "batch"]
    }
    /// `fileId`, then `orderingId` when set.
    public var queryItems: [QueryItem] {
        var items = [QueryItem(name: "fileId", value: fileId)]
        if let orderingId { items.append(QueryItem(name: "orderingId", value: String(orderingId))) }
        return items
    }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
}
