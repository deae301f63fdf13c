/// Lists one page of the organization's sources:
/// `GET {platform}/rest/organizations/{organizationId}/sources/pages?page=…&perPage=…[&filter=…&stringFilterType=EXACTMATCH]`.
///
/// Success is `200` with `{"sourceModels":[…],"totalEntries":N,"totalPages":N}`. A read: safe to repeat.
public struct ListSourcesRequest: PushRequest, Hashable {
    /// One page of sources.
    public typealias Response = PlatformPage<SourceModel>

    /// The default page size of the Source API.
    public static let defaultPerPage = 100

    /// The organization ID.
    public let organizationId: String
    /// The page, from 0.
    public let page: Int
    /// How many sources per page.
    public let perPage: Int
    /// Only the source with exactly this name (`filter` with `stringFilterType=EXACTMATCH`), or `nil` for all.
    public let exactName: String?

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError``: ``ValidationError/Rule/emptyIdentifier`` for an empty ID;
    ///   ``ValidationError/Rule/outOfRange`` for a negative page or a page size below 1.
    public init(organizationId: String, page: Int = 0, perPage: Int = defaultPerPage, exactName: String? = nil)
        throws(ValidationError)
    {
        try RequestValidation.identifier(organizationId, "organizationId")
        guard page >= 0 else {
            throw ValidationError(.outOfRange, .configuration("page"), "the page must be 0 or more, not \(page)")
        }
        guard perPage >= 1 else {
            throw ValidationError(.outOfRange, .configuration("perPage"), "perPage must be 1 or more, not \(perPage)")
        }
        self.organizationId = organizationId
        self.page = page
        self.perPage = perPage
        self.exactName = exactName
    }

    /// ``PushOperation/listSources``.
    public var operation: PushOperation { .listSources }
    /// ``CoveoAPI/platform``.
    public var api: CoveoAPI { .platform }
    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `rest/organizations/{organizationId}/sources/pages`.
    public var pathComponents: [String] { ["rest", "organizations", organizationId, "sources", "pages"] }
    /// `page`, `perPage`, then `filter` and `stringFilterType=EXACTMATCH` for a name.
    public var queryItems: [QueryItem] {
        var items = [QueryItem(name: "page", value: String(page)), QueryItem(name: "perPage", value: String(perPage))]
        if let exactName {
            items.append(QueryItem(name: "filter", value: exactName))
            items.append(QueryItem(name: "stringFilterType", value: "EXACTMATCH"))
        }
        return items
    }
}
