extension IdentityDeleteBody {
    /// Builds a delete body (an entry of the `deleted` array of an identity batch) from `{"identity"}` as parsed
    /// by ``JSONParser``, then validates it.
    ///
    /// - Throws: ``ValidationError`` naming the identity and the field at fault.
    package init(json: JSONValue) throws(ValidationError) {
        do {
            let fields = try JSONFields(json)
            self.init(identity: try fields.required("identity", SecurityIdentity.init(fieldsOf:)))
        } catch {
            throw error.validationError(.identity(json["identity"]?["name"]?.stringValue ?? ""), root: "the body")
        }
        try validate()
    }
}
