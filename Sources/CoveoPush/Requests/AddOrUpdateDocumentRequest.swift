import Foundation

/// Adds or updates one item: `PUT /organizations/{organizationId}/sources/{sourceId}/documents` with the query
/// `documentId=…[&orderingId=…][&compressionType=…]` and the item JSON as body.
///
/// The document is encoded once, when the request is created, so retries resend the same bytes. Binary content's
/// `compressionType` travels in the query string (as in the Swagger file). Success is `202`. Safe to repeat: the
/// body replaces the whole item.
///
/// ```swift
/// let request = try AddOrUpdateDocumentRequest(organizationId: "acme", sourceId: "acme-src", document: page)
/// ```
public struct AddOrUpdateDocumentRequest: PushRequest, Hashable {

    /// The organization ID.
    public let organizationId: String
    /// The Push source ID.
    public let sourceId: String
    /// The encoded item (its ID, JSON and compression type).
    package let encoded: EncodedDocument
    /// The orderingId of the update, or `nil` to let the service use the current time.
    public let orderingId: Int64?

    /// Encodes a document for a single push and creates the request.
    ///
    /// - Parameters:
    ///   - organizationId: The organization ID.
    ///   - sourceId: The Push source ID.
    ///   - document: The item to add or update.
    ///   - orderingId: The orderingId of the update, or `nil`.
    /// - Throws: ``ValidationError`` for an empty ID, an invalid document or content beyond the single-push limits
    ///   (``ValidationError/Rule/contentTooLarge``: push it through a file container instead), or the
    ///   compressor's error when content cannot be compressed.
    public init(organizationId: String, sourceId: String, document: Document, orderingId: Int64? = nil) throws {
        try self.init(
            organizationId: organizationId, sourceId: sourceId, document: document, orderingId: orderingId,
            encoder: DocumentEncoder())
    }

    /// Encodes a document with `encoder` (its compression level) and creates the request.
    package init(
        organizationId: String, sourceId: String, document: Document, orderingId: Int64?, encoder: DocumentEncoder
    ) throws {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        let encoded = try encoder.encode(document, for: .singlePush)
        try self.init(organizationId: organizationId, sourceId: sourceId, encoded: encoded, orderingId: orderingId)
    }

    /// Creates the request from a document already encoded with placement ``DocumentPlacement/singlePush``.
    ///
    /// - Throws: ``ValidationError`` for an empty ID, a document ID that is not an absolute URI, or JSON larger
    ///   than ``PushLimits/maxRequestBytes``.
    package init(organizationId: String, sourceId: String, encoded: EncodedDocument, orderingId: Int64? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        if let problem = Document.uriProblem(encoded.documentId) {
            throw ValidationError(.invalidDocumentId, .document(encoded.documentId), "the document ID \(problem)")
        }
        if encoded.json.count > PushLimits.maxRequestBytes {
            throw ValidationError(
                .contentTooLarge, .document(encoded.documentId),
                "the item is \(encoded.json.count) bytes; a single push is limited to \(PushLimits.maxRequestBytes)")
        }
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.encoded = encoded
        self.orderingId = orderingId
    }

    /// The item's ID.
    public var documentId: String { encoded.documentId }

    /// ``PushOperation/addOrUpdateDocument``.
    public var operation: PushOperation { .addOrUpdateDocument }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/sources/{sourceId}/documents`.
    public var pathComponents: [String] { ["organizations", organizationId, "sources", sourceId, "documents"] }
    /// `documentId`, then `orderingId` and `compressionType` when set.
    public var queryItems: [QueryItem] {
        var items = [QueryItem(name: "documentId", value: encoded.documentId)] + QueryItem.orderingId(orderingId)
        if let type = encoded.compressionType {
            items.append(QueryItem(name: "compressionType", value: type.rawValue))
        }
        return items
    }
    /// ``orderingId``.
    public var requestedOrderingId: Int64? { orderingId }
    /// The item JSON.
    public func makeBody() throws(ValidationError) -> RequestBody? { .data(Data(encoded.json)) }
}
