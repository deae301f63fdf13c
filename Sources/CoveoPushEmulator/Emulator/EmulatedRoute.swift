/// An operation the in-memory Push service answers, used to enable faults per route and to label the request log.
///
/// The raw values are those of the client's ``PushOperation``, so logs of both sides line up.
///
/// Paths are matched after the `/push/v1` segment of the URL, whatever the host, so both
/// `https://api.cloud.coveo.com/push/v1/…` and `http://127.0.0.1:8080/push/v1/…` reach the same routes; Platform API
/// paths after the `/rest` segment (`https://platform.cloud.coveo.com/rest/…`, `http://127.0.0.1:8080/rest/…`), and
/// the Logs API's after `/logs/v1`.
public enum EmulatedRoute: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    // Platform API routes, matched after the `/rest` segment (see `EmulatedRoute+Platform.swift`).
    /// `GET /rest/organizations/{o}/indexes/page/fields?page&perPage` (the legacy field listing).
    case listFields
    /// `POST /rest/organizations/{o}/indexes/fields/search` with `FieldListingOptions`.
    case searchFields
    /// `GET /rest/organizations/{o}/indexes/fields/{name}`.
    case getField
    /// `POST /rest/organizations/{o}/indexes/fields`.
    case createField
    /// `POST /rest/organizations/{o}/indexes/fields/batch/create`.
    case createFields
    /// `DELETE /rest/organizations/{o}/indexes/fields/{name}`.
    case deleteField
    /// `DELETE /rest/organizations/{o}/indexes/fields/batch/delete?fields=`.
    case deleteFields
    /// `POST /rest/organizations/{o}/sources`.
    case createSource
    /// `GET /rest/organizations/{o}/sources/{s}`.
    case getSource
    /// `GET /rest/organizations/{o}/sources/pages?page&perPage`.
    case listSourcePages
    /// `GET /rest/organizations/{o}/sources` (a plain array).
    case listSources
    /// `DELETE /rest/organizations/{o}/sources/{s}`.
    case deleteSource
    /// `POST /rest/organizations/{o}/securityproviders`.
    case createSecurityProvider
    /// `PUT /rest/organizations/{o}/securityproviders/{p}` (create or update).
    case createOrUpdateSecurityProvider
    /// `GET /rest/organizations/{o}/securityproviders/{p}`.
    case getSecurityProvider
    /// `GET /rest/organizations/{o}/securityproviders`.
    case listSecurityProviders
    /// `DELETE /rest/organizations/{o}/securityproviders/{p}`.
    case deleteSecurityProvider
    /// `POST /rest/privilege/evaluate`.
    case evaluatePrivilege

    /// `POST /organizations/{o}/sources/{s}/status?statusType=`.
    case setSourceStatus
    /// `PUT /organizations/{o}/sources/{s}/documents?documentId=`.
    case addOrUpdateDocument
    /// `DELETE /organizations/{o}/sources/{s}/documents?documentId=`.
    case deleteDocument
    /// `DELETE /organizations/{o}/sources/{s}/documents/olderthan?orderingId=`.
    case deleteDocumentsOlderThan
    /// `PUT /organizations/{o}/sources/{s}/documents/batch?fileId=`.
    case pushDocumentBatch
    /// `POST /organizations/{o}/files`.
    case createFileContainer
    /// `PUT <uploadUri>`: the upload into a file container (S3's part of the protocol).
    case uploadToFileContainer
    /// `PUT /organizations/{o}/providers/{p}/permissions`.
    case addOrUpdateIdentity
    /// `DELETE /organizations/{o}/providers/{p}/permissions`.
    case deleteIdentity
    /// `PUT /organizations/{o}/providers/{p}/mappings`.
    case addOrUpdateAlias
    /// `PUT /organizations/{o}/providers/{p}/permissions/batch?fileId=`.
    case pushIdentityBatch
    /// `DELETE /organizations/{o}/providers/{p}/permissions/olderthan?orderingId=`.
    case deleteIdentitiesOlderThan
    /// `POST /organizations/{o}/sources/{s}/stream/open` (Stream API; also `data-collections/{d}` instead of
    /// `sources/{s}`, as for the five routes below).
    case openStream
    /// `POST /organizations/{o}/sources/{s}/stream/{streamId}/chunk` (Stream API).
    case getStreamChunk
    /// `POST /organizations/{o}/sources/{s}/stream/{streamId}/close` (Stream API).
    case closeStream
    /// `PUT /organizations/{o}/sources/{s}/stream/update?fileId=` (Stream API).
    case updateStream
    /// `PUT /organizations/{o}/sources/{s}/stream/merge?fileId=` (Stream API).
    case mergeStream
    /// `POST /organizations/{o}/sources/{s}/stream/deleteolderthan/{epochMilliseconds}` (Stream API).
    case deleteStreamOlderThan
    /// `POST /logs/v1/organizations/{o}?from=&to=` (Logs API): the log entries of the organization's sources.
    case searchLogEntries

    /// The case name.
    public var description: String { rawValue }

    /// The matching operation of the client (the raw values are the same).
    public var operation: PushOperation { PushOperation(rawValue: rawValue) }

    /// Whether the route is served by a Coveo API (Push, Stream or Platform), so authenticated and throttled: every
    /// route but ``uploadToFileContainer``.
    public var isPushAPI: Bool { self != .uploadToFileContainer }
}
