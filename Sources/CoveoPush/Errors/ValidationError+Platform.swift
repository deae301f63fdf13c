extension ValidationError.Rule {
    /// A setting that an operation needs is not given and cannot be derived (such as the Platform API URL of a
    /// client whose Push API endpoint is a custom, non-loopback URL).
    public static let missingSetting = ValidationError.Rule(rawValue: "missingSetting")
    /// Two settings contradict each other (such as a Platform URL of another region than the Push endpoint).
    public static let conflictingSettings = ValidationError.Rule(rawValue: "conflictingSettings")

    /// The words for the rules of this file.
    static let platformWords: [String: String] = [
        "missingSetting": "missing setting",
        "conflictingSettings": "conflicting settings",
    ]
}
