/// A security identity as the emulator keys it: exact name and type.
struct IdentityKey: Hashable, Sendable, Comparable {
    var name: String
    var type: SecurityIdentityType

    init(_ identity: SecurityIdentity) {
        name = identity.name
        type = identity.type
    }

    static func < (lhs: IdentityKey, rhs: IdentityKey) -> Bool {
        (lhs.name, lhs.type.rawValue) < (rhs.name, rhs.type.rawValue)
    }
}
