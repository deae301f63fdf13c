/// A Coveo platform environment: production, HIPAA, or one of Coveo's internal environments.
///
/// An open set. Customers use ``production`` or ``hipaa``; ``development`` and ``staging`` are Coveo-internal
/// and listed only so Coveo's own tools can use the SDK. Identifiers are compared in lowercase.
public struct PlatformEnvironment: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The environment's identifier. Apart from `prod`, it is the suffix of `api` in host names (`apihipaa`).
    public let rawValue: String

    /// Creates an environment from its identifier (stored in lowercase).
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }

    /// The public production platform (hosts `api[-region].cloud.coveo.com`).
    public static let production = PlatformEnvironment(rawValue: "prod")
    /// The HIPAA-compliant platform (host `apihipaa.cloud.coveo.com`, US region only).
    public static let hipaa = PlatformEnvironment(rawValue: "hipaa")
    /// Coveo's internal development platform (`apidev[-region]`). Not for customers.
    public static let development = PlatformEnvironment(rawValue: "dev")
    /// Coveo's internal staging platform (`apistg[-region]`). Not for customers.
    public static let staging = PlatformEnvironment(rawValue: "stg")

    /// The identifier.
    public var description: String { rawValue }

    /// The first label of the host name before any region suffix: `api`, `apihipaa`, `apidev`, …
    var hostPrefix: String { self == .production ? "api" : "api" + rawValue }
}
