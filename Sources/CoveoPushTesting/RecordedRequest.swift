import CoveoPush
import Foundation

/// One request seen by a ``RecordingTransport``, with its body and the answer it got.
public struct RecordedRequest: Sendable, Hashable {
    /// The position of the request among all recorded requests, from 0.
    public var index: Int
    /// The request head.
    public var request: TransportRequest
    /// The body bytes as read when the request was sent, or `nil` when it had no body (or it was unreadable).
    public var body: Data?
    /// Whether the body was given as a file on disk.
    public var bodyWasFile: Bool
    /// What the transport returned or threw.
    public var answer: RecordingTransport.Answer

    /// Creates a record.
    public init(
        index: Int, request: TransportRequest, body: Data?, bodyWasFile: Bool, answer: RecordingTransport.Answer
    ) {
        self.index = index
        self.request = request
        self.body = body
        self.bodyWasFile = bodyWasFile
        self.answer = answer
    }

    /// The response returned, or `nil` when an error was thrown.
    public var response: TransportResponse? { answer.response }

    /// The error thrown, or `nil` when a response was returned.
    public var error: TransportError? { answer.error }

    /// The body as UTF-8 text, or `nil` when absent or not UTF-8.
    public var bodyText: String? { body.flatMap { String(data: $0, encoding: .utf8) } }

    /// The body parsed with `JSONSerialization` (fragments allowed).
    ///
    /// - Throws: ``RecordingTransport/RecordingError`` when there is no body; the parser's error when it is
    ///   not JSON.
    public func bodyJSON() throws -> Any {
        guard let body else { throw RecordingTransport.RecordingError("request \(index) has no body") }
        return try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
    }
}
