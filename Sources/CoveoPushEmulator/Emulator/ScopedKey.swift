/// A source or provider, named within its organization.
struct ScopedKey: Hashable, Sendable {
    var organizationId: String
    var id: String
}
