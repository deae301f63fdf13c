/// A security identity referenced by an item permission: a user, group, virtual group or unknown identity.
///
/// The identity must exist in the security provider (pushed with the security identity operations);
/// otherwise the service marks it in error and may reject the item later.
///
/// ```swift
/// let reader = PermissionIdentity.user("asmith@example.com")
/// let staff = PermissionIdentity.group("Staff", securityProvider: "My Provider")
/// ```
public struct PermissionIdentity: Sendable, Hashable, Codable {
    /// The identity's name, such as an e-mail address or a group name.
    public var identity: String
    /// The identity's kind.
    public var identityType: PermissionIdentityType
    /// The security provider holding the identity; `nil` for the first provider associated with the source.
    public var securityProvider: String?

    /// Creates an identity reference.
    public init(identity: String, identityType: PermissionIdentityType, securityProvider: String? = nil) {
        self.identity = identity
        self.identityType = identityType
        self.securityProvider = securityProvider
    }

    /// A user.
    public static func user(_ name: String, securityProvider: String? = nil) -> PermissionIdentity {
        PermissionIdentity(identity: name, identityType: .user, securityProvider: securityProvider)
    }

    /// A group.
    public static func group(_ name: String, securityProvider: String? = nil) -> PermissionIdentity {
        PermissionIdentity(identity: name, identityType: .group, securityProvider: securityProvider)
    }

    /// A virtual group.
    public static func virtualGroup(_ name: String, securityProvider: String? = nil) -> PermissionIdentity {
        PermissionIdentity(identity: name, identityType: .virtualGroup, securityProvider: securityProvider)
    }

    /// An identity of unknown kind.
    public static func unknown(_ name: String, securityProvider: String? = nil) -> PermissionIdentity {
        PermissionIdentity(identity: name, identityType: .unknown, securityProvider: securityProvider)
    }
}
