/// An ordered, optionally named level of Coveo's complete permission model.
///
/// Within a level a user must be allowed by every set and denied by none. Levels are evaluated in order and
/// the first conclusive level decides.
public struct PermissionLevel: Sendable, Hashable {
    /// An optional name for the level, for readability in the console.
    public var name: String?
    /// The permission sets of the level.
    public var sets: [PermissionSet]

    /// Creates a permission level.
    public init(name: String? = nil, sets: [PermissionSet]) {
        self.name = name
        self.sets = sets
    }

    /// The number of identities in the level's sets.
    public var identityCount: Int { sets.reduce(0) { $0 + $1.identityCount } }
}

extension PermissionLevel: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, permissionSets
    }

    /// Decodes the wire form (`name`, `permissionSets`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        sets = try container.decodeIfPresent([PermissionSet].self, forKey: .permissionSets) ?? []
    }

    /// Encodes the wire form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(sets, forKey: .permissionSets)
    }
}
