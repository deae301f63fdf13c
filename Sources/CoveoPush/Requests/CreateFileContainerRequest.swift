/// Creates a file container: `POST /organizations/{organizationId}/files[?useVirtualHostedStyleUrl=…]`.
///
/// No body; success is `201` with a ``FileContainer``. Safe to retry even though it is a `POST`: a container
/// whose creation answer was lost is simply never used, and the service deletes it when it expires.
public struct CreateFileContainerRequest: PushRequest, Hashable {
    /// The new container.
    public typealias Response = FileContainer

    /// The organization ID.
    public let organizationId: String
    /// Whether the presigned URL uses S3's virtual-hosted style (`https://BUCKET.s3.REGION.amazonaws.com/…`), or
    /// `nil` to use the service's default.
    public let useVirtualHostedStyleUrl: Bool?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, useVirtualHostedStyleUrl: Bool? = nil) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        self.organizationId = organizationId
        self.useVirtualHostedStyleUrl = useVirtualHostedStyleUrl
    }

    /// ``PushOperation/createFileContainer``.
    public var operation: PushOperation { .createFileContainer }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `organizations/{organizationId}/files`.
    public var pathComponents: [String] { ["organizations", organizationId, "files"] }
    /// `useVirtualHostedStyleUrl` when set.
    public var queryItems: [QueryItem] {
        guard let useVirtualHostedStyleUrl else { return [] }
        return [QueryItem(name: "useVirtualHostedStyleUrl", value: useVirtualHostedStyleUrl ? "true" : "false")]
    }
}
