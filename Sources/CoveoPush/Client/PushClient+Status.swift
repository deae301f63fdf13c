import Foundation

extension PushClient {
    /// Sets the status of a Push source (what the console's activity log shows).
    public nonisolated func setStatus(_ status: SourceStatus, sourceId: String) async throws {
        try await setStatus(status, sourceId: sourceId, oneAttemptWithin: nil)
    }

    /// Sets the status; with `oneAttemptWithin`, in one attempt of at most that long.
    private nonisolated func setStatus(_ status: SourceStatus, sourceId: String, oneAttemptWithin: Duration?)
        async throws
    {
        let request = try checked(.setSourceStatus) { () throws(ValidationError) in
            try SetSourceStatusRequest(organizationId: organizationId, sourceId: sourceId, status: status)
        }
        _ = try await execute(request, counter: nil, oneAttemptWithin: oneAttemptWithin)
    }

    /// Runs `body` between an active status and `IDLE`: sets `status` first, and always attempts `IDLE` after,
    /// even when `body` throws or the task is cancelled (the `IDLE` request itself then runs uncancelled).
    ///
    /// ```swift
    /// let report = try await client.withStatus(.refresh, sourceId: "my-source") {
    ///     try await client.push(documents, sourceId: "my-source")
    /// }
    /// ```
    ///
    /// When the status request itself fails without a 4xx answer (cancelled, timed out, 5xx), the service may
    /// have applied it, so `IDLE` is attempted before the error is thrown.
    ///
    /// When the task was cancelled, `IDLE` gets one attempt with a timeout of 1 second (no retry, no wait for the
    /// throttle), so a stopped crawler stops at once; otherwise it is retried like any request.
    ///
    /// - Throws: The status request's error, or `body`'s error (which wins over a failed `IDLE`).
    public nonisolated func withStatus<T: Sendable>(
        _ status: SourceStatus, sourceId: String, _ body: () async throws -> T
    ) async throws -> T {
        do {
            try await setStatus(status, sourceId: sourceId)
        } catch {
            if !Self.refusedByService(error) { _ = await attemptIdle(sourceId: sourceId, promptly: Task.isCancelled) }
            throw error
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        let idleResult = await attemptIdle(sourceId: sourceId, promptly: Task.isCancelled)
        let value = try result.get()
        try idleResult.get()
        return value
    }

    /// The longest a cancelled task waits for its `IDLE` request.
    static let idleAfterCancellationTimeout: Duration = .seconds(1)

    /// Sets `IDLE` in a task of its own, so it is sent even when the calling task is cancelled; `promptly`, with
    /// one attempt of at most ``idleAfterCancellationTimeout``.
    private nonisolated func attemptIdle(sourceId: String, promptly: Bool) async -> Result<Void, any Error> {
        await Task { [self] in
            try await setStatus(
                .idle, sourceId: sourceId, oneAttemptWithin: promptly ? Self.idleAfterCancellationTimeout : nil)
        }.result
    }

    /// Whether the service answered the request with a 4xx status, so it certainly did not apply it.
    private static func refusedByService(_ error: any Error) -> Bool {
        guard let status = (error as? PushError)?.statusCode else { return false }
        return (400..<500).contains(status)
    }
}
