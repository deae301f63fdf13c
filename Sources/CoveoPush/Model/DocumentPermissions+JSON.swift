extension DocumentPermissions {
    /// Reads the `permissions` array of an item, with the rules of the `Codable` conformance: levels when the
    /// first element has a `permissionSets` key, otherwise sets; identity types in any accepted spelling.
    init(json: JSONValue) throws(JSONFieldError) {
        guard case .array(let elements) = json else { throw JSONFieldError.type("an array", json) }
        if elements.first?.objectValue?["permissionSets"] != nil {
            self = .levels(
                try JSONFields.array(json) { (value) throws(JSONFieldError) in
                    let fields = try JSONFields(value)
                    return PermissionLevel(
                        name: try fields.optionalString("name"),
                        sets: try fields.array("permissionSets", PermissionSet.init(json:)))
                })
        } else {
            self = .sets(try JSONFields.array(json, PermissionSet.init(json:)))
        }
    }
}

extension PermissionSet {
    /// Reads `{"allowAnonymous", "allowedPermissions", "deniedPermissions"}`, all optional.
    init(json: JSONValue) throws(JSONFieldError) {
        let fields = try JSONFields(json)
        self.init(
            allowAnonymous: try fields.optionalBool("allowAnonymous") ?? false,
            allowed: try fields.array("allowedPermissions", PermissionIdentity.init(json:)),
            denied: try fields.array("deniedPermissions", PermissionIdentity.init(json:)))
    }
}

extension PermissionIdentity {
    /// Reads `{"identity", "identityType", "securityProvider"}`; the provider is optional and the type may be
    /// spelled any way ``PermissionIdentityType/init(lenient:)`` accepts.
    init(json: JSONValue) throws(JSONFieldError) {
        let fields = try JSONFields(json)
        let identity = try fields.requiredString("identity")
        let typeText = try fields.requiredString("identityType")
        guard let type = PermissionIdentityType(rawValue: typeText) ?? PermissionIdentityType(lenient: typeText) else {
            throw JSONFieldError(
                .invalidParameter, "is not an identity type: '\(typeText)'", at: [.key("identityType")])
        }
        self.init(
            identity: identity, identityType: type, securityProvider: try fields.optionalString("securityProvider"))
    }
}
