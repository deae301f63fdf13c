/// The kind of a security identity pushed to a security provider.
///
/// Sent as `USER`, `GROUP`, `VIRTUAL_GROUP` or `UNKNOWN`, the spelling of Coveo's specification for identity
/// bodies. Decoding also accepts `User`, `Group`, `VirtualGroup` in any case.
public enum SecurityIdentityType: String, Sendable, Hashable, CaseIterable {
    /// A user.
    case user = "USER"
    /// A group; its members are pushed with it.
    case group = "GROUP"
    /// A virtual group.
    case virtualGroup = "VIRTUAL_GROUP"
    /// An identity of unknown kind.
    case unknown = "UNKNOWN"
}

extension SecurityIdentityType: LenientlyNamed {}

extension SecurityIdentityType: Codable {
    /// Decodes any spelling seen in the wild, ignoring case and underscores (`User`, `USER`, `VIRTUAL_GROUP`, …).
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeLeniently(from: decoder)
    }

    /// Encodes the specification's spelling.
    public func encode(to encoder: any Encoder) throws {
        try encodeRawValue(to: encoder)
    }
}
