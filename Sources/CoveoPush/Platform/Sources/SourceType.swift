/// The type of a Coveo source, as the Source API names it (`PUSH`, `CATALOG`, …).
///
/// An open set: a source listing holds every type of the organization (`SITEMAP`, `WEB`, …); they decode as is.
/// This SDK creates ``push`` and ``catalog`` sources. Coded as its name, a JSON string.
public struct SourceType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The Source API's name, such as `PUSH`.
    public let rawValue: String

    /// Creates a type from its Source API name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The name.
    public var description: String { rawValue }

    /// A Push source, fed through the Push API.
    public static let push = SourceType(rawValue: "PUSH")
    /// A Catalog source, fed through the Stream API (and the Push API for updates).
    public static let catalog = SourceType(rawValue: "CATALOG")
}
