import CoveoPush

/// A Platform API request read and checked, ready to be applied to the emulator's state.
enum PlatformWork: Sendable {
    /// A field listing (legacy `GET` or search).
    case listFields(FieldQuery)
    case getField(name: String)
    /// One field or a batch; applied all or nothing.
    case createFields([EmulatedField])
    /// Field names to delete; applied all or nothing.
    case deleteFields([String])
    case createSource(SourceDraft)
    case getSource(id: String)
    case deleteSource(id: String)
    /// A page of the sources the filter selects, or every source as a plain array when `page` is `nil`.
    case listSources(page: PageRequest?, filter: SourceFilter)
    /// A provider model to store under `id`; `createOnly` refuses an existing ID (`POST`).
    case putProvider(JSONObject, id: String, createOnly: Bool)
    case getProvider(id: String)
    case deleteProvider(id: String)
    case listProviders
    /// A privilege evaluation: the organization named in the body and the requested privilege as sent.
    case evaluate(organizationId: String, requested: JSONValue, privilege: EmulatedPrivilege)
}

/// A 0-based page of a listing.
struct PageRequest: Sendable {
    var page: Int
    var perPage: Int
}

/// What a field listing selects: the page, the filters of `FieldListingOptions`, and the order (by name).
struct FieldQuery: Sendable {
    var page: PageRequest
    /// A substring of the name, compared ignoring case.
    var nameContains: String?
    var type: FieldType?
    /// `USER` (created fields), `SYSTEM` (standard fields), or `nil` for all.
    var origin: String?
    /// Exact names.
    var names: Set<String>?
    var descending = false
}

/// A field as the emulator holds it: the definition with every default filled in, and whether it is a standard
/// (system) field of the organization.
struct EmulatedField: Sendable {
    var definition: FieldDefinition
    var system: Bool
}

/// What a source listing selects (`filter`, `stringFilterType`, `filterHostType`); empty selects every source.
struct SourceFilter: Sendable {
    /// Text the name contains (or equals, with ``exactMatch``), compared ignoring case.
    var text: String?
    var exactMatch = false
    /// `PUSH` or `CATALOG`, compared with the source type.
    var hostType: String?

    func selects(_ draft: SourceDraft) -> Bool {
        if let hostType, hostType != draft.sourceType { return false }
        guard let text = text?.lowercased() else { return true }
        let name = draft.name.lowercased()
        return exactMatch ? name == text : name.contains(text)
    }
}

/// A source to create, validated.
struct SourceDraft: Sendable {
    var name: String
    /// `PUSH` or `CATALOG`.
    var sourceType: String
    /// `PRIVATE`, `SECURED` or `SHARED`.
    var visibility: String
    var pushEnabled: Bool
    var streamEnabled: Bool
}
