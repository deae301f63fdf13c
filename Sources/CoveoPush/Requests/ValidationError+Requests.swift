extension ValidationError.Rule {
    /// An API key or access token cannot be sent in an HTTP header: it contains whitespace, a line break, a control
    /// character or non-ASCII text.
    public static let invalidAPIKey = ValidationError.Rule(rawValue: "invalidAPIKey")
    /// A request parameter does not have the form the service accepts (such as a stream shard name).
    public static let invalidParameter = ValidationError.Rule(rawValue: "invalidParameter")
}
