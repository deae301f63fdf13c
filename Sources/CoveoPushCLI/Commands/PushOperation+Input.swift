import CoveoPush

extension PushOperation {
    /// Applying an operation read from the inputs to the subcommand's session (``OperationSink``): a step of the
    /// command, not a Push API operation; its errors name the entry that the session cannot take.
    static let applyInput = PushOperation(rawValue: "apply")
}
