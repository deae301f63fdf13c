import Foundation

/// The head of one HTTP request handed to a ``Transport``: method, absolute URL, headers and a timeout.
///
/// The body travels beside it as a ``RequestBody`` so a transport can stream it.
public struct TransportRequest: Sendable, Hashable, CustomStringConvertible {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute URL, query string included.
    public var url: URL
    /// The header fields to send.
    public var headers: HeaderFields
    /// How long the whole exchange may take before the transport gives up, or `nil` for the transport's default.
    public var timeout: Duration?

    /// Creates a request head.
    public init(method: HTTPMethod, url: URL, headers: HeaderFields = HeaderFields(), timeout: Duration? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.timeout = timeout
    }

    /// `METHOD url`, never the headers.
    public var description: String { "\(method) \(url.absoluteString)" }
}
