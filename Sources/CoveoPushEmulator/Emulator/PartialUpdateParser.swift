/// Validates the `partialUpdate` entries of a Stream API file: `{"documentId", "operator", "field", "value"}`,
/// keys compared ignoring case.
enum PartialUpdateParser {
    /// The item keys a partial update may not change (folded to lower case): the item's identity and the keys the
    /// emulator keeps outside metadata.
    private static let reserved: Set<String> = [
        "documentid", "data", "compressedbinarydata", "compressedbinarydatafileid", "compressiontype",
        "fileextension", "parentid", "permissions", "orderingid", "deletechildren",
    ]

    /// Validates one entry.
    ///
    /// - Throws: ``EntryRejection``: ``DroppedItem/Reason/notAnObject``, ``DroppedItem/Reason/missingDocumentId``,
    ///   ``DroppedItem/Reason/invalidDocumentId``, ``DroppedItem/Reason/unknownOperator`` or
    ///   ``DroppedItem/Reason/invalidPartialUpdate``.
    static func parse(_ json: JSONValue) throws(EntryRejection) -> EmulatedPartialUpdate {
        guard case .object = json else { throw EntryRejection(.notAnObject, "a partial update must be an object") }
        guard let documentId = json.member("documentId")?.stringValue, !documentId.isEmpty else {
            throw EntryRejection(.missingDocumentId, "the partial update has no documentId")
        }
        if let problem = EmulatedDocumentId.problem(documentId) {
            throw EntryRejection(.invalidDocumentId, problem)
        }
        guard let name = json.member("operator")?.stringValue else {
            throw EntryRejection(.unknownOperator, "the partial update has no operator")
        }
        guard let operation = EmulatedPartialUpdate.Operator(name: name) else {
            throw EntryRejection(.unknownOperator, "'\(name)' is not a partial update operator")
        }
        guard let field = json.member("field")?.stringValue, !field.isEmpty else {
            throw EntryRejection(.invalidPartialUpdate, "the partial update has no field name")
        }
        guard !reserved.contains(field.lowercased()) else {
            throw EntryRejection(.invalidPartialUpdate, "'\(field)' is reserved; partial updates change fields only")
        }
        guard let value = json.member("value") else {
            throw EntryRejection(.invalidPartialUpdate, "the partial update of '\(field)' has no value")
        }
        try check(value, for: operation, field: field)
        return EmulatedPartialUpdate(documentId: documentId, operation: operation, field: field, value: value)
    }

    /// The entry's document ID, for naming a dropped entry.
    static func identifier(of json: JSONValue) -> String? {
        json.member("documentId")?.stringValue
    }

    private static func check(
        _ value: JSONValue, for operation: EmulatedPartialUpdate.Operator, field: String
    ) throws(EntryRejection) {
        let fits: Bool
        let expected: String
        switch operation {
        case .arrayAppend, .arrayRemove:
            fits = value.arrayValue?.allSatisfy(\.isPrimitive) ?? false
            expected = "an array of strings, numbers or booleans"
        case .fieldValueReplace:
            switch value {
            case .array(let elements): fits = elements.allSatisfy(\.isPrimitive)
            case .object(let members): fits = members.holdsOnlyPrimitives
            default: fits = true
            }
            expected = "a value a field can hold (no nested arrays or objects)"
        case .dictionaryPut:
            fits = value.objectValue?.holdsOnlyPrimitives ?? false
            expected = "an object of strings, numbers or booleans"
        case .dictionaryRemove:
            fits = value.stringValue != nil || (value.arrayValue?.allSatisfy { $0.stringValue != nil } ?? false)
            expected = "a key or an array of keys"
        }
        guard fits else {
            let actual = kind(of: value)
            throw EntryRejection(
                .invalidPartialUpdate, "\(operation.rawValue) on '\(field)' needs \(expected), not \(actual)")
        }
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array(let elements): return elements.allSatisfy(\.isPrimitive) ? "an array" : "a nested array"
        case .object(let members): return members.holdsOnlyPrimitives ? "an object" : "a nested object"
        }
    }
}
