/// What the emulator holds for one security provider.
struct ProviderState: Sendable {
    /// Identities with their members, and the orderingId that stored them.
    var members: [IdentityKey: (body: IdentityBody, orderingId: Int64)] = [:]
    /// Aliases, and the orderingId that stored them.
    var mappings: [IdentityKey: (body: AliasBody, orderingId: Int64)] = [:]
    /// Deleted identities, and the orderingId of their deletion.
    var deleted: [IdentityKey: (identity: SecurityIdentity, orderingId: Int64)] = [:]
    /// The highest delete-older-than orderingId: updates below it are ignored.
    var watermark: Int64 = .min
    /// The delete-older-than orderingIds received, in order.
    var olderThanDeletions: [Int64] = []
}
