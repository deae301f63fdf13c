import CoveoPush

/// A transport that answers every request with a closure: the simplest double for unit tests.
///
/// ```swift
/// let transport = MockTransport { request, _ in
///     request.url.path.hasSuffix("/files")
///         ? .fileContainer(uploadUri: "https://upload.example.com/x", fileId: "file-1")
///         : .empty(202)
/// }
/// ```
///
/// For scripted answers and a record of what was sent, use ``RecordingTransport``.
public struct MockTransport: Transport {
    /// The closure that answers a request.
    public typealias Handler = @Sendable (TransportRequest, RequestBody?) async throws -> TransportResponse

    private let handler: Handler

    /// Creates a transport that answers with `handler`, which may also throw a ``TransportError``.
    public init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    /// Creates a transport that answers every request with the same response.
    public init(always response: TransportResponse) {
        self.handler = { _, _ in response }
    }

    /// Creates a transport whose every request fails with the same connectivity error.
    public init(failingWith error: TransportError) {
        self.handler = { _, _ in throw error }
    }

    /// Answers with the handler, after checking for cancellation as a real transport does.
    public func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        try Task.checkCancellation()
        return try await handler(request, body)
    }
}
