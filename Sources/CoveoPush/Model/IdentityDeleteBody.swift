/// The identity to delete (disable): the body of an identity delete, and an entry of the `deleted` array of an
/// identity batch.
public struct IdentityDeleteBody: Sendable, Hashable, Codable {
    /// The identity to delete.
    public var identity: SecurityIdentity

    /// Creates a delete body.
    public init(identity: SecurityIdentity) {
        self.identity = identity
    }

    /// Checks the identity.
    public func validate() throws(ValidationError) {
        try identity.validate()
    }
}
