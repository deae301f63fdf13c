import Foundation

/// One Push, Stream, Platform or Logs API call, described as data: what to send and what comes back.
///
/// Each operation has its own small struct (``AddOrUpdateDocumentRequest``, ``CreateFileContainerRequest``, …) that
/// checks its inputs when it is created. A ``RequestBuilder`` turns a request, an endpoint and a key into a
/// ``TransportRequest``; the request itself knows nothing of hosts, headers or keys.
///
/// ```swift
/// let request = try DeleteDocumentRequest(organizationId: "acme", sourceId: "acme-src", documentId: "https://a/1")
/// let (head, body) = try RequestBuilder(endpoint: .production).build(request, token: key)
/// ```
public protocol PushRequest: Sendable {
    /// What the service returns on success.
    associatedtype Response: Decodable & Sendable = EmptyResponse

    /// The operation, for errors and logs.
    var operation: PushOperation { get }
    /// The API the request goes to, which picks its base URL; ``CoveoAPI/push`` unless the request says otherwise.
    var api: CoveoAPI { get }
    /// The HTTP method.
    var method: HTTPMethod { get }
    /// The path segments after the base URL of the request's ``api``, unencoded (`["organizations", orgId,
    /// "sources", sourceId, …]`; Platform paths start with `"rest"`).
    var pathComponents: [String] { get }
    /// The query parameters, unencoded, in the order they are sent. Unset optional parameters are left out.
    var queryItems: [QueryItem] { get }
    /// The `orderingId` this request sends (or the cutoff it compares orderingIds with), if any. The builder
    /// refuses one more than ``PushLimits/maxOrderingIdLeadMilliseconds`` ahead of the current time.
    var requestedOrderingId: Int64? { get }
    /// Whether sending this request again after a failure whose outcome is unknown (a timeout, a 5xx) is safe.
    ///
    /// When it is false, the client does not send the request again after such a failure; it throws a
    /// ``PushError`` with code ``PushError/Code/outcomeUnknown``. Refusals (429, a 503 with `Retry-After`, a
    /// connection that could not be made) are still retried.
    var isIdempotent: Bool { get }

    /// The JSON body, or `nil` when the request has none.
    ///
    /// - Throws: ``ValidationError`` when the body cannot be produced.
    func makeBody() throws(ValidationError) -> RequestBody?
}

extension PushRequest {
    /// The Push API (or Stream API, which shares its base URL).
    public var api: CoveoAPI { .push }

    /// Every Push API operation is safe to send again; see each request's documentation for why.
    public var isIdempotent: Bool { true }

    /// No body: most operations carry their arguments in the path and the query.
    public func makeBody() throws(ValidationError) -> RequestBody? { nil }

    /// No query items.
    public var queryItems: [QueryItem] { [] }

    /// No orderingId: the service uses the time it receives the request.
    public var requestedOrderingId: Int64? { nil }

    /// Decodes a successful response body.
    ///
    /// An empty (or whitespace-only) body decodes as ``EmptyResponse`` and as a ``StreamOperationResult`` with no
    /// fields, since the service sometimes answers `202` with no body at all. Unknown keys are ignored.
    ///
    /// - Parameter body: The response body.
    /// - Throws: `DecodingError` when the body is not the expected JSON.
    public func decodeResponse(from body: Data) throws -> Response {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }),
            let emptyType = Response.self as? any DecodableFromEmptyBody.Type,
            let empty = emptyType.emptyBodyValue as? Response
        {
            return empty
        }
        return try JSONDecoder().decode(Response.self, from: body)
    }
}

/// A response type that has a value for an empty response body.
protocol DecodableFromEmptyBody {
    /// The value an empty body stands for.
    static var emptyBodyValue: Self { get }
}
