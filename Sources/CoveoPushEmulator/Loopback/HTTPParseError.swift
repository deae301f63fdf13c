/// Why an HTTP/1.1 request could not be read (or arrived too slowly).
///
/// Each kind maps to the status code the server answers with.
/// After any of these the server answers once and closes the connection.
struct HTTPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure, each with its status code.
    enum Kind: Sendable, Hashable {
        /// Malformed request line, header, chunk size or framing: 400.
        case badRequest
        /// The request head is longer than the configured limit: 431.
        case headersTooLarge
        /// The body is longer than the configured limit: 413.
        case bodyTooLarge
        /// A `Transfer-Encoding` other than `chunked`: 501.
        case unsupportedTransferEncoding
        /// An `Expect` value other than `100-continue`: 417.
        case expectationFailed
        /// An HTTP major version other than 1: 505.
        case unsupportedVersion
        /// The client stopped sending in the middle of a request: 408.
        case timedOut
    }

    /// What went wrong.
    var kind: Kind
    /// A short explanation, safe to send back to the client.
    var detail: String

    init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The status code the server answers with.
    var statusCode: Int {
        switch kind {
        case .badRequest: return 400
        case .headersTooLarge: return 431
        case .bodyTooLarge: return 413
        case .unsupportedTransferEncoding: return 501
        case .expectationFailed: return 417
        case .unsupportedVersion: return 505
        case .timedOut: return 408
        }
    }

    /// `status: detail`.
    var description: String { "\(statusCode): \(detail)" }
}
