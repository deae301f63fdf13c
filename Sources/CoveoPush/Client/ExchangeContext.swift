/// What stays the same across the attempts of one exchange: the operation, where it goes, and how its failures
/// are reported.
struct ExchangeContext: Sendable {
    /// The operation, for errors and logs.
    var operation: PushOperation
    /// The Coveo API host or the upload host; their status codes mean different things.
    var host: RequestHost
    /// The timeout of each attempt.
    var timeout: Duration
    /// The session's counter, if the exchange belongs to a session.
    var counter: RequestCounter?
    /// The documents a failure affects, when known.
    var documentIds: [String]
    /// Whether the request may be sent again after a failure that leaves its outcome unknown.
    var isIdempotent: Bool

    /// The error that ends the exchange at `attempt`.
    func failure(
        _ code: PushError.Code, _ message: String, attempt: RetryAttempt, statusCode: Int? = nil,
        errorCode: String? = nil, retryAfter: Duration? = nil
    ) -> PushError {
        PushError(
            code, operation: operation, message: message, statusCode: statusCode, errorCode: errorCode,
            retryAfter: retryAfter, attempts: attempt.number, documentIds: documentIds)
    }

    /// The error that ends the exchange of a request that is not idempotent after a failure that leaves its
    /// outcome unknown.
    func outcomeUnknown(_ what: String, attempt: RetryAttempt, statusCode: Int? = nil, errorCode: String? = nil)
        -> PushError
    {
        failure(
            .outcomeUnknown,
            "the outcome is unknown: \(what); \(operation.rawValue) is not idempotent, so it was not sent again",
            attempt: attempt, statusCode: statusCode, errorCode: errorCode)
    }
}
