/// A privilege the key or token lacks, with the needs that require it.
public struct MissingPrivilege: Sendable, Hashable, CustomStringConvertible {
    /// The privilege.
    public var privilege: Privilege
    /// The needs that require it, in the order they were asked for.
    public var neededBy: [PrivilegeNeed]
    /// The service's reasons (`OPERATION_NOT_ALLOWED`, …).
    public var resultCodes: [String]

    /// Creates the value.
    public init(privilege: Privilege, neededBy: [PrivilegeNeed], resultCodes: [String] = []) {
        self.privilege = privilege
        self.neededBy = neededBy
        self.resultCodes = resultCodes
    }

    /// Whether every need that requires it has an assumed privilege model (``PrivilegeNeed/Confidence/assumed``).
    public var isAssumed: Bool { neededBy.allSatisfy { $0.confidence == .assumed } }

    /// `SOURCE_ITEMS:EDIT (needed by push; assumed)`.
    public var description: String {
        let needs = neededBy.map(\.rawValue).joined(separator: ", ")
        return "\(privilege) (needed by \(needs)\(isAssumed ? "; assumed" : ""))"
    }
}
