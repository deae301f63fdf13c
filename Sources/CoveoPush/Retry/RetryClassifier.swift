/// Decides what the client does after a response or a connectivity failure.
///
/// The rules, for the Push API host:
///
/// | Status | Outcome |
/// |---|---|
/// | 2xx | ``Classification/success`` |
/// | 429 `TOO_MANY_DOCUMENTS_DAILY`, 412 `DOCUMENT_LIMIT_EXCEEDED` | ``Classification/stopQuota`` |
/// | 429, 503 | ``Classification/retry(honourRetryAfter:)`` honouring `Retry-After` |
/// | other 5xx (500, 502, 504, …) | ``Classification/retry(honourRetryAfter:)`` with backoff only |
/// | 401 | ``Classification/refreshToken`` |
/// | any other status (400, 403, 404, 412, 413, 415, 1xx, 3xx, …) | ``Classification/fail`` |
///
/// On the upload host 429 and 5xx are retried the same way; 403 means the container URL expired or was
/// refused (``Classification/renewContainer``), 413 means the batch is too large
/// (``Classification/splitBatch``), and 408 or S3's `RequestTimeout` (a 400) are retried. Any other
/// status fails.
///
/// Before a request that is not idempotent is retried, `leavesOutcomeUnknown` says whether the failure may have
/// come after the service applied it (see `RetryClassifier+Ambiguity.swift`).
package enum RetryClassifier {
    /// What to do next.
    package enum Classification: Sendable, Hashable {
        /// The request succeeded.
        case success
        /// The failure is transient: wait and try again. When `honourRetryAfter` is true, a `Retry-After`
        /// header, if present, replaces the computed backoff.
        case retry(honourRetryAfter: Bool)
        /// The failure is permanent: report it without retrying.
        case fail
        /// A quota of the organization is exhausted (documents per day, document count): stop all work.
        case stopQuota
        /// The API refused the credentials: the client may obtain a new token once and try again.
        case refreshToken
        /// The storage host refused the upload URL (expired or invalid): ask for a new file container.
        case renewContainer
        /// The storage host found the body too large: split the batch and upload the halves.
        case splitBatch
    }

    /// Classifies a completed HTTP exchange.
    ///
    /// - Parameters:
    ///   - statusCode: The HTTP status code.
    ///   - errorCode: Coveo's `errorCode` from the response body (or S3's `Code`), if any.
    ///   - host: Where the request went.
    package static func classify(statusCode: Int, errorCode: String?, host: RequestHost) -> Classification {
        if (200..<300).contains(statusCode) { return .success }
        if statusCode == 429 {
            return errorCode == "TOO_MANY_DOCUMENTS_DAILY" ? .stopQuota : .retry(honourRetryAfter: true)
        }
        if statusCode == 412, errorCode == "DOCUMENT_LIMIT_EXCEEDED" { return .stopQuota }
        if statusCode == 503 { return .retry(honourRetryAfter: true) }
        if (500..<600).contains(statusCode) { return .retry(honourRetryAfter: false) }
        switch host {
        case .pushAPI:
            return statusCode == 401 ? .refreshToken : .fail
        case .uploadHost:
            switch statusCode {
            case 403: return .renewContainer
            case 413: return .splitBatch
            case 408: return .retry(honourRetryAfter: false)
            case 400 where errorCode == "RequestTimeout": return .retry(honourRetryAfter: false)
            default: return .fail
            }
        }
    }

    /// Classifies a connectivity failure: every kind is retried except an unreadable local body file.
    package static func classify(_ error: TransportError) -> Classification {
        error.kind == .bodyUnreadable ? .fail : .retry(honourRetryAfter: false)
    }
}
