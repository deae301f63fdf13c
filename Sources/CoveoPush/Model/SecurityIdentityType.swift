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

    /// Parses any spelling seen in the wild, ignoring case and underscores.
    package init?(lenient text: String) {
        let folded = text.lowercased().replacingOccurrences(of: "_", with: "")
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased().replacingOccurrences(of: "_", with: "") == folded })
        else { return nil }
        self = match
    }
}

extension SecurityIdentityType: Codable {
    /// Decodes any spelling accepted by ``init(lenient:)``.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = SecurityIdentityType(lenient: text) else {
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
