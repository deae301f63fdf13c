/// Validates security identity bodies (single requests and identity batch entries), keys compared ignoring case.
enum IdentityEntryParser {
    /// An `IdentityBody`: `identity`, optional `members` and `wellKnowns`.
    static func member(_ json: JSONValue) throws(EntryRejection) -> IdentityBody {
        IdentityBody(
            identity: try identity(of: json), members: try identities(json.member("members"), "members"),
            wellKnowns: try identities(json.member("wellKnowns"), "wellKnowns"))
    }

    /// An alias body: `identity`, `mappings` and optional `wellKnowns`.
    static func alias(_ json: JSONValue) throws(EntryRejection) -> AliasBody {
        let identity = try identity(of: json)
        var mappings: [MappedIdentity] = []
        if let list = json.member("mappings"), list != .null {
            guard case .array(let entries) = list else {
                throw EntryRejection(.invalidIdentity, "mappings must be an array")
            }
            for entry in entries {
                let mapped = try securityIdentity(entry, "a mapping")
                var provider: String?
                if let value = entry.member("provider"), value != .null {
                    guard let text = value.stringValue else {
                        throw EntryRejection(.invalidIdentity, "a mapping's provider must be a string")
                    }
                    provider = text
                }
                mappings.append(
                    MappedIdentity(
                        name: mapped.name, type: mapped.type, additionalInfo: mapped.additionalInfo,
                        provider: provider))
            }
        }
        return AliasBody(
            identity: identity, mappings: mappings,
            wellKnowns: try identities(json.member("wellKnowns"), "wellKnowns"))
    }

    /// The `identity` of a body (or of a `deleted` entry).
    static func identity(of json: JSONValue) throws(EntryRejection) -> SecurityIdentity {
        guard case .object = json else { throw EntryRejection(.notAnObject, "an identity entry must be an object") }
        guard let value = json.member("identity"), value != .null else {
            throw EntryRejection(.invalidIdentity, "the entry has no identity")
        }
        return try securityIdentity(value, "the identity")
    }

    /// The identity name of an entry, for naming a dropped entry.
    static func identifier(of json: JSONValue) -> String? {
        json.member("identity")?.member("name")?.stringValue
    }

    private static func identities(_ value: JSONValue?, _ name: String) throws(EntryRejection) -> [SecurityIdentity]
    {
        guard let value, value != .null else { return [] }
        guard case .array(let entries) = value else {
            throw EntryRejection(.invalidIdentity, "\(name) must be an array")
        }
        var result: [SecurityIdentity] = []
        for entry in entries { result.append(try securityIdentity(entry, "an entry of \(name)")) }
        return result
    }

    private static func securityIdentity(_ json: JSONValue, _ what: String) throws(EntryRejection)
        -> SecurityIdentity
    {
        guard case .object = json else { throw EntryRejection(.invalidIdentity, "\(what) must be an object") }
        guard let name = json.member("name")?.stringValue, !name.isEmpty else {
            throw EntryRejection(.invalidIdentity, "\(what) needs a non-empty name")
        }
        guard let typeText = json.member("type")?.stringValue, let type = SecurityIdentityType(lenient: typeText) else {
            throw EntryRejection(
                .invalidIdentity, "\(what) '\(name)' needs a type (USER, GROUP, VIRTUAL_GROUP, UNKNOWN)")
        }
        var additionalInfo: [String: String] = [:]
        if let info = json.member("additionalInfo"), info != .null {
            guard case .object(let entries) = info else {
                throw EntryRejection(.invalidIdentity, "the additionalInfo of '\(name)' must be an object")
            }
            for (key, value) in entries {
                guard let text = value.stringValue else {
                    throw EntryRejection(.invalidIdentity, "additionalInfo values of '\(name)' must be strings")
                }
                additionalInfo[key] = text
            }
        }
        return SecurityIdentity(name: name, type: type, additionalInfo: additionalInfo)
    }
}
