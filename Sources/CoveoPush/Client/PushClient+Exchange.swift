import Foundation

extension PushClient {
    /// Sends any typed request with the client's retry policy, throttle, credentials and logging, and decodes
    /// its response.
    ///
    /// ```swift
    /// let container = try await client.send(CreateFileContainerRequest(organizationId: "myorg"))
    /// ```
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
    nonisolated func execute<R: PushRequest>(_ request: R, counter: RequestCounter?, documentIds: [String] = [])
        async throws -> R.Response
    {
        let operation = request.operation
        let response = try await exchange(
            operation: operation, host: .pushAPI, timeout: configuration.requestTimeout, counter: counter,
            documentIds: documentIds
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

    /// One HTTP exchange with retries: waits for the throttle, sends, classifies the answer, and either returns a
    /// 2xx response, sleeps and tries again, or throws a ``PushError``.
    ///
    /// - Parameters:
    ///   - host: The Coveo API host or the upload host; their status codes mean different things.
    ///   - make: Builds the request for a token (`nil` for the upload host, which never gets one).
    nonisolated func exchange(
        operation: PushOperation, host: RequestHost, timeout: Duration, counter: RequestCounter?, documentIds: [String] = [],
        make: (APIKey?) throws -> (head: TransportRequest, body: RequestBody?)
    ) async throws -> TransportResponse {
        let policy = configuration.retryPolicy
        let stopwatch = Stopwatch(clock: clock)
        var attempt = 0
        var refreshedToken = false
        var forceRefresh = false
        func failure(
            _ code: PushError.Code, _ message: String, status: Int? = nil, errorCode: String? = nil,
            retryAfter: Duration? = nil
        ) -> PushError {
            PushError(
                code, operation: operation, message: message, statusCode: status, errorCode: errorCode,
                retryAfter: retryAfter, attempts: attempt, documentIds: documentIds)
        }
        while true {
            attempt += 1
            try Task.checkCancellation()
            let throttleWatch = Stopwatch(clock: clock)
            try await throttle.waitUntilOpen()
            let waited = throttleWatch.elapsed
            if waited > .zero {
                await counter?.recordThrottled(waited)
                await totals.recordThrottled(waited)
            }
            try Task.checkCancellation()
            let token = host == .pushAPI ? try await self.token(refresh: forceRefresh) : nil
            forceRefresh = false
            var (head, body): (TransportRequest, RequestBody?)
            do {
                (head, body) = try make(token)
            } catch let error as ValidationError {
                throw PushError(error, operation: operation)
            }
            head.timeout = timeout
            let path = head.url.path
            log(.init(phase: .request, operation: operation, method: head.method.rawValue, path: path, attempt: attempt))
            await counter?.recordRequest(attempt: attempt)
            await totals.recordRequest(attempt: attempt)
            let exchangeWatch = Stopwatch(clock: clock)

            let response: TransportResponse
            do {
                response = try await transport.send(head, body: body)
            } catch let error as TransportError {
                let retryable: Bool
                if case .retry = RetryClassifier.classify(error) { retryable = true } else { retryable = false }
                let delay = await backoff(beforeAttempt: attempt + 1)
                let willRetry = retryable && canRetry(attempt: attempt, delay: delay, policy: policy, stopwatch: stopwatch)
                log(.init(
                    phase: .failure, operation: operation, method: head.method.rawValue, path: path, attempt: attempt,
                    retryDelay: willRetry ? delay : nil, duration: exchangeWatch.elapsed, message: error.description))
                guard willRetry else {
                    throw failure(retryable ? .retriesExhausted : .localFile, error.description)
                }
                try await clock.sleep(for: delay)
                continue
            } catch let error as CancellationError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                throw failure(.retriesExhausted, "transport failure: \(error)")
            }

            let errorBody = response.isSuccess ? nil : CoveoErrorBody(response.body)
            let errorCode = errorBody?.errorCode
            let requestId = response.headers["x-request-id"] ?? response.headers["x-amz-request-id"]
            func logResponse(retryDelay: Duration? = nil) {
                log(.init(
                    phase: .response, operation: operation, method: head.method.rawValue, path: path, attempt: attempt,
                    statusCode: response.statusCode, errorCode: errorCode, retryDelay: retryDelay,
                    duration: exchangeWatch.elapsed, requestId: requestId))
            }
            let message = errorBody?.message ?? "HTTP \(response.statusCode): \(Self.excerpt(response.body))"

            switch RetryClassifier.classify(statusCode: response.statusCode, errorCode: errorCode, host: host) {
            case .success:
                logResponse()
                return response
            case .retry(let honourRetryAfter):
                let retryAfter = honourRetryAfter
                    ? response.headers["retry-after"].flatMap { RetryAfter.parse($0, now: configuration.wallClock()) }
                    : nil
                let computed = await backoff(beforeAttempt: attempt + 1)
                let delay = min(retryAfter ?? computed, RetryPolicy.longestDelay)
                guard canRetry(attempt: attempt, delay: delay, policy: policy, stopwatch: stopwatch) else {
                    logResponse()
                    throw failure(
                        .retriesExhausted, message, status: response.statusCode, errorCode: errorCode,
                        retryAfter: retryAfter)
                }
                logResponse(retryDelay: delay)
                if response.statusCode == 429 {
                    await throttle.close(for: delay)
                } else {
                    try await clock.sleep(for: delay)
                }
            case .refreshToken:
                logResponse()
                if case .tokenProvider = configuration.credentials, !refreshedToken {
                    refreshedToken = true
                    forceRefresh = true
                    continue
                }
                throw failure(.authenticationFailed, message, status: response.statusCode, errorCode: errorCode)
            case .renewContainer:
                logResponse()
                throw failure(.uploadRefused, message, status: response.statusCode, errorCode: errorCode)
            case .splitBatch:
                logResponse()
                throw failure(.contentTooLarge, message, status: response.statusCode, errorCode: errorCode)
            case .stopQuota:
                logResponse()
                throw failure(.quotaExceeded, message, status: response.statusCode, errorCode: errorCode)
            case .fail:
                logResponse()
                let code: PushError.Code =
                    switch response.statusCode {
                    case 401: .authenticationFailed
                    case 403: .accessDenied
                    default: .requestRejected
                    }
                throw failure(code, message, status: response.statusCode, errorCode: errorCode)
            }
        }
    }

    /// Whether another attempt fits the policy's attempts and deadline.
    private nonisolated func canRetry(attempt: Int, delay: Duration, policy: RetryPolicy, stopwatch: Stopwatch) -> Bool {
        guard attempt < policy.maxAttempts else { return false }
        if let deadline = policy.deadline, stopwatch.elapsed + delay > deadline { return false }
        return true
    }

    nonisolated func log(_ event: PushLogEvent) {
        configuration.logHandler?(event)
    }
}

/// The error body of the Push API, `{"errorCode": …, "message": …}`; both keys optional, since gateways send
/// `{"message": …}` alone and S3 sends XML.
struct CoveoErrorBody {
    var errorCode: String?
    var message: String?

    init?(_ body: Data) {
        guard !body.isEmpty, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            return nil
        }
        errorCode = object["errorCode"] as? String
        message = (object["message"] as? String).map { $0.replacingOccurrences(of: "\n", with: " ") }
        if errorCode == nil && message == nil { return nil }
    }
}
