/// One request the in-memory Push service answered, as kept in its request log.
///
/// It holds no header and no body: never the `Authorization` value.
public struct EmulatedRequest: Sendable, Hashable, CustomStringConvertible {
    /// The route the request matched, or `nil` when it matched none (answered 404 or 405).
    public var route: EmulatedRoute?
    /// The request method.
    public var method: String
    /// The URL path, percent-encoded as received.
    public var path: String
    /// The URL query, percent-encoded as received, or `nil` when there was none.
    public var query: String?
    /// The status code answered.
    public var statusCode: Int
    /// The `errorCode` of the answer (or the S3-style `Code` for uploads), when it had one.
    public var errorCode: String?
    /// The fault injected into the answer, if any.
    public var fault: InjectedFault?

    /// Creates a log record.
    public init(
        route: EmulatedRoute?, method: String, path: String, query: String?, statusCode: Int, errorCode: String?,
        fault: InjectedFault?
    ) {
        self.route = route
        self.method = method
        self.path = path
        self.query = query
        self.statusCode = statusCode
        self.errorCode = errorCode
        self.fault = fault
    }

    /// `METHOD path → status errorCode`.
    public var description: String {
        var text = "\(method) \(path) → \(statusCode)"
        if let errorCode { text += " \(errorCode)" }
        if let fault { text += " [\(fault)]" }
        return text
    }
}
