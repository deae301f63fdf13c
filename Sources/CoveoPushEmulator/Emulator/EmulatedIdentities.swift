/// The security identities of one provider as the in-memory Push service holds them.
///
/// ```swift
/// let identities = await service.identities(provider: "my-provider")
/// #expect(identities.member(named: "Staff")?.members.count == 2)
/// ```
public struct EmulatedIdentities: Sendable, Hashable {
    /// The organization holding the provider.
    public var organizationId: String
    /// The security provider.
    public var providerId: String
    /// Identities added or updated (with their members), sorted by name then type.
    public var members: [IdentityBody]
    /// Aliases added or updated, sorted by name then type.
    public var mappings: [AliasBody]
    /// Identities deleted (disabled) and not pushed again since, sorted by name then type.
    public var deleted: [SecurityIdentity]
    /// The orderingIds of the delete-older-than requests received, in order.
    public var olderThanDeletions: [Int64]

    /// Creates a snapshot (the service builds these).
    public init(
        organizationId: String, providerId: String, members: [IdentityBody] = [], mappings: [AliasBody] = [],
        deleted: [SecurityIdentity] = [], olderThanDeletions: [Int64] = []
    ) {
        self.organizationId = organizationId
        self.providerId = providerId
        self.members = members
        self.mappings = mappings
        self.deleted = deleted
        self.olderThanDeletions = olderThanDeletions
    }

    /// The identity with this exact name (of any type), if it was pushed and is not deleted.
    public func member(named name: String) -> IdentityBody? {
        members.first { $0.identity.name == name }
    }

    /// The alias entry of the identity with this exact name, if any.
    public func mapping(named name: String) -> AliasBody? {
        mappings.first { $0.identity.name == name }
    }
}
