/// A set of allowed and denied identities: the unit of Coveo's simplified permission model.
///
/// A user passes a set when the set allows anonymous access, or when the user is allowed and not denied.
///
/// ```swift
/// let set = PermissionSet(allowed: [.group("Staff")], denied: [.user("intern@example.com")])
/// ```
public struct PermissionSet: Sendable, Hashable {
    /// Whether everyone, even anonymous users, may see the item.
    public var allowAnonymous: Bool
    /// The identities allowed to see the item.
    public var allowed: [PermissionIdentity]
    /// The identities denied, whatever they are allowed elsewhere in the set.
    public var denied: [PermissionIdentity]

    /// Creates a permission set. `allowAnonymous` is always sent explicitly (the service's default has changed).
    public init(allowAnonymous: Bool = false, allowed: [PermissionIdentity] = [], denied: [PermissionIdentity] = []) {
        self.allowAnonymous = allowAnonymous
        self.allowed = allowed
        self.denied = denied
    }

    /// A set that lets everyone see the item.
    public static let anonymous = PermissionSet(allowAnonymous: true)

    /// The number of identities in the set.
    public var identityCount: Int { allowed.count + denied.count }
}

extension PermissionSet: Codable {
    private enum CodingKeys: String, CodingKey {
        case allowAnonymous, allowedPermissions, deniedPermissions
    }

    /// Decodes the wire form (`allowAnonymous`, `allowedPermissions`, `deniedPermissions`; all optional).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        allowAnonymous = try container.decodeIfPresent(Bool.self, forKey: .allowAnonymous) ?? false
        allowed = try container.decodeIfPresent([PermissionIdentity].self, forKey: .allowedPermissions) ?? []
        denied = try container.decodeIfPresent([PermissionIdentity].self, forKey: .deniedPermissions) ?? []
    }

    /// Encodes the wire form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(allowAnonymous, forKey: .allowAnonymous)
        try container.encode(allowed, forKey: .allowedPermissions)
        try container.encode(denied, forKey: .deniedPermissions)
    }
}
