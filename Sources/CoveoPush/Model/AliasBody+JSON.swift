extension AliasBody {
    /// Builds an alias body (an entry of the `mappings` array of an identity batch) from
    /// `{"identity", "mappings", "wellKnowns"}` as parsed by ``JSONParser``, then validates it.
    ///
    /// `mappings` and `wellKnowns` are optional; identities follow the rules of ``SecurityIdentity/init(json:)``.
    ///
    /// - Throws: ``ValidationError`` naming the body's identity and the field at fault.
    package init(json: JSONValue) throws(ValidationError) {
        do {
            let fields = try JSONFields(json)
            self.init(
                identity: try fields.required("identity", SecurityIdentity.init(fieldsOf:)),
                mappings: try fields.array("mappings", MappedIdentity.init(fieldsOf:)),
                wellKnowns: try fields.array("wellKnowns", SecurityIdentity.init(fieldsOf:)))
        } catch {
            throw error.validationError(.identity(json["identity"]?["name"]?.stringValue ?? ""), root: "the body")
        }
        try validate()
    }
}
