/// Shallow-merges the items of a file container into a Catalog source, creating missing items and fields:
/// `PUT /organizations/{organizationId}/sources/{sourceId}/stream/merge?fileId=…`.
///
/// No body; success is `202` with a ``StreamOperationResult``. Safe to re-apply: merging the same fields twice
/// gives the same items.
package struct MergeStreamRequest: PushRequest, Hashable {
    /// The orderingId and request ID of the merge.
    package typealias Response = StreamOperationResult

    /// The organization ID.
    package let organizationId: String
    /// The Catalog source ID.
    package let sourceId: String
    /// The file container holding the items to merge.
    package let fileId: String

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    package init(organizationId: String, sourceId: String, fileId: String) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(sourceId, "sourceId")
        try RequestValidation.identifier(fileId, "fileId")
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.fileId = fileId
    }

    /// ``PushOperation/mergeStream``.
    package var operation: PushOperation { .mergeStream }
    /// `PUT`.
    package var method: HTTPMethod { .put }
    /// `organizations/{organizationId}/sources/{sourceId}/stream/merge`.
    package var pathComponents: [String] { ["organizations", organizationId, "sources", sourceId, "stream", "merge"] }
    /// `fileId`.
    package var queryItems: [QueryItem] { [QueryItem(name: "fileId", value: fileId)] }
}
