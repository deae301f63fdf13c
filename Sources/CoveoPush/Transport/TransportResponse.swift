import Foundation

/// What a ``Transport`` returns for any HTTP exchange that completed, whatever its status code.
public struct TransportResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var statusCode: Int
    /// The response header fields.
    public var headers: HeaderFields
    /// The response body.
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headers: HeaderFields = HeaderFields(), body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// Whether the status code is in the 2xx range.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}
