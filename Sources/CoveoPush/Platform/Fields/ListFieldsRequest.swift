/// Lists one page of the organization's fields:
/// `POST {platform}/rest/organizations/{organizationId}/indexes/fields/search` with ``FieldListingOptions``.
///
/// Success is `200` with `{"items":[FieldModel…],"totalEntries":N,"totalPages":N}`. We use the search endpoint of
/// the Field API specification rather than the deprecated `GET …/indexes/page/fields` that Coveo's JavaScript client
/// still calls: it is the documented one, and it takes the same page size (up to 1,000). A read: safe to repeat.
///
/// ```swift
/// let page = try await client.send(ListFieldsRequest(organizationId: "acme", options: FieldListingOptions()))
/// ```
public struct ListFieldsRequest: PushRequest, Hashable {
    /// One page of fields.
    public typealias Response = PlatformPage<FieldDefinition>

    /// The organization ID.
    public let organizationId: String
    /// The page and filters.
    public let options: FieldListingOptions

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, options: FieldListingOptions) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        self.organizationId = organizationId
        self.options = options
    }

    /// ``PushOperation/listFields``.
    public var operation: PushOperation { .listFields }
    /// ``CoveoAPI/platform``.
    public var api: CoveoAPI { .platform }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `rest/organizations/{organizationId}/indexes/fields/search`.
    public var pathComponents: [String] { ["rest", "organizations", organizationId, "indexes", "fields", "search"] }
    /// The ``FieldListingOptions`` as JSON.
    public func makeBody() throws(ValidationError) -> RequestBody? { PlatformJSON.body(options.json) }
}
