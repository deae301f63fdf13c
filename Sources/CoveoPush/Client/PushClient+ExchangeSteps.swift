import Foundation

// The steps of one attempt of an exchange (see `exchange` in PushClient+Exchange.swift): wait for the throttle,
// send, classify.
extension PushClient {
    /// Waits until the client's ``ThrottleGate`` opens, counting the time waited.
    nonisolated func waitForThrottle(counter: RequestCounter?) async throws {
        try Task.checkCancellation()
        let watch = Stopwatch(clock: clock)
        try await throttle.waitUntilOpen()
        let waited = watch.elapsed
        if waited > .zero {
            await counter?.recordThrottled(waited)
            await totals.recordThrottled(waited)
        }
        try Task.checkCancellation()
    }

    /// Builds the request (with a new token when the attempt asks for one), logs and counts it, and sends it.
    ///
    /// - Returns: The response, whatever its status, or the connectivity failure.
    /// - Throws: ``PushError`` when the request cannot be built or the transport fails in a way it should not,
    ///   or `CancellationError`.
    nonisolated func send(
        _ attempt: inout RetryAttempt, _ context: ExchangeContext,
        make: (APIKey?) throws -> (head: TransportRequest, body: RequestBody?)
    ) async throws -> AttemptOutcome {
        let token = context.host == .pushAPI ? try await self.token(refresh: attempt.needsNewToken) : nil
        attempt.tokenObtained()
        var (head, body): (TransportRequest, RequestBody?)
        do {
            (head, body) = try make(token)
        } catch let error as ValidationError {
            throw PushError(error, operation: context.operation)
        }
        head.timeout = context.timeout
        let method = head.method.rawValue
        let path = head.url.path
        log(.init(phase: .request, operation: context.operation, method: method, path: path, attempt: attempt.number))
        await context.counter?.recordRequest(attempt: attempt.number)
        await totals.recordRequest(attempt: attempt.number)
        let watch = Stopwatch(clock: clock)
        let result: Result<TransportResponse, TransportError>
        do {
            result = .success(try await transport.send(head, body: body))
        } catch let error as TransportError {
            result = .failure(error)
        } catch let error as CancellationError {
            throw error
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw context.failure(.retriesExhausted, "transport failure: \(error)", attempt: attempt)
        }
        return AttemptOutcome(method: method, path: path, result: result, duration: watch.elapsed)
    }

    /// Decides what follows an attempt: ``RetryClassifier`` for what the answer means, the policy's attempts and
    /// deadline for whether another attempt fits, and ``PushRequest/isIdempotent`` after an ambiguous failure.
    nonisolated func classify(_ outcome: AttemptOutcome, attempt: RetryAttempt, _ context: ExchangeContext) async
        -> RetryDecision
    {
        switch outcome.result {
        case .failure(let error):
            return await classify(error, attempt: attempt, context)
        case .success(let response):
            return await classify(response, errorBody: outcome.errorBody, attempt: attempt, context)
        }
    }

    private nonisolated func classify(_ error: TransportError, attempt: RetryAttempt, _ context: ExchangeContext)
        async -> RetryDecision
    {
        let delay = await backoff(beforeAttempt: attempt.number + 1)
        guard case .retry = RetryClassifier.classify(error) else {
            return .fail(context.failure(.localFile, error.description, attempt: attempt))
        }
        if !context.isIdempotent && RetryClassifier.leavesOutcomeUnknown(error) {
            return .fail(context.outcomeUnknown(error.description, attempt: attempt))
        }
        guard attempt.allowsRetry(after: delay) else {
            return .fail(context.failure(.retriesExhausted, error.description, attempt: attempt))
        }
        return .retry(after: delay, closesThrottle: false, failure: error.description)
    }

    private nonisolated func classify(
        _ response: TransportResponse, errorBody: CoveoErrorBody?, attempt: RetryAttempt, _ context: ExchangeContext
    ) async -> RetryDecision {
        let status = response.statusCode
        let errorCode = errorBody?.errorCode
        let message = errorBody?.message ?? "HTTP \(status): \(Self.excerpt(response.body))"
        func failure(_ code: PushError.Code, retryAfter: Duration? = nil) -> RetryDecision {
            .fail(
                context.failure(
                    code, message, attempt: attempt, statusCode: status, errorCode: errorCode, retryAfter: retryAfter))
        }
        switch RetryClassifier.classify(statusCode: status, errorCode: errorCode, host: context.host) {
        case .success:
            return .succeed(response)
        case .retry(let honourRetryAfter):
            let retryAfter =
                honourRetryAfter
                ? response.headers["retry-after"].flatMap { RetryAfter.parse($0, now: configuration.wallClock()) }
                : nil
            let computed = await backoff(beforeAttempt: attempt.number + 1)
            let delay = min(retryAfter ?? computed, RetryPolicy.longestDelay)
            if !context.isIdempotent
                && RetryClassifier.leavesOutcomeUnknown(statusCode: status, hasRetryAfter: retryAfter != nil)
            {
                return .fail(
                    context.outcomeUnknown(message, attempt: attempt, statusCode: status, errorCode: errorCode))
            }
            guard attempt.allowsRetry(after: delay) else { return failure(.retriesExhausted, retryAfter: retryAfter) }
            return .retry(after: delay, closesThrottle: status == 429, failure: "HTTP \(status)")
        case .refreshToken:
            if case .tokenProvider = configuration.credentials, !attempt.refreshedToken { return .retryWithNewToken }
            return failure(.authenticationFailed)
        case .renewContainer:
            return failure(.uploadRefused)
        case .splitBatch:
            return failure(.contentTooLarge)
        case .stopQuota:
            return failure(.quotaExceeded)
        case .fail:
            switch status {
            case 401: return failure(.authenticationFailed)
            case 403: return failure(.accessDenied)
            default: return failure(.requestRejected)
            }
        }
    }
}
