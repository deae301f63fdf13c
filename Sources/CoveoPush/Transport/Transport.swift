/// The I/O seam of the SDK: sends one HTTP request and returns its response.
///
/// A transport does I/O only. It never retries, authenticates, compresses or decodes. It returns every HTTP
/// status as a ``TransportResponse`` value and throws only when the exchange could not complete
/// (a ``TransportError``) or when the calling task was cancelled (`CancellationError`).
///
/// The SDK ships `URLSessionTransport`; `CoveoPushTesting` adds mock, recording and in-memory transports.
public protocol Transport: Sendable {
    /// Sends one request and waits for its complete response.
    ///
    /// - Parameters:
    ///   - request: The method, absolute URL, headers and timeout.
    ///   - body: The body to send, if any.
    /// - Returns: The response, whatever its status code.
    /// - Throws: ``TransportError`` for connectivity failures, `CancellationError` when cancelled.
    func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse
}
