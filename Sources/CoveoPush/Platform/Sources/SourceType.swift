/// The type of a Coveo source, as the Source API names it (`PUSH`, `CATALOG`, …).
///
/// An open set: a source listing holds every type of the organization (`SITEMAP`, `WEB`, …); they decode as is.
/// This SDK creates ``push`` and ``catalog`` sources.
public struct SourceType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The Source API's name, such as `PUSH`.
    public let rawValue: String

    /// Creates a type from its Source API name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Decodes the Source API's name of a type.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the Source API's name of the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The name.
    public var description: String { rawValue }

    /// A Push source, fed through the Push API.
    public static let push = SourceType(rawValue: "PUSH")
    /// A Catalog source, fed through the Stream API (and the Push API for updates).
    public static let catalog = SourceType(rawValue: "CATALOG")
}
