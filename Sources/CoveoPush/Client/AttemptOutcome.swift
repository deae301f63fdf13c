import Foundation

/// What one attempt of an exchange produced: the response or the connectivity failure, with what its log line
/// and its classification need.
struct AttemptOutcome: Sendable {
    /// The HTTP method sent.
    var method: String
    /// The URL path sent (no query, no host).
    var path: String
    /// The response, whatever its status, or the connectivity failure.
    var result: Result<TransportResponse, TransportError>
    /// The error body of a response that is not 2xx, when it is Coveo's JSON.
    var errorBody: CoveoErrorBody?
    /// How long the attempt took, from sending to the answer or the failure.
    var duration: Duration

    init(method: String, path: String, result: Result<TransportResponse, TransportError>, duration: Duration) {
        self.method = method
        self.path = path
        self.result = result
        self.duration = duration
        if case .success(let response) = result, !response.isSuccess {
            errorBody = CoveoErrorBody(response.body)
        }
    }

    /// The log line of this attempt's answer or failure.
    func logEvent(operation: PushOperation, attempt: Int, retryDelay: Duration?) -> PushLogEvent {
        switch result {
        case .failure(let error):
            return PushLogEvent(
                phase: .failure, operation: operation, method: method, path: path, attempt: attempt,
                retryDelay: retryDelay, duration: duration, message: error.description)
        case .success(let response):
            return PushLogEvent(
                phase: .response, operation: operation, method: method, path: path, attempt: attempt,
                statusCode: response.statusCode, errorCode: errorBody?.errorCode, retryDelay: retryDelay,
                duration: duration, requestId: response.headers["x-request-id"] ?? response.headers["x-amz-request-id"])
        }
    }
}
