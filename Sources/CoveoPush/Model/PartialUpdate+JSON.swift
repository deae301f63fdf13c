extension PartialUpdate {
    /// Builds a partial update (an entry of a catalog batch's `partialUpdate` array) from
    /// `{"documentId", "operator", "field", "value"}` as parsed by ``JSONParser``, then validates it. Keys are
    /// compared exactly, as the Stream API does; the operator is one of ``Operator``'s raw values.
    ///
    /// - Throws: ``ValidationError`` naming the document and the field at fault.
    package init(json: JSONValue) throws(ValidationError) {
        let documentId = json["documentId"]?.stringValue ?? ""
        do throws(JSONFieldError) {
            let fields = try JSONFields(json)
            let id = try fields.requiredString("documentId", missingRule: .invalidDocumentId)
            let operatorName = try fields.requiredString("operator")
            guard let kind = Operator(rawValue: operatorName) else {
                let names = Operator.allCases.map(\.rawValue).joined(separator: ", ")
                throw JSONFieldError(
                    .invalidParameter, "must be one of \(names), not '\(operatorName)'", at: [.key("operator")])
            }
            let field = try fields.requiredString("field")
            let value = try fields.required("value", MetadataValue.init(json:))
            self.init(documentId: id, operator: kind, field: field, value: value)
        } catch {
            throw error.validationError(.document(documentId), root: "the partial update")
        }
        try validate()
    }
}
