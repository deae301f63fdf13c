/// The version of this SDK, as sent in the `User-Agent` header (`CoveoSDKSwift/<version>`).
package enum CoveoPushVersion {
    /// The SDK's semantic version.
    package static let current = "0.1.0"
}
