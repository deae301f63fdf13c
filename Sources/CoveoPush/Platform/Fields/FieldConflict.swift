/// A field that already exists with a type the metadata does not fit: found by ``FieldAnalyzer`` and reported,
/// never changed.
///
/// An existing type that the values widen into is not a conflict: `LONG` values fit a `LONG_64` or `DOUBLE`
/// field, `LONG_64` values a `DOUBLE` field, and strings that all read as ISO 8601 dates a `DATE` field.
public struct FieldConflict: Sendable, Hashable, CustomStringConvertible {
    /// The field as it exists (as the organization's listing spells it).
    public var existing: FieldDefinition
    /// The type the metadata needs.
    public var analyzedType: FieldType
    /// The ID of the first document whose value does not fit the existing field.
    public var documentId: String

    /// Creates the record of a conflict.
    public init(existing: FieldDefinition, analyzedType: FieldType, documentId: String) {
        self.existing = existing
        self.analyzedType = analyzedType
        self.documentId = documentId
    }

    /// `'NAME' exists as TYPE; document 'ID' needs TYPE`.
    public var description: String {
        "'\(existing.name)' exists as \(existing.type); document '\(documentId)' needs \(analyzedType)"
    }
}
