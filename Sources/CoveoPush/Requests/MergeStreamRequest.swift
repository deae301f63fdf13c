/// Shallow-merges the items of a file container into a Catalog source, creating missing items and fields:
/// `PUT /organizations/{organizationId}/sources/{sourceId}/stream/merge?fileId=…`.
///
/// No body; success is `202` with a ``StreamOperationResult``. Safe to re-apply: merging the same fields twice
/// gives the same items.
public struct MergeStreamRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the merge.
    public typealias Response = StreamOperationResult

    /// The organization ID.
    public let organizationId: String
    /// The Catalog source ID.
    public let sourceId: String
    /// The file container holding the items to merge.
    public let fileId: String

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, sourceId: String, fileId: String) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        try RequestValidation.identifier(fileId, "fileId")
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.fileId = fileId
    }

    /// ``PushOperation/mergeStream``.
    public var operation: PushOperation { .mergeStream }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/merge`.
    public var pathComponents: [String] { ["organizations", organizationId, "sources", sourceId, "stream", "merge"] }
    /// `fileId`.
    public var queryItems: [QueryItem] { [QueryItem(name: "fileId", value: fileId)] }
    /// None.
    public var requestedOrderingId: Int64? { nil }
    /// No body.
    public func makeBody() throws(ValidationError) -> RequestBody? { nil }
}
