/// What a Stream API request addresses: a Catalog source, or a data collection.
///
/// The Stream API has the same six operations (`open`, `chunk`, `close`, `update`, `merge`, `deleteolderthan`)
/// under `/organizations/{organizationId}/sources/{sourceId}/stream/…` and under
/// `/organizations/{organizationId}/data-collections/{dataCollectionId}/stream/…`; each stream request takes a
/// target and builds the matching path.
///
/// ```swift
/// let update = try UpdateStreamRequest(organizationId: "acme", target: .dataCollection("acme-products"), fileId: id)
/// let session = client.catalogSession(target: .dataCollection("acme-products"), mode: .update)
/// ```
public enum StreamTarget: Sendable, Hashable, CustomStringConvertible {
    /// A Catalog (stream-enabled) source, by source ID.
    case source(String)
    /// A data collection, by data collection ID.
    case dataCollection(String)

    /// The source ID or the data collection ID.
    public var id: String {
        switch self {
        case .source(let id), .dataCollection(let id): return id
        }
    }

    /// The name of the ID's path parameter in Coveo's reference: `sourceId` or `dataCollectionId`.
    public var parameterName: String {
        switch self {
        case .source: return "sourceId"
        case .dataCollection: return "dataCollectionId"
        }
    }

    /// `source 'ID'` or `data collection 'ID'`.
    public var description: String {
        switch self {
        case .source(let id): return "source '\(id)'"
        case .dataCollection(let id): return "data collection '\(id)'"
        }
    }

    /// The path up to `stream`: `organizations/{organizationId}/sources/{sourceId}/stream` or
    /// `organizations/{organizationId}/data-collections/{dataCollectionId}/stream`.
    func streamPath(organizationId: String) -> [String] {
        switch self {
        case .source(let id): return ["organizations", organizationId, "sources", id, "stream"]
        case .dataCollection(let id): return ["organizations", organizationId, "data-collections", id, "stream"]
        }
    }

    /// Checks the organization ID and the target's ID (``ValidationError/Rule/emptyIdentifier``).
    func validate(organizationId: String) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(id, parameterName)
    }
}
