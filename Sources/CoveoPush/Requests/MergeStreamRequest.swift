/// Shallow-merges the items of a file container into a Catalog source or a data collection, creating missing
/// items and fields: `PUT /organizations/{organizationId}/sources/{sourceId}/stream/merge` or
/// `PUT /organizations/{organizationId}/data-collections/{dataCollectionId}/stream/merge`, with the query
/// `fileId=…`.
///
/// No body; success is `202` with a ``StreamOperationResult``. Safe to re-apply: merging the same fields twice
/// gives the same items.
public struct MergeStreamRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the merge.
    public typealias Response = StreamOperationResult

    /// The organization ID.
    public let organizationId: String
    /// The source or data collection to merge into.
    public let target: StreamTarget
    /// The file container holding the items to merge.
    public let fileId: String

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, target: StreamTarget, fileId: String) throws(ValidationError) {
        try target.validate(organizationId: organizationId)
        try RequestValidation.identifier(fileId, "fileId")
        self.organizationId = organizationId
        self.target = target
        self.fileId = fileId
    }

    /// Creates the request for a Catalog source.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, sourceId: String, fileId: String) throws(ValidationError) {
        try self.init(organizationId: organizationId, target: .source(sourceId), fileId: fileId)
    }

    /// ``PushOperation/mergeStream``.
    public var operation: PushOperation { .mergeStream }
    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/{sources|data-collections}/{id}/stream/merge`.
    public var pathComponents: [String] { target.streamPath(organizationId: organizationId) + ["merge"] }
    /// `fileId`.
    public var queryItems: [QueryItem] { [QueryItem(name: "fileId", value: fileId)] }
}
