extension SecurityIdentity {
    /// Builds a security identity from `{"name", "type", "additionalInfo"}` as parsed by ``JSONParser``, then
    /// validates it.
    ///
    /// Keys are matched exactly, as the `Codable` conformance matches them; `additionalInfo` is optional and
    /// `type` may be spelled any way ``SecurityIdentityType/init(lenient:)`` accepts (`USER`, `User`, `user`, …).
    ///
    /// - Throws: ``ValidationError``: ``ValidationError/Rule/emptyIdentifier`` for a missing or empty name,
    ///   ``ValidationError/Rule/invalidParameter`` for a wrong JSON type or an unknown identity type,
    ///   ``ValidationError/Rule/duplicateKey`` for a repeated key.
    package init(json: JSONValue) throws(ValidationError) {
        do {
            try self.init(fields: JSONFields(json))
        } catch {
            throw error.validationError(.identity(json["name"]?.stringValue ?? ""), root: "the identity")
        }
        try validate()
    }

    /// Reads an identity.
    init(fieldsOf json: JSONValue) throws(JSONFieldError) {
        try self.init(fields: JSONFields(json))
    }

    init(fields: JSONFields) throws(JSONFieldError) {
        let name = try fields.requiredString("name", missingRule: .emptyIdentifier)
        let typeText = try fields.requiredString("type")
        guard let type = SecurityIdentityType(rawValue: typeText) ?? SecurityIdentityType(lenient: typeText) else {
            throw JSONFieldError(.invalidParameter, "is not an identity type: '\(typeText)'", at: [.key("type")])
        }
        self.init(name: name, type: type, additionalInfo: try fields.stringDictionary("additionalInfo"))
    }
}

extension MappedIdentity {
    /// Builds a mapped identity from `{"name", "type", "additionalInfo", "provider"}` as parsed by
    /// ``JSONParser``, then validates it. The rules are those of ``SecurityIdentity/init(json:)``; `provider` is
    /// optional.
    ///
    /// - Throws: ``ValidationError`` as ``SecurityIdentity/init(json:)`` does.
    package init(json: JSONValue) throws(ValidationError) {
        do {
            try self.init(fieldsOf: json)
        } catch {
            throw error.validationError(.identity(json["name"]?.stringValue ?? ""), root: "the identity")
        }
        try validate()
    }

    /// Reads a mapped identity.
    init(fieldsOf json: JSONValue) throws(JSONFieldError) {
        let fields = try JSONFields(json)
        let identity = try SecurityIdentity(fields: fields)
        self.init(
            name: identity.name, type: identity.type, additionalInfo: identity.additionalInfo,
            provider: try fields.optionalString("provider"))
    }
}
