/// The kind of a security identity referenced by an item permission.
///
/// Sent with the spellings of Coveo's published specification (`User`, `Group`, `VirtualGroup`, `Unknown`).
/// Decoding also accepts the upper-case forms seen in other clients (`USER`, `VIRTUAL_GROUP`, …), in any case.
public enum PermissionIdentityType: String, Sendable, Hashable, CaseIterable {
    /// A user.
    case user = "User"
    /// A group.
    case group = "Group"
    /// A virtual group.
    case virtualGroup = "VirtualGroup"
    /// An identity of unknown kind.
    case unknown = "Unknown"

    /// Parses any spelling seen in the wild, ignoring case and underscores: `User`, `USER`, `VIRTUAL_GROUP`, ….
    public init?(lenient text: String) {
        let folded = text.lowercased().replacingOccurrences(of: "_", with: "")
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }
}

extension PermissionIdentityType: Codable {
    /// Decodes any spelling accepted by ``init(lenient:)``.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = PermissionIdentityType(lenient: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown identity type '\(text)'"))
        }
        self = value
    }

    /// Encodes the specification's spelling.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
