/// A mistake in the command line or the configuration: exit status 2, nothing sent.
package struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the option or variable.
    package var message: String

    /// Creates a usage error.
    package init(_ message: String) {
        self.message = message
    }

    /// The message.
    package var description: String { message }
}
