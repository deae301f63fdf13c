import CoveoPush

extension RecordingTransport {
    /// A scripted answer: a response to return, or a connectivity failure to throw.
    public enum Answer: Sendable, Hashable {
        /// Return this response.
        case response(TransportResponse)
        /// Throw this error.
        case failure(TransportError)

        /// The response, if this answer is one.
        public var response: TransportResponse? {
            if case .response(let response) = self { return response }
            return nil
        }

        /// The error, if this answer is one.
        public var error: TransportError? {
            if case .failure(let error) = self { return error }
            return nil
        }
    }

    /// Which requests a rule applies to: every condition that is set must hold.
    public struct RequestPattern: Sendable {
        /// The method, or `nil` for any.
        public var method: HTTPMethod?
        /// A substring of the URL's path, or `nil` for any path.
        public var pathContains: String?
        /// The URL's host (compared case-insensitively), or `nil` for any host.
        public var host: String?
        /// A further condition, or `nil`.
        public var predicate: (@Sendable (TransportRequest) -> Bool)?

        /// Creates a pattern; with no argument, it matches every request.
        public init(
            method: HTTPMethod? = nil,
            pathContains: String? = nil,
            host: String? = nil,
            where predicate: (@Sendable (TransportRequest) -> Bool)? = nil
        ) {
            self.method = method
            self.pathContains = pathContains
            self.host = host
            self.predicate = predicate
        }

        /// Matches every request.
        public static let any = RequestPattern()

        /// Whether `request` satisfies every condition of the pattern.
        public func matches(_ request: TransportRequest) -> Bool {
            if let method, method != request.method { return false }
            if let pathContains, !request.url.path.contains(pathContains) { return false }
            if let host, host.lowercased() != request.url.host?.lowercased() { return false }
            if let predicate, !predicate(request) { return false }
            return true
        }
    }

    /// One line of the script: a pattern and the answers for the requests it matches.
    public struct Rule: Sendable {
        /// The requests the rule applies to.
        public var pattern: RequestPattern
        /// The answers not given yet, in order.
        public var answers: [Answer]
        /// Whether the last answer keeps being given once the others are used up.
        public var repeatsLastAnswer: Bool

        /// Creates a rule.
        ///
        /// - Parameters:
        ///   - pattern: The requests it applies to.
        ///   - answers: One answer per matching request, in order.
        ///   - repeatsLastAnswer: Whether the last answer is then repeated; otherwise the rule stops applying.
        public init(_ pattern: RequestPattern, answers: [Answer], repeatsLastAnswer: Bool = false) {
            self.pattern = pattern
            self.answers = answers
            self.repeatsLastAnswer = repeatsLastAnswer
        }

        /// A rule that gives the same answer to every matching request.
        public static func always(_ pattern: RequestPattern, _ answer: Answer) -> Rule {
            Rule(pattern, answers: [answer], repeatsLastAnswer: true)
        }

        /// The next answer, or `nil` when the rule is used up.
        mutating func takeAnswer() -> Answer? {
            guard let first = answers.first else { return nil }
            if answers.count > 1 || !repeatsLastAnswer { answers.removeFirst() }
            return first
        }
    }

    /// A question about the recording that has no answer (no such request, no body).
    public struct RecordingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong.
        public var message: String

        /// Creates the error.
        public init(_ message: String) { self.message = message }

        /// The message.
        public var description: String { message }
    }
}
