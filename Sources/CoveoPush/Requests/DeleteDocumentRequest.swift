/// Deletes an item, and optionally its children: `DELETE /organizations/{organizationId}/sources/{sourceId}/documents`
/// with the query `documentId=…&deleteChildren=…[&orderingId=…]`.
///
/// No body; success is `202`. Safe to repeat: deleting an item that is already gone changes nothing.
public struct DeleteDocumentRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The Push source ID.
    public let sourceId: String
    /// The ID (URI) of the item to delete.
    public let documentId: String
    /// Whether items whose `parentId` is this item are deleted too.
    public let deleteChildren: Bool
    /// The orderingId of the delete, or `nil` to let the service use the current time.
    public let orderingId: Int64?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty organization
    ///   or source ID, or ``ValidationError/Rule/invalidDocumentId`` when the document ID is not an absolute URI.
    public init(
        organizationId: String, sourceId: String, documentId: String, deleteChildren: Bool = false,
        orderingId: Int64? = nil
    ) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        if let problem = Document.uriProblem(documentId) {
            throw ValidationError(.invalidDocumentId, .document(documentId), "the document ID \(problem)")
        }
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.documentId = documentId
        self.deleteChildren = deleteChildren
        self.orderingId = orderingId
    }

    /// ``PushOperation/deleteDocument``.
    public var operation: PushOperation { .deleteDocument }
    /// `DELETE`.
    public var method: HTTPMethod { .delete }
    /// `organizations/{organizationId}/sources/{sourceId}/documents`.
    public var pathComponents: [String] { ["organizations", organizationId, "sources", sourceId, "documents"] }
    /// `documentId`, `deleteChildren` (always sent), then `orderingId` when set.
    public var queryItems: [QueryItem] {
        var items = [
            QueryItem(name: "documentId", value: documentId),
            QueryItem(name: "deleteChildren", value: deleteChildren ? "true" : "false"),
        ]
        if let orderingId { items.append(QueryItem(name: "orderingId", value: String(orderingId))) }
        return items
    }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
}
