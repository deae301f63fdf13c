/// What a crawler or command is about to do, for the privilege check: each need requires a set of privileges.
///
/// This is the SDK's one table of needs and privileges; the `coveo-push check` command and
/// ``PushClient/missingPrivileges(for:sourceId:)`` both read it.
///
/// | Need | Privileges (owner `PLATFORM`, target `*` unless noted) | Confidence |
/// |---|---|---|
/// | ``push`` | `ORGANIZATION:VIEW`, `SOURCE:VIEW`, `SOURCE_ITEMS:EDIT` (target: the source) | assumed |
/// | ``catalog`` | the same as ``push`` | assumed |
/// | ``identities`` | `ORGANIZATION:VIEW`, `SECURITY_PROVIDER:VIEW`, `SECURITY_IDENTITY:EDIT` | assumed |
/// | ``fields`` | `FIELD:VIEW`, `FIELD:CREATE`, `FIELD:EDIT` | high |
/// | ``sources`` | `SOURCE:VIEW`, `SOURCE:CREATE`, `SOURCE:EDIT` | high |
/// | ``providers`` | `SECURITY_PROVIDER:VIEW`, `SECURITY_PROVIDER:CREATE`, `SECURITY_PROVIDER:EDIT` | high |
/// | ``logs`` | `ORGANIZATION:VIEW`, `SOURCE:VIEW` | medium |
///
/// "Assumed" rows come from the console's names for the privileges ("Push items to sources", "Sources View all",
/// "Organization View", "Push identities to security providers"); the API domain names are our guess. Treat a
/// missing assumed privilege as a warning worth checking in the console, not as proof.
public enum PrivilegeNeed: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Pushing items, setting the source status, using file containers (Push API).
    case push
    /// Pushing to a Catalog source (Stream API).
    case catalog
    /// Pushing security identities (Push API identity routes).
    case identities
    /// Listing and creating fields.
    case fields
    /// Listing and creating sources.
    case sources
    /// Creating security identity providers.
    case providers
    /// Reading the Logs API.
    case logs

    /// How sure we are that a need requires exactly these privileges.
    public enum Confidence: String, Sendable, Hashable, CustomStringConvertible {
        /// From Coveo's own code or API specification.
        case high
        /// From Coveo's documentation.
        case medium
        /// Our assumption: Coveo names the privilege in the console, not its API name.
        case assumed

        /// `high`, `medium` or `assumed`.
        public var description: String { rawValue }
    }

    /// `push`, `catalog`, ….
    public var description: String { rawValue }

    /// The privileges the need requires, in the table's order.
    ///
    /// - Parameter sourceId: The source a ``push`` or ``catalog`` need writes to (the target of
    ///   `SOURCE_ITEMS:EDIT`); `nil` checks every source (`*`).
    public func privileges(sourceId: String? = nil) -> [Privilege] {
        let source = sourceId.flatMap { $0.isEmpty ? nil : $0 } ?? "*"
        switch self {
        case .push, .catalog:
            return [
                Privilege(targetDomain: "ORGANIZATION", type: "VIEW"), Privilege(targetDomain: "SOURCE", type: "VIEW"),
                Privilege(targetDomain: "SOURCE_ITEMS", type: "EDIT", targetId: source),
            ]
        case .identities:
            return [
                Privilege(targetDomain: "ORGANIZATION", type: "VIEW"),
                Privilege(targetDomain: "SECURITY_PROVIDER", type: "VIEW"),
                Privilege(targetDomain: "SECURITY_IDENTITY", type: "EDIT"),
            ]
        case .fields: return Self.viewCreateEdit("FIELD")
        case .sources: return Self.viewCreateEdit("SOURCE")
        case .providers: return Self.viewCreateEdit("SECURITY_PROVIDER")
        case .logs:
            return [
                Privilege(targetDomain: "ORGANIZATION", type: "VIEW"), Privilege(targetDomain: "SOURCE", type: "VIEW"),
            ]
        }
    }

    /// How sure we are of ``privileges(sourceId:)``.
    public var confidence: Confidence {
        switch self {
        case .push, .catalog, .identities: .assumed
        case .fields, .sources, .providers: .high
        case .logs: .medium
        }
    }

    /// Where the row comes from, in a few words.
    public var basis: String {
        switch self {
        case .push, .catalog:
            "Coveo docs 1546 name \"Push items to sources\", \"Sources View all\", \"Organization View\"; "
                + "the API domain names are assumed"
        case .identities:
            "Coveo docs 1546 name \"Push identities to security providers\"; the API domain names are assumed"
        case .fields: "Coveo's JavaScript push client checks FIELD VIEW, CREATE and EDIT"
        case .sources: "the Source API specification"
        case .providers: "the Security Cache API specification"
        case .logs: "Coveo docs 59: Organization View and Sources View all"
        }
    }

    private static func viewCreateEdit(_ domain: String) -> [Privilege] {
        ["VIEW", "CREATE", "EDIT"].map { Privilege(targetDomain: domain, type: $0) }
    }
}
