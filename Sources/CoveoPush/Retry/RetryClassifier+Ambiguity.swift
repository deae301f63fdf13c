extension RetryClassifier {
    // Whether a retryable failure leaves the outcome of the request unknown: the service may or may not have
    // applied it. A request that is not idempotent is never sent again after such a failure.
    //
    // | Failure | Outcome unknown? |
    // |---|---|
    // | timeout, connection lost, unreadable response, any other connectivity failure | yes: the request may have arrived |
    // | cannot connect (host unreachable, connection refused) | no: nothing was sent |
    // | 500, 502, 504 and any other 5xx except a 503 with `Retry-After` | yes: the failure may follow the work |
    // | 503 with a readable `Retry-After` | no: the service refused the request for now |
    // | 429 | no: the service refused the request (throttling) |
    // | 408, and S3's `RequestTimeout`, on the upload host | no: the request never arrived complete |

    /// Whether a connectivity failure may have happened after the service received the request.
    package static func leavesOutcomeUnknown(_ error: TransportError) -> Bool {
        switch error.kind {
        case .cannotConnect, .bodyUnreadable: false
        default: true
        }
    }

    /// Whether a retryable status may have been sent after the service applied the request.
    ///
    /// - Parameters:
    ///   - statusCode: The HTTP status code of an answer classified ``Classification/retry(honourRetryAfter:)``.
    ///   - hasRetryAfter: Whether the answer carried a `Retry-After` the client could read.
    package static func leavesOutcomeUnknown(statusCode: Int, hasRetryAfter: Bool) -> Bool {
        switch statusCode {
        case 429: false
        case 503: !hasRetryAfter
        case 500..<600: true
        default: false
        }
    }
}
