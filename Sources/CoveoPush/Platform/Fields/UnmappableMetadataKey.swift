/// A metadata key that no field can ever have, so the service would drop its values: found by ``FieldAnalyzer``.
public struct UnmappableMetadataKey: Sendable, Hashable, CustomStringConvertible {
    /// Why no field can have the key.
    public enum Reason: String, Sendable, Hashable {
        /// Even lower-cased, the key does not follow `^[a-z][a-z0-9_]*$`: it starts with something other than a
        /// letter, or holds a character other than ASCII letters, digits and `_`.
        case invalidName
        /// The key is longer than 255 characters.
        case tooLong
        /// The key is reserved by the Push API or set through a `Document` property (`data`, `title`, …).
        case reserved
    }

    /// The key, as the first document that carried it spelled it.
    public var key: String
    /// Why no field can have it.
    public var reason: Reason
    /// The ID of the first document that carried it.
    public var documentId: String

    /// Creates the record of an unmappable key.
    public init(key: String, reason: Reason, documentId: String) {
        self.key = key
        self.reason = reason
        self.documentId = documentId
    }

    /// `'KEY' (document 'ID'): WHY`.
    public var description: String {
        let why: String
        switch reason {
        case .invalidName:
            why = "a field name is a lowercase letter, then lowercase letters, digits or '_'"
        case .tooLong:
            why = "a field name has at most \(FieldName.maximumLength) characters"
        case .reserved:
            why = "the key is reserved or set through a document property"
        }
        return "'\(key)' (document '\(documentId)'): \(why)"
    }
}
