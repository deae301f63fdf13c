import Foundation

/// Who may see a source's items in search results: `PRIVATE`, `SECURED` or `SHARED`.
///
/// | Visibility | Meaning |
/// |---|---|
/// | ``private`` | only the identities the source's configuration names |
/// | ``secured`` | each item's own permissions; the source needs a security identity provider (the default) |
/// | ``shared`` | everyone who can search the organization |
///
/// An open set, so a source listing never fails on a value added later; a create request accepts the three above.
/// Coded as its name, a JSON string.
public struct SourceVisibility: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The Source API's name, such as `SECURED`.
    public let rawValue: String

    /// Creates a visibility from its Source API name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Parses a visibility, case-insensitively (`secured`, `SECURED`).
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/invalidParameter`` naming the value and the
    ///   accepted ones.
    public init(parsing text: String) throws(ValidationError) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard let known = Self.known.first(where: { $0.rawValue == upper }) else {
            throw ValidationError(
                .invalidParameter, .configuration("sourceVisibility"),
                "unknown visibility '\(text)'; use one of "
                    + Self.known.map { $0.rawValue.lowercased() }.joined(separator: ", "))
        }
        self = known
    }

    /// The name.
    public var description: String { rawValue }

    /// Only the identities named in the source's configuration see its items.
    public static let `private` = SourceVisibility(rawValue: "PRIVATE")
    /// Each item's permissions decide; needs a security identity provider. The default for new sources.
    public static let secured = SourceVisibility(rawValue: "SECURED")
    /// Everyone who can search the organization sees every item.
    public static let shared = SourceVisibility(rawValue: "SHARED")

    /// The visibilities a source can be created with.
    public static let known: [SourceVisibility] = [.private, .secured, .shared]
}
