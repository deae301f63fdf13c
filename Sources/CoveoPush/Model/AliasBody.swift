/// An identity and the identities it is an alias of: the body of an alias add or update, and an entry of the
/// `mappings` array of an identity batch.
///
/// ```swift
/// let alias = AliasBody(
///     identity: SecurityIdentity(name: "bjones", type: .user),
///     mappings: [MappedIdentity(name: "bjones@example.com", type: .user, provider: "Email Security Provider")])
/// ```
public struct AliasBody: Sendable, Hashable, Codable {
    /// The identity that has aliases.
    public var identity: SecurityIdentity
    /// The identities it maps to.
    public var mappings: [MappedIdentity]
    /// Identities granted to it.
    public var wellKnowns: [SecurityIdentity]

    /// Creates an alias body.
    public init(identity: SecurityIdentity, mappings: [MappedIdentity], wellKnowns: [SecurityIdentity] = []) {
        self.identity = identity
        self.mappings = mappings
        self.wellKnowns = wellKnowns
    }

    /// Checks every identity in the body.
    public func validate() throws(ValidationError) {
        try identity.validate()
        for mapping in mappings { try mapping.validate() }
        for wellKnown in wellKnowns { try wellKnown.validate() }
    }

    private enum CodingKeys: String, CodingKey {
        case identity, mappings, wellKnowns
    }

    /// Decodes the wire form; `wellKnowns` is optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identity = try container.decode(SecurityIdentity.self, forKey: .identity)
        mappings = try container.decodeIfPresent([MappedIdentity].self, forKey: .mappings) ?? []
        wellKnowns = try container.decodeIfPresent([SecurityIdentity].self, forKey: .wellKnowns) ?? []
    }
}
