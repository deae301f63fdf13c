/// The version of this SDK, as sent in the `User-Agent` header (`CoveoSDKSwift/<version>`).
public enum CoveoPushVersion {
    /// The SDK's semantic version.
    public static let current = "0.1.0"
}
