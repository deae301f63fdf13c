import Testing

@testable import CoveoPush

@Suite("RetryClassifier")
struct RetryClassifierTests {
    typealias Classification = RetryClassifier.Classification

    struct Row: Sendable, CustomStringConvertible {
        let status: Int
        let errorCode: String?
        let api: Classification
        let upload: Classification
        var description: String { "\(status) \(errorCode ?? "-")" }
    }

    static let backoff = Classification.retry(honourRetryAfter: false)
    static let honour = Classification.retry(honourRetryAfter: true)

    static let rows: [Row] = [
        Row(status: 200, errorCode: nil, api: .success, upload: .success),
        Row(status: 201, errorCode: nil, api: .success, upload: .success),
        Row(status: 202, errorCode: nil, api: .success, upload: .success),
        Row(status: 204, errorCode: nil, api: .success, upload: .success),
        Row(status: 100, errorCode: nil, api: .fail, upload: .fail),
        Row(status: 301, errorCode: nil, api: .fail, upload: .fail),
        Row(status: 304, errorCode: nil, api: .fail, upload: .fail),
        Row(status: 400, errorCode: "INVALID_JSON", api: .fail, upload: .fail),
        Row(status: 400, errorCode: "RequestTimeout", api: .fail, upload: backoff),
        Row(status: 401, errorCode: "INVALID_TOKEN", api: .refreshToken, upload: .fail),
        Row(status: 401, errorCode: nil, api: .refreshToken, upload: .fail),
        Row(status: 403, errorCode: "ACCESS_DENIED", api: .fail, upload: .renewContainer),
        Row(status: 403, errorCode: nil, api: .fail, upload: .renewContainer),
        Row(status: 404, errorCode: "ORGANIZATION_NOT_FOUND", api: .fail, upload: .fail),
        Row(status: 408, errorCode: nil, api: .fail, upload: backoff),
        Row(status: 409, errorCode: nil, api: .fail, upload: .fail),
        Row(status: 412, errorCode: "SOURCE_DOES_NOT_EXIST", api: .fail, upload: .fail),
        Row(status: 412, errorCode: "MISSING_PARAMETER", api: .fail, upload: .fail),
        Row(status: 412, errorCode: "DOCUMENT_LIMIT_EXCEEDED", api: .stopQuota, upload: .stopQuota),
        Row(status: 413, errorCode: nil, api: .fail, upload: .splitBatch),
        Row(status: 415, errorCode: "UNSUPPORTED_MEDIA_TYPE", api: .fail, upload: .fail),
        Row(status: 422, errorCode: nil, api: .fail, upload: .fail),
        Row(status: 429, errorCode: "TOO_MANY_REQUESTS", api: honour, upload: honour),
        Row(status: 429, errorCode: nil, api: honour, upload: honour),
        Row(status: 429, errorCode: "TOO_MANY_DOCUMENTS_DAILY", api: .stopQuota, upload: .stopQuota),
        Row(status: 500, errorCode: "INTERNAL_SERVER_ERROR", api: backoff, upload: backoff),
        Row(status: 501, errorCode: nil, api: backoff, upload: backoff),
        Row(status: 502, errorCode: nil, api: backoff, upload: backoff),
        Row(status: 503, errorCode: nil, api: honour, upload: honour),
        Row(status: 503, errorCode: "SlowDown", api: honour, upload: honour),
        Row(status: 504, errorCode: nil, api: backoff, upload: backoff),
        Row(status: 599, errorCode: nil, api: backoff, upload: backoff),
        Row(status: 600, errorCode: nil, api: .fail, upload: .fail),
    ]

    @Test("every status row is classified as documented, on both hosts", arguments: rows)
    func statusRows(row: Row) {
        #expect(RetryClassifier.classify(statusCode: row.status, errorCode: row.errorCode, host: .pushAPI) == row.api)
        #expect(
            RetryClassifier.classify(statusCode: row.status, errorCode: row.errorCode, host: .uploadHost) == row.upload
        )
    }

    @Test(
        "connectivity failures are retried, except an unreadable body",
        arguments: [
            (TransportError.Kind.timedOut, true), (.cannotConnect, true), (.connectionLost, true),
            (.badResponse, true), (.other, true), (.bodyUnreadable, false),
        ]
    )
    func transportErrors(kind: TransportError.Kind, retried: Bool) {
        let expected: Classification = retried ? .retry(honourRetryAfter: false) : .fail
        #expect(RetryClassifier.classify(TransportError(kind, "x")) == expected)
    }

    @Test(
        "a connectivity failure leaves the outcome unknown unless nothing was sent",
        arguments: [
            (TransportError.Kind.timedOut, true), (.connectionLost, true), (.badResponse, true), (.other, true),
            (.cannotConnect, false), (.bodyUnreadable, false),
        ]
    )
    func transportAmbiguity(kind: TransportError.Kind, unknown: Bool) {
        #expect(RetryClassifier.leavesOutcomeUnknown(TransportError(kind, "x")) == unknown)
    }

    @Test(
        "a retryable status leaves the outcome unknown unless the service refused the request",
        arguments: [
            (500, false, true), (502, false, true), (504, false, true), (599, false, true), (503, false, true),
            (503, true, false), (429, false, false), (429, true, false), (408, false, false), (400, false, false),
        ]
    )
    func statusAmbiguity(status: Int, hasRetryAfter: Bool, unknown: Bool) {
        #expect(RetryClassifier.leavesOutcomeUnknown(statusCode: status, hasRetryAfter: hasRetryAfter) == unknown)
    }
}
