import Foundation

extension PushClient {
    /// Sends any typed request with the client's retry policy, throttle, credentials and logging, and decodes
    /// its response.
    ///
    /// ```swift
    /// let container = try await client.send(CreateFileContainerRequest(organizationId: "myorg"))
    /// ```
    ///
    /// A request whose ``PushRequest/isIdempotent`` is false is not sent again after a failure that leaves its
    /// outcome unknown; it fails with ``PushError/Code/outcomeUnknown`` instead.
    ///
    /// - Throws: ``PushError`` (with the Coveo `errorCode` when the service sent one), or `CancellationError`.
    public nonisolated func send<R: PushRequest>(_ request: R) async throws -> R.Response {
        try await execute(request, counter: nil)
    }

    /// Makes a request value, turning its validation error into a ``PushError`` for `operation`.
    nonisolated func checked<R>(_ operation: PushOperation, _ make: () throws(ValidationError) -> R) throws -> R {
        do {
            return try make()
        } catch {
            throw PushError(error, operation: operation)
        }
    }

    /// Sends a typed request, counting it for a session as well as for the client.
    ///
    /// - Parameter oneAttemptWithin: When set, the request is sent once, without waiting for the throttle and
    ///   with at most this timeout (a last request after a cancellation, which must not hold the caller up).
    nonisolated func execute<R: PushRequest>(
        _ request: R, counter: RequestCounter?, documentIds: [String] = [], oneAttemptWithin: Duration? = nil
    ) async throws -> R.Response {
        let operation = request.operation
        let response = try await exchange(
            operation: operation, host: .pushAPI,
            timeout: request.api == .logs ? configuration.logsRequestTimeout : configuration.requestTimeout,
            counter: counter,
            documentIds: documentIds, isIdempotent: request.isIdempotent, oneAttemptWithin: oneAttemptWithin
        ) { token in
            guard let token else { throw PushError(.authenticationFailed, operation: operation, message: "no token") }
            return try builder.build(request, token: token, now: configuration.wallClock())
        }
        do {
            return try request.decodeResponse(from: response.body)
        } catch {
            throw PushError(
                .malformedResponse, operation: operation,
                message: "the \(response.statusCode) answer could not be read as \(R.Response.self): "
                    + Self.excerpt(response.body),
                statusCode: response.statusCode)
        }
    }

    /// A short, single-line excerpt of a response body for error messages.
    static func excerpt(_ body: Data) -> String {
        if body.isEmpty { return "empty body" }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return "'" + text.replacingOccurrences(of: "\n", with: " ") + (body.count > 200 ? "…'" : "'")
    }

    /// One HTTP exchange with retries. Each attempt waits for the throttle, sends, and classifies the outcome;
    /// the exchange then returns the 2xx response, sleeps and tries again, or throws a ``PushError``.
    ///
    /// - Parameters:
    ///   - host: The Coveo API host or the upload host; their status codes mean different things.
    ///   - isIdempotent: Whether the request may be sent again after a failure that leaves its outcome unknown.
    ///   - oneAttemptWithin: When set, one attempt with at most this timeout and no wait for the throttle.
    ///   - make: Builds the request for a token (`nil` for the upload host, which never gets one).
    nonisolated func exchange(
        operation: PushOperation, host: RequestHost, timeout: Duration, counter: RequestCounter?,
        documentIds: [String] = [], isIdempotent: Bool = true, oneAttemptWithin: Duration? = nil,
        make: (APIKey?) throws -> (head: TransportRequest, body: RequestBody?)
    ) async throws -> TransportResponse {
        let context = ExchangeContext(
            operation: operation, host: host, timeout: oneAttemptWithin.map { min($0, timeout) } ?? timeout,
            counter: counter, documentIds: documentIds, isIdempotent: isIdempotent)
        var attempt = RetryAttempt(policy: oneAttemptWithin == nil ? configuration.retryPolicy : .none, clock: clock)
        while true {
            attempt.begin()
            if oneAttemptWithin == nil { try await waitForThrottle(counter: counter) }
            let outcome = try await send(&attempt, context, make: make)
            let decision = await classify(outcome, attempt: attempt, context)
            log(outcome.logEvent(operation: operation, attempt: attempt.number, retryDelay: decision.retryDelay))
            switch decision {
            case .succeed(let response):
                return response
            case .retry(let delay, let closesThrottle, let failure):
                attempt.retry(after: failure)
                if closesThrottle {
                    await throttle.close(for: delay)
                } else {
                    try await clock.sleep(for: delay)
                }
            case .retryWithNewToken:
                _ = attempt.refreshToken()
            case .fail(let error):
                throw error
            }
        }
    }

    nonisolated func log(_ event: PushLogEvent) {
        configuration.logHandler?(event)
    }
}
