/// The permissions of an item, in one of Coveo's two models.
///
/// ```swift
/// // Simplified model: one or more permission sets.
/// document.permissions = .sets([PermissionSet(allowed: [.group("Staff")])])
/// // Complete model: ordered levels of sets.
/// document.permissions = .levels([
///     PermissionLevel(name: "Admins", sets: [PermissionSet(allowed: [.group("Admins")])]),
///     PermissionLevel(name: "Readers", sets: [PermissionSet(allowed: [.group("Staff")])]),
/// ])
/// ```
///
/// A document without permissions sends no `permissions` key at all.
public enum DocumentPermissions: Sendable, Hashable {
    /// The simplified model: the user must pass every set.
    case sets([PermissionSet])
    /// The complete model: ordered levels, the first conclusive one decides.
    case levels([PermissionLevel])

    /// The number of identities referenced, which the service caps at ``PushLimits/maxPermissionsPerItem``.
    public var identityCount: Int {
        switch self {
        case .sets(let sets): return sets.reduce(0) { $0 + $1.identityCount }
        case .levels(let levels): return levels.reduce(0) { $0 + $1.identityCount }
        }
    }
}

extension DocumentPermissions: Codable {
    private enum ShapeKeys: String, CodingKey {
        case permissionSets
    }

    /// Decodes the `permissions` array: levels when its first element has `permissionSets`, otherwise sets.
    public init(from decoder: any Decoder) throws {
        var probe = try decoder.unkeyedContainer()
        var isLevels = false
        if !probe.isAtEnd, let first = try? probe.nestedContainer(keyedBy: ShapeKeys.self) {
            isLevels = first.contains(.permissionSets)
        }
        let container = try decoder.singleValueContainer()
        self = isLevels ? .levels(try container.decode([PermissionLevel].self))
            : .sets(try container.decode([PermissionSet].self))
    }

    /// Encodes the `permissions` array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .sets(let sets): try container.encode(sets)
        case .levels(let levels): try container.encode(levels)
        }
    }
}
