/// What ``FieldAnalyzer`` found in the documents it was given: the fields to create and every problem that
/// would make metadata unsearchable.
///
/// Nothing should be created while ``isClean`` is false: `coveo-push fields sync` creates nothing then.
public struct FieldAnalysisReport: Sendable, Hashable {
    /// The fields the metadata needs that do not exist yet, in the order their keys were first seen: the key
    /// lower-cased, the type of its values, `multiValueFacet` for arrays of strings and `keyValue` for
    /// dictionaries. Keys with an inconsistency, a conflict or an unusable name are left out, as are fields
    /// ``FieldAnalyzer/takeNewFields()`` already returned.
    public var fieldsToCreate: [FieldDefinition]
    /// Keys whose values have types no one field can hold.
    public var inconsistencies: [FieldInconsistency]
    /// Existing fields whose type the metadata does not fit.
    public var conflicts: [FieldConflict]
    /// Keys no field can ever have.
    public var unmappableKeys: [UnmappableMetadataKey]
    /// The existing fields the metadata maps to (so nothing is created for them), as the listing spells them,
    /// in the order their keys were first seen.
    public var existingFieldNames: [String]
    /// Keys seen only with empty arrays or dictionaries: no evidence of a type, so no field is proposed yet.
    public var keysWithoutValues: [String]
    /// The number of documents analysed.
    public var documentCount: Int

    /// Creates a report.
    public init(
        fieldsToCreate: [FieldDefinition] = [], inconsistencies: [FieldInconsistency] = [],
        conflicts: [FieldConflict] = [], unmappableKeys: [UnmappableMetadataKey] = [],
        existingFieldNames: [String] = [], keysWithoutValues: [String] = [], documentCount: Int = 0
    ) {
        self.fieldsToCreate = fieldsToCreate
        self.inconsistencies = inconsistencies
        self.conflicts = conflicts
        self.unmappableKeys = unmappableKeys
        self.existingFieldNames = existingFieldNames
        self.keysWithoutValues = keysWithoutValues
        self.documentCount = documentCount
    }

    /// Whether there is no inconsistency, no conflict and no unmappable key.
    public var isClean: Bool { inconsistencies.isEmpty && conflicts.isEmpty && unmappableKeys.isEmpty }
}
