/// A field of a Coveo organization's index, as the Field API describes it (its `FieldModel`).
///
/// Only ``name`` and ``type`` are required. Every other option is optional: `nil` leaves it out of a create
/// request, so the service applies its default, and reads as "not given" in a listing.
///
/// ```swift
/// let tags = FieldDefinition(name: "tags", type: .string, multiValueFacet: true)
/// ```
public struct FieldDefinition: Sendable, Hashable, Codable {
    /// The field's name: a lowercase letter, then lowercase letters, digits or `_` (at most 255 characters).
    public var name: String
    /// The field's type.
    public var type: FieldType
    /// Whether the field is a facet (`STRING` fields only may turn it off; default `false` for `STRING`).
    public var facet: Bool?
    /// Whether results can be sorted on the field.
    public var sort: Bool?
    /// Whether a `STRING` field holds several values (an array of strings in metadata).
    public var multiValueFacet: Bool?
    /// Whether the field holds a dictionary (an object in metadata).
    public var keyValue: Bool?
    /// Whether the field can be used in queries (default `true`).
    public var includeInQuery: Bool?
    /// Whether the field is returned in results (default `true`).
    public var includeInResults: Bool?
    /// Whether free-text search looks into the field (`STRING` only).
    public var mergeWithLexicon: Bool?
    /// A description shown in the console.
    public var description: String?

    /// Creates a field definition.
    public init(
        name: String, type: FieldType, facet: Bool? = nil, sort: Bool? = nil, multiValueFacet: Bool? = nil,
        keyValue: Bool? = nil, includeInQuery: Bool? = nil, includeInResults: Bool? = nil,
        mergeWithLexicon: Bool? = nil, description: String? = nil
    ) {
        self.name = name
        self.type = type
        self.facet = facet
        self.sort = sort
        self.multiValueFacet = multiValueFacet
        self.keyValue = keyValue
        self.includeInQuery = includeInQuery
        self.includeInResults = includeInResults
        self.mergeWithLexicon = mergeWithLexicon
        self.description = description
    }
}
