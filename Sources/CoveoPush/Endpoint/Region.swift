/// A Coveo Cloud region: the data residency of an organization, which decides the Push API host.
///
/// An open set: the static members name the regions known today, and `Region(rawValue:)` accepts others.
/// Identifiers are compared in lowercase.
///
/// ```swift
/// let endpoint = try PushEndpoint(region: .eu)  // https://api-eu.cloud.coveo.com/push/v1
/// ```
public struct Region: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The region's identifier as used in host names, such as `eu`.
    public let rawValue: String

    /// Creates a region from its identifier (stored in lowercase).
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }

    /// The United States (the default region; its hosts carry no region suffix).
    public static let us = Region(rawValue: "us")
    /// Canada (`api-ca`).
    public static let ca = Region(rawValue: "ca")
    /// Europe, hosted in Ireland (`api-eu`).
    public static let eu = Region(rawValue: "eu")
    /// Australia (`api-au`).
    public static let au = Region(rawValue: "au")

    /// The identifier.
    public var description: String { rawValue }
}
