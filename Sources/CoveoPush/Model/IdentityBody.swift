/// A security identity with its members: the body of an identity add or update, and an entry of the `members`
/// array of an identity batch.
///
/// Pushing a group replaces its whole member list.
///
/// ```swift
/// let staff = IdentityBody(
///     identity: SecurityIdentity(name: "Staff", type: .group),
///     members: [SecurityIdentity(name: "bjones@example.com", type: .user)])
/// ```
public struct IdentityBody: Sendable, Hashable, Codable {
    /// The identity being added or updated.
    public var identity: SecurityIdentity
    /// Its members (normally for groups and virtual groups).
    public var members: [SecurityIdentity]
    /// Identities granted to it ("well-knowns", a legacy name).
    public var wellKnowns: [SecurityIdentity]

    /// Creates an identity body.
    public init(identity: SecurityIdentity, members: [SecurityIdentity] = [], wellKnowns: [SecurityIdentity] = []) {
        self.identity = identity
        self.members = members
        self.wellKnowns = wellKnowns
    }

    /// Checks every identity in the body.
    public func validate() throws(ValidationError) {
        try identity.validate()
        for member in members { try member.validate() }
        for wellKnown in wellKnowns { try wellKnown.validate() }
    }

    private enum CodingKeys: String, CodingKey {
        case identity, members, wellKnowns
    }

    /// Decodes the wire form; `members` and `wellKnowns` are optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identity = try container.decode(SecurityIdentity.self, forKey: .identity)
        members = try container.decodeIfPresent([SecurityIdentity].self, forKey: .members) ?? []
        wellKnowns = try container.decodeIfPresent([SecurityIdentity].self, forKey: .wellKnowns) ?? []
    }
}
