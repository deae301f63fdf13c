/// A failure of a Push API operation: what failed, how the service answered, and which documents it affects.
///
/// Its description is one line with no secrets: never a header, a body or the API key.
///
/// ```swift
/// do {
///     try await client.setStatus(.rebuild, sourceId: "my-source")
/// } catch let error as PushError where error.code == .authenticationFailed {
///     print(error.errorCode ?? "", error.message)
/// }
/// ```
public struct PushError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. An open set: new codes may be added.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A short identifier.
        public let rawValue: String
        /// Creates a code from its identifier.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The identifier.
        public var description: String { rawValue }

        /// The input broke a rule; see ``PushError/validation``.
        public static let invalidInput = Code(rawValue: "invalidInput")
        /// 401: the key or token was refused (after one token refresh).
        public static let authenticationFailed = Code(rawValue: "authenticationFailed")
        /// 403 on the API host: the key lacks a privilege.
        public static let accessDenied = Code(rawValue: "accessDenied")
        /// A non-retryable answer of the service (400, 404, 412, 413, 415 and other 4xx).
        public static let requestRejected = Code(rawValue: "requestRejected")
        /// A quota is exhausted: 429 `TOO_MANY_DOCUMENTS_DAILY` or 412 `DOCUMENT_LIMIT_EXCEEDED`. Retrying won't help.
        public static let quotaExceeded = Code(rawValue: "quotaExceeded")
        /// Retryable failures continued past the retry policy's attempts or deadline.
        public static let retriesExhausted = Code(rawValue: "retriesExhausted")
        /// The upload host kept refusing the upload (expired or refused upload URLs).
        public static let uploadRefused = Code(rawValue: "uploadRefused")
        /// The service answered 2xx with a body that could not be understood.
        public static let malformedResponse = Code(rawValue: "malformedResponse")
        /// Content beyond what the service accepts even through a file container (256 MB).
        public static let contentTooLarge = Code(rawValue: "contentTooLarge")
        /// A local file (content or temporary batch file) could not be read or written.
        public static let localFile = Code(rawValue: "localFile")
        /// The work was cancelled before this document was confirmed.
        public static let cancelled = Code(rawValue: "cancelled")
        /// A request that is not safe to send twice (``PushRequest/isIdempotent`` is false) failed in a way that
        /// leaves unknown whether the service applied it (a timeout, a connection lost, a 5xx that is not a
        /// refusal), so it was not sent again. Check the service's state before sending it again.
        public static let outcomeUnknown = Code(rawValue: "outcomeUnknown")
    }

    /// What kind of failure this is.
    public var code: Code
    /// The operation that failed: a Push API operation such as ``PushOperation/addOrUpdateDocument`` or
    /// ``PushOperation/uploadToFileContainer``, or a local step of a session such as
    /// ``PushOperation/writeBatchFile``.
    public var operation: PushOperation
    /// The last HTTP status received, if any.
    public var statusCode: Int?
    /// Coveo's `errorCode`, when the service sent one.
    public var errorCode: String?
    /// A one-line explanation (Coveo's message when it sent one).
    public var message: String
    /// The last `Retry-After` the service asked for, if any.
    public var retryAfter: Duration?
    /// How many requests were sent for this operation.
    public var attempts: Int
    /// The documents (or identities) this failure affects, when known.
    public var documentIds: [String]
    /// The broken rule, for ``Code/invalidInput``.
    public var validation: ValidationError?

    /// Creates an error.
    public init(
        _ code: Code, operation: PushOperation, message: String, statusCode: Int? = nil, errorCode: String? = nil,
        retryAfter: Duration? = nil, attempts: Int = 0, documentIds: [String] = [], validation: ValidationError? = nil
    ) {
        self.code = code
        self.operation = operation
        self.message = message
        self.statusCode = statusCode
        self.errorCode = errorCode
        self.retryAfter = retryAfter
        self.attempts = attempts
        self.documentIds = documentIds
        self.validation = validation
    }

    /// Wraps a validation error.
    public init(_ validation: ValidationError, operation: PushOperation) {
        var ids: [String] = []
        if case .document(let id) = validation.subject { ids = [id] }
        self.init(
            .invalidInput, operation: operation, message: validation.description, documentIds: ids,
            validation: validation)
    }

    /// `operation failed (code, HTTP status, errorCode) after N attempts: message`, on one line.
    public var description: String {
        var details = [code.rawValue]
        if let statusCode { details.append("HTTP \(statusCode)") }
        if let errorCode { details.append(errorCode) }
        var text = "\(operation.rawValue) failed (\(details.joined(separator: ", ")))"
        if attempts > 1 { text += " after \(attempts) attempts" }
        text += ": \(message)"
        if documentIds.count == 1, let id = documentIds.first {
            text += " [document \(id)]"
        } else if documentIds.count > 1 {
            text += " [\(documentIds.count) documents]"
        }
        return text.replacingOccurrences(of: "\n", with: " ")
    }
}
