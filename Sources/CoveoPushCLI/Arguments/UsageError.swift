/// A mistake in the command line or the configuration: exit status 2, nothing sent.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the option or variable.
    public var message: String

    /// Creates a usage error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
