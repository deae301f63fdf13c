import Foundation

/// Turns typed requests into transport requests: method, URL, headers and body. Pure: no client, no network.
///
/// Every Push API request gets `Authorization: Bearer <token>`, `Accept: application/json`,
/// `Content-Type: application/json` and `User-Agent: CoveoSDKSwift/<version>[ suffix]`. The JSON content type is
/// sent on every Push API call, with or without a body, as the official clients do: the service answers
/// `415 UNSUPPORTED_MEDIA_TYPE` to a wrong content type. Platform and Logs API requests (``PushRequest/api``) go to
/// their own base URL with the same headers, except that `Content-Type` is sent only with a body, as Coveo's
/// platform client does. Path segments and query values are percent-encoded so
/// that every character except `A–Z a–z 0–9 - . _ ~` is escaped, and query parameters keep the order the request
/// lists them in.
///
/// Uploads to a file container (``buildUpload(to:body:)``) get exactly the container's required headers, and
/// never the `Authorization` header or any other header of the SDK's.
///
/// ```swift
/// let builder = RequestBuilder(endpoint: .production, userAgentSuffix: "MyCrawler/2.1")
/// let request = try SetSourceStatusRequest(organizationId: "acme", sourceId: "acme-src", status: .rebuild)
/// let (head, body) = try builder.build(request, token: key)
/// // head.url: https://api.cloud.coveo.com/push/v1/organizations/acme/sources/acme-src/status?statusType=REBUILD
/// ```
package struct RequestBuilder: Sendable {
    /// Where requests go.
    package let endpoint: PushEndpoint
    /// The `User-Agent` header value: `CoveoSDKSwift/<version>`, then the suffix if one was given.
    package let userAgent: String
    /// The base URL of each API; a request's ``PushRequest/api`` picks one.
    package let baseURLs: APIBaseURLs

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - endpoint: The Push API endpoint.
    ///   - userAgentSuffix: Text appended to the `User-Agent` after a space, such as `MyCrawler/2.1`. Characters
    ///     outside printable ASCII are dropped, so it can never break the header.
    package init(endpoint: PushEndpoint, userAgentSuffix: String? = nil) {
        self.init(baseURLs: APIBaseURLs(endpoint: endpoint), userAgentSuffix: userAgentSuffix)
    }

    /// Creates a builder for the base URLs of a configuration (see ``PushClient/Configuration/baseURL(for:)``).
    ///
    /// - Parameters:
    ///   - baseURLs: The base URL of each API.
    ///   - userAgentSuffix: Text appended to the `User-Agent`, as in ``init(endpoint:userAgentSuffix:)``.
    package init(baseURLs: APIBaseURLs, userAgentSuffix: String? = nil) {
        self.baseURLs = baseURLs
        self.endpoint = baseURLs.endpoint
        let base = "CoveoSDKSwift/" + CoveoPushVersion.current
        let cleaned = String(
            decoding: (userAgentSuffix ?? "").utf8.filter { (0x20...0x7E).contains($0) }, as: UTF8.self
        ).trimmingCharacters(in: .whitespaces)
        userAgent = cleaned.isEmpty ? base : base + " " + cleaned
    }

    /// Builds the transport request for a Push, Platform or Logs API call (the request's ``PushRequest/api``
    /// picks the base URL).
    ///
    /// - Parameters:
    ///   - request: The typed request.
    ///   - token: The API key or access token for the `Authorization` header.
    ///   - now: The current time, against which the request's orderingId is checked.
    /// - Returns: The request head and its body, if any.
    /// - Throws: ``ValidationError``: ``ValidationError/Rule/futureOrderingId`` when the request's orderingId is
    ///   more than ``PushLimits/maxOrderingIdLeadMilliseconds`` after `now`; the API key rules when a key made from
    ///   a literal is invalid; ``ValidationError/Rule/emptyIdentifier`` for an empty path segment;
    ///   ``ValidationError/Rule/missingSetting`` when the request's API has no base URL (a Platform request of a
    ///   client with a custom Push endpoint and no Platform URL); or what the request's
    ///   ``PushRequest/makeBody()`` throws.
    package func build<Request: PushRequest>(_ request: Request, token: APIKey, now: Date = Date())
        throws(ValidationError) -> (head: TransportRequest, body: RequestBody?)
    {
        try token.validate()
        try RequestValidation.orderingId(request.requestedOrderingId, now: now)
        let url = try url(
            base: baseURLs.baseURL(for: request.api), path: request.pathComponents, query: request.queryItems,
            operation: request.operation)
        let body = try request.makeBody()
        var headers = HeaderFields()
        headers["Authorization"] = "Bearer " + token.revealedValueForAuthorizationHeader
        headers["Accept"] = "application/json"
        if request.api == .push || body != nil {
            headers["Content-Type"] = "application/json"
        }
        headers["User-Agent"] = userAgent
        return (TransportRequest(method: request.method, url: url, headers: headers), body)
    }

    /// Builds the `PUT` that uploads a body into a file container or stream chunk.
    ///
    /// The headers are exactly the target's `requiredHeaders` (sorted by name, so the output is deterministic):
    /// no `Authorization`, no `User-Agent`, nothing else of the SDK's. The presigned URL carries the credentials.
    ///
    /// - Parameters:
    ///   - target: The container, chunk or opened stream to upload to.
    ///   - body: The bytes to upload (not used to build the head; passed for symmetry with ``build(_:token:now:)``).
    /// - Returns: The request head; send it with `body`.
    package func buildUpload(to target: some FileUploadTarget, body: RequestBody) -> TransportRequest {
        let fields = target.requiredHeaders.sorted { $0.key < $1.key }.map {
            HeaderFields.Field(name: $0.key, value: $0.value)
        }
        return TransportRequest(method: .put, url: target.uploadUri, headers: HeaderFields(fields))
    }

    /// The base URL, the encoded path segments and the encoded query, as one URL.
    func url(base: URL, path: [String], query: [QueryItem], operation: PushOperation) throws(ValidationError) -> URL {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        for segment in path {
            guard !segment.isEmpty else {
                throw ValidationError(
                    .emptyIdentifier, .configuration(operation.rawValue), "a path segment of the request is empty")
            }
            text += "/" + PercentEncoding.encode(segment)
        }
        if !query.isEmpty {
            let pairs = query.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }
            text += "?" + pairs.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw ValidationError(.invalidURL, .configuration(operation.rawValue), "cannot form a URL for the request")
        }
        return url
    }
}
