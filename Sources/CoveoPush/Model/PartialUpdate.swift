/// A partial update of one field of a catalog item, sent in the `partialUpdate` array of a Stream API update.
///
/// ```swift
/// try await session.partialUpdate(.arrayAppend(documentId: "https://shop.example.com/p/1", field: "ec_colors", values: ["red"]))
/// try await session.partialUpdate(.fieldValueReplace(documentId: "https://shop.example.com/p/1", field: "ec_price", value: 9.99))
/// ```
///
/// The service only updates items that exist. Operator names are sent as `arrayAppend`, `arrayRemove`,
/// `fieldValueReplace`, `dictionaryPut` and `dictionaryRemove`.
public struct PartialUpdate: Sendable, Hashable {
    /// What the update does to the field.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        /// Appends the values (an array) to an array field.
        case arrayAppend
        /// Removes the values (an array) from an array field.
        case arrayRemove
        /// Replaces the field's value.
        case fieldValueReplace
        /// Adds or replaces the entries (a dictionary) of a dictionary field.
        case dictionaryPut
        /// Removes the keys (a string or an array of strings) from a dictionary field.
        case dictionaryRemove
    }

    /// The item to update.
    public var documentId: String
    /// The operation.
    public var `operator`: Operator
    /// The field to update.
    public var field: String
    /// The operand, whose shape depends on the operator.
    public var value: MetadataValue

    /// Creates a partial update; ``validate()`` checks that the value fits the operator.
    public init(documentId: String, operator: Operator, field: String, value: MetadataValue) {
        self.documentId = documentId
        self.operator = `operator`
        self.field = field
        self.value = value
    }

    /// Appends values to an array field.
    public static func arrayAppend(documentId: String, field: String, values: [MetadataValue]) -> PartialUpdate {
        PartialUpdate(documentId: documentId, operator: .arrayAppend, field: field, value: .array(values))
    }

    /// Removes values from an array field.
    public static func arrayRemove(documentId: String, field: String, values: [MetadataValue]) -> PartialUpdate {
        PartialUpdate(documentId: documentId, operator: .arrayRemove, field: field, value: .array(values))
    }

    /// Replaces a field's value.
    public static func fieldValueReplace(documentId: String, field: String, value: MetadataValue) -> PartialUpdate {
        PartialUpdate(documentId: documentId, operator: .fieldValueReplace, field: field, value: value)
    }

    /// Adds or replaces entries of a dictionary field.
    public static func dictionaryPut(documentId: String, field: String, entries: [String: MetadataValue]) -> PartialUpdate {
        PartialUpdate(documentId: documentId, operator: .dictionaryPut, field: field, value: .dictionary(entries))
    }

    /// Removes keys from a dictionary field.
    public static func dictionaryRemove(documentId: String, field: String, keys: [String]) -> PartialUpdate {
        PartialUpdate(documentId: documentId, operator: .dictionaryRemove, field: field, value: .strings(keys))
    }

    /// Checks the document ID, the field and that the value has the shape the operator needs.
    ///
    /// - Throws: ``ValidationError`` naming the document.
    public func validate() throws(ValidationError) {
        let subject = ValidationError.Subject.document(documentId)
        if let problem = Document.uriProblem(documentId) {
            throw ValidationError(.invalidDocumentId, subject, "the document ID \(problem)")
        }
        if field.isEmpty {
            throw ValidationError(.emptyKey, subject, "a partial update needs a field name")
        }
        if case .reserved(let canonical) = DocumentKeys.kind(of: field) {
            throw ValidationError(.reservedKey, subject, "'\(canonical)' cannot be partially updated")
        }
        if let reason = value.unsupportedReason() {
            throw ValidationError(.unsupportedMetadataValue, subject, "\(`operator`.rawValue) on '\(field)': \(reason)")
        }
        let fits: Bool
        switch (`operator`, value) {
        case (.arrayAppend, .array), (.arrayRemove, .array), (.dictionaryPut, .dictionary), (.fieldValueReplace, _):
            fits = true
        case (.dictionaryRemove, .string):
            fits = true
        case (.dictionaryRemove, .array(let keys)):
            fits = keys.allSatisfy { if case .string = $0 { true } else { false } }
        default:
            fits = false
        }
        if !fits {
            let needed: String
            switch `operator` {
            case .arrayAppend, .arrayRemove: needed = "an array"
            case .dictionaryPut: needed = "a dictionary"
            case .dictionaryRemove: needed = "a string or an array of strings"
            case .fieldValueReplace: needed = "a value"
            }
            throw ValidationError(
                .unsupportedMetadataValue, subject, "\(`operator`.rawValue) on '\(field)' needs \(needed) as its value")
        }
    }
}
