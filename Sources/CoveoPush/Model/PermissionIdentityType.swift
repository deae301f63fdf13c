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
}

extension PermissionIdentityType: LenientlyNamed {}

extension PermissionIdentityType: Codable {
    /// Decodes any spelling seen in the wild, ignoring case and underscores (`User`, `USER`, `VIRTUAL_GROUP`, …).
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeLeniently(from: decoder)
    }

    /// Encodes the specification's spelling.
    public func encode(to encoder: any Encoder) throws {
        try encodeRawValue(to: encoder)
    }
}
