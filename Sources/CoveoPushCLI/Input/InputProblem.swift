/// An input that was skipped: where it is, what it is about when known, and why.
package struct InputProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the input is.
    package var position: InputPosition
    /// The document ID or identity name, when it could be read.
    package var subject: String?
    /// Why it was skipped.
    package var reason: String

    /// Creates a problem record.
    package init(position: InputPosition, subject: String? = nil, reason: String) {
        self.position = position
        self.subject = subject
        self.reason = reason
    }

    /// `file:line: subject: reason`.
    package var description: String {
        if let subject { return "\(position): \(subject): \(reason)" }
        return "\(position): \(reason)"
    }
}
