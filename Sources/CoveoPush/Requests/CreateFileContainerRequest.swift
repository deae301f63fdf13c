/// Creates a file container: `POST /organizations/{organizationId}/files[?useVirtualHostedStyleUrl=…]`.
///
/// No body; success is `201` with a ``FileContainer``. Safe to retry even though it is a `POST`: a container
/// whose creation answer was lost is simply never used, and the service deletes it when it expires.
package struct CreateFileContainerRequest: PushRequest, Hashable {
    /// The new container.
    package typealias Response = FileContainer

    /// The organization ID.
    package let organizationId: String
    /// Whether the presigned URL uses S3's virtual-hosted style (`https://BUCKET.s3.REGION.amazonaws.com/…`), or
    /// `nil` to use the service's default.
    package let useVirtualHostedStyleUrl: Bool?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    package init(organizationId: String, useVirtualHostedStyleUrl: Bool? = nil) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        self.organizationId = organizationId
        self.useVirtualHostedStyleUrl = useVirtualHostedStyleUrl
    }

    /// ``PushOperation/createFileContainer``.
    package var operation: PushOperation { .createFileContainer }
    /// `POST`.
    package var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/files`.
    package var pathComponents: [String] { ["organizations", organizationId, "files"] }
    /// `useVirtualHostedStyleUrl` when set.
    package var queryItems: [QueryItem] {
        guard let useVirtualHostedStyleUrl else { return [] }
        return [QueryItem(name: "useVirtualHostedStyleUrl", value: useVirtualHostedStyleUrl ? "true" : "false")]
    }
}
