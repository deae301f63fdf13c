import CoveoPush

/// What a new organization of the emulator starts with: the standard fields (an assumption; listed in
/// `Documentation/Testing.md`) and the built-in Email Security Provider.
enum StandardFields {
    /// The standard fields and their types.
    static let definitions: [(name: String, type: FieldType)] = [
        ("permanentid", .string), ("title", .string), ("author", .string), ("date", .date), ("uri", .string),
        ("clickableuri", .string), ("filetype", .string), ("size", .long64), ("source", .string),
        ("language", .string), ("urihash", .string), ("sourcetype", .string), ("filename", .string),
        ("printableuri", .string), ("collection", .string), ("indexeddate", .date),
    ]

    /// The standard fields by name, defaults filled in, marked `system`.
    static let byName: [String: EmulatedField] = Dictionary(
        uniqueKeysWithValues: definitions.map {
            (
                $0.name,
                EmulatedField(definition: withDefaults(FieldDefinition(name: $0.name, type: $0.type)), system: true)
            )
        })

    /// The ID of the built-in provider that expanded providers cascade to.
    static let emailProviderId = "Email Security Provider"

    /// The built-in provider's model.
    static let emailProvider: JSONObject = [
        "id": .string(emailProviderId), "displayName": .string(emailProviderId), "type": "EMAIL",
        "nodeRequired": false,
    ]

    /// A definition with the service's defaults for every option left out: `facet` and `sort` `false` for `STRING`
    /// and `true` otherwise, `includeInQuery` and `includeInResults` `true`, the rest `false`.
    static func withDefaults(_ definition: FieldDefinition) -> FieldDefinition {
        var field = definition
        let isString = field.type == .string
        field.facet = field.facet ?? !isString
        field.sort = field.sort ?? !isString
        field.multiValueFacet = field.multiValueFacet ?? false
        field.keyValue = field.keyValue ?? false
        field.includeInQuery = field.includeInQuery ?? true
        field.includeInResults = field.includeInResults ?? true
        field.mergeWithLexicon = field.mergeWithLexicon ?? false
        return field
    }
}
