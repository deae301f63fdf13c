import Foundation

/// A privilege of the Coveo platform: an owner, a target domain, a type and a target, written
/// `DOMAIN:TYPE` (owner `PLATFORM`) or `OWNER:DOMAIN:TYPE`, upper case, such as `FIELD:CREATE`.
///
/// ```swift
/// let privilege = try Privilege(parsing: "SOURCE_ITEMS:EDIT", targetId: sourceId)
/// privilege.name  // "SOURCE_ITEMS:EDIT"
/// ```
public struct Privilege: Sendable, Hashable, CustomStringConvertible {
    /// The owner, `PLATFORM` for every privilege this SDK checks.
    public var owner: String
    /// The target domain, such as `FIELD`.
    public var targetDomain: String
    /// The type, such as `CREATE`, `VIEW` or `EDIT`.
    public var type: String
    /// The target: `*` for every resource of the domain, or one resource's ID (a source ID).
    public var targetId: String

    /// Creates a privilege.
    public init(owner: String = "PLATFORM", targetDomain: String, type: String, targetId: String = "*") {
        self.owner = owner.uppercased()
        self.targetDomain = targetDomain.uppercased()
        self.type = type.uppercased()
        self.targetId = targetId
    }

    /// Parses `DOMAIN:TYPE` or `OWNER:DOMAIN:TYPE` (case-insensitive).
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/invalidParameter`` naming the text.
    public init(parsing name: String, targetId: String = "*") throws(ValidationError) {
        let parts = name.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
            .map(String.init)
        let valid = parts.allSatisfy { part in
            !part.isEmpty
                && part.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x5F }
        }
        guard valid, parts.count == 2 || parts.count == 3 else {
            throw ValidationError(
                .invalidParameter, .configuration("privilege"),
                "'\(name)' is not a privilege name (DOMAIN:TYPE or OWNER:DOMAIN:TYPE, such as FIELD:CREATE)")
        }
        if parts.count == 2 {
            self.init(targetDomain: parts[0], type: parts[1], targetId: targetId)
        } else {
            self.init(owner: parts[0], targetDomain: parts[1], type: parts[2], targetId: targetId)
        }
    }

    /// `DOMAIN:TYPE`, or `OWNER:DOMAIN:TYPE` when the owner is not `PLATFORM`. The target is not part of the name.
    public var name: String {
        owner == "PLATFORM" ? "\(targetDomain):\(type)" : "\(owner):\(targetDomain):\(type)"
    }

    /// The ``name``, then the target when it is not `*`: `SOURCE_ITEMS:EDIT (target acme-src)`.
    public var description: String { targetId == "*" ? name : "\(name) (target \(targetId))" }

    /// `{"owner":…,"targetDomain":…,"type":…,"targetId":…}`, the `requestedPrivilege` of an evaluation.
    var json: JSONValue {
        [
            "owner": .string(owner), "targetDomain": .string(targetDomain), "type": .string(type),
            "targetId": .string(targetId),
        ]
    }
}
