/// A Platform API privilege, as the emulator evaluates and denies it: an owner, a target domain and a type.
///
/// Written `DOMAIN:TYPE` (owner `PLATFORM`) or `OWNER:DOMAIN:TYPE`, such as `FIELD:CREATE`. A denied privilege
/// is denied on every target (`targetId` is not compared).
///
/// ```swift
/// var configuration = InMemoryPushService.Configuration()
/// configuration.deniedPrivileges = [EmulatedPrivilege("FIELD:CREATE")!]
/// ```
public struct EmulatedPrivilege: Sendable, Hashable, CustomStringConvertible {
    /// The owner, such as `PLATFORM`.
    public var owner: String
    /// The target domain, such as `FIELD`.
    public var targetDomain: String
    /// The type, such as `CREATE`.
    public var type: String

    /// Creates a privilege; the names are folded to upper case.
    public init(owner: String = "PLATFORM", targetDomain: String, type: String) {
        self.owner = owner.uppercased()
        self.targetDomain = targetDomain.uppercased()
        self.type = type.uppercased()
    }

    /// Parses `DOMAIN:TYPE` or `OWNER:DOMAIN:TYPE` (letters, digits and `_`, a letter first, any case); `nil`
    /// when the text has another shape.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).uppercased() }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy(Self.isName) else { return nil }
        self.init(
            owner: parts.count == 3 ? parts[0] : "PLATFORM", targetDomain: parts[parts.count - 2],
            type: parts[parts.count - 1])
    }

    /// `DOMAIN:TYPE` when the owner is `PLATFORM`, else `OWNER:DOMAIN:TYPE`.
    public var description: String {
        owner == "PLATFORM" ? "\(targetDomain):\(type)" : "\(owner):\(targetDomain):\(type)"
    }

    /// The privileges the emulator's routes require, in the shared naming (see `Documentation/Testing.md`).
    public static let known: [EmulatedPrivilege] = [
        "ORGANIZATION:VIEW", "SOURCE:VIEW", "SOURCE:CREATE", "SOURCE:EDIT", "SOURCE_ITEMS:EDIT",
        "SECURITY_PROVIDER:VIEW", "SECURITY_PROVIDER:CREATE", "SECURITY_PROVIDER:EDIT", "SECURITY_IDENTITY:EDIT",
        "FIELD:VIEW", "FIELD:CREATE", "FIELD:EDIT",
    ].compactMap { EmulatedPrivilege($0) }

    /// Whether the text is an upper-case name: a letter, then letters, digits or `_`.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
