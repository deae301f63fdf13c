/// An input that was skipped: where it is, what it is about when known, and why.
public struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the input is.
    public var position: InputPosition
    /// The document ID or identity name, when it could be read.
    public var subject: String?
    /// Why it was skipped.
    public var reason: String

    /// Creates a problem record.
    public init(position: InputPosition, subject: String? = nil, reason: String) {
        self.position = position
        self.subject = subject
        self.reason = reason
    }

    /// `file:line: subject: reason`.
    public var description: String {
        if let subject { return "\(position): \(subject): \(reason)" }
        return "\(position): \(reason)"
    }
}
