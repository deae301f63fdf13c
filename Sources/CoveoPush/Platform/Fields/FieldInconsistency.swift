/// A metadata key whose values have types no one field can hold (such as `STRING` and `LONG`): found by
/// ``FieldAnalyzer``, which then proposes no field for it.
///
/// Only `LONG` → `LONG_64` → `DOUBLE` widen; every other pair of types is an inconsistency. The two documents are
/// the first two that disagree; they are the same document when one array or dictionary mixes the types.
public struct FieldInconsistency: Sendable, Hashable, CustomStringConvertible {
    /// The field name the key maps to (the key lower-cased).
    public var name: String
    /// The type the key had before the clash (possibly widened), and the document that gave it that type.
    public var firstType: FieldType
    /// The ID of the document that gave the key ``firstType``.
    public var firstDocumentId: String
    /// The type that clashed with ``firstType``.
    public var secondType: FieldType
    /// The ID of the first document whose value had ``secondType``.
    public var secondDocumentId: String
    /// The types that clashed: the two above, then any other type seen later, in the order seen.
    public var types: [FieldType]

    /// Creates the record of an inconsistency.
    public init(
        name: String, firstType: FieldType, firstDocumentId: String, secondType: FieldType,
        secondDocumentId: String, types: [FieldType]
    ) {
        self.name = name
        self.firstType = firstType
        self.firstDocumentId = firstDocumentId
        self.secondType = secondType
        self.secondDocumentId = secondDocumentId
        self.types = types
    }

    /// `'NAME': TYPE in document 'A', TYPE in document 'B'`.
    public var description: String {
        "'\(name)': \(firstType) in document '\(firstDocumentId)', \(secondType) in document '\(secondDocumentId)'"
    }
}
