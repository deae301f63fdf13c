/// One line of the client's log: a request sent or a response received. Never the key, headers or bodies.
///
/// Coveo support asks for client-side logs of response codes; one line of setup gives them:
///
/// ```swift
/// configuration.logHandler = { event in print(event) }
/// ```
public struct PushLogEvent: Sendable, Hashable, CustomStringConvertible {
    /// Whether the event is a request about to be sent or its outcome.
    public enum Phase: String, Sendable, Hashable {
        /// A request is about to be sent.
        case request
        /// A response arrived.
        case response
        /// The exchange failed without a response (connectivity).
        case failure
    }

    /// The phase.
    public var phase: Phase
    /// The operation, such as ``PushOperation/pushDocumentBatch``.
    public var operation: PushOperation
    /// The HTTP method.
    public var method: String
    /// The URL path (no query string, no host), free of secrets.
    public var path: String
    /// The attempt number, from 1.
    public var attempt: Int
    /// The status code, for responses.
    public var statusCode: Int?
    /// Coveo's `errorCode`, when an error response carried one.
    public var errorCode: String?
    /// The delay chosen before the next attempt, when the client will retry.
    public var retryDelay: Duration?
    /// How long the exchange took, for responses and failures.
    public var duration: Duration?
    /// The service's request ID header, when present.
    public var requestId: String?
    /// A short explanation for failures.
    public var message: String?

    /// Creates an event.
    public init(
        phase: Phase, operation: PushOperation, method: String, path: String, attempt: Int, statusCode: Int? = nil,
        errorCode: String? = nil, retryDelay: Duration? = nil, duration: Duration? = nil, requestId: String? = nil,
        message: String? = nil
    ) {
        self.phase = phase
        self.operation = operation
        self.method = method
        self.path = path
        self.attempt = attempt
        self.statusCode = statusCode
        self.errorCode = errorCode
        self.retryDelay = retryDelay
        self.duration = duration
        self.requestId = requestId
        self.message = message
    }

    /// `operation METHOD path #attempt → status errorCode (duration) retry in …`.
    public var description: String {
        var text = "\(operation.rawValue) \(method) \(path) #\(attempt)"
        switch phase {
        case .request: text += " →"
        case .response: text += " ← \(statusCode.map(String.init) ?? "?")"
        case .failure: text += " ← failed"
        }
        if let errorCode { text += " \(errorCode)" }
        if let duration { text += " (\(duration))" }
        if let requestId { text += " request-id \(requestId)" }
        if let message { text += ": \(message)" }
        if let retryDelay { text += "; retry in \(retryDelay)" }
        return text
    }
}
