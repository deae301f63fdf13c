import CoveoPush
import Foundation

/// Reads and checks Platform API requests: query parameters, bodies, field models, source and provider models,
/// privilege requests. Rules that need the organization's state (duplicates, references) are checked when the work
/// is applied.
extension RequestPreparer {
    /// The most fields one `batch/create` request may hold (an assumption: the JavaScript client's batch size).
    static let maxFieldsPerBatch = 500
    /// The most items a listing page may hold.
    static let maxPerPage = 1000
    /// The field types the Field API knows.
    static let fieldTypes: Set<String> = ["LONG", "LONG_64", "DOUBLE", "DATE", "STRING", "VECTOR"]
    /// The boolean options of a field model the emulator keeps or checks.
    static let fieldBooleans = [
        "facet", "sort", "multiValueFacet", "keyValue", "includeInQuery", "includeInResults", "mergeWithLexicon",
        "hierarchicalFacet", "ranking", "stemming", "multilingual", "smartDateFacet", "system",
    ]

    func platformWork(
        _ match: EmulatorRouter.Match, _ query: EmulatorQuery, _ request: TransportRequest, _ body: RequestBody?,
        _ outcome: inout Outcome
    ) throws -> PlatformWork {
        let organization = match.organizationId
        outcome.faultKey = match.targetId.isEmpty ? organization : "\(organization)/\(match.targetId)"
        switch match.route {
        case .listFields:
            var fieldQuery = FieldQuery(page: try Self.page(query))
            fieldQuery.nameContains = query.items["filter"].flatMap { $0.isEmpty ? nil : $0 }
            if let type = query.items["type"], !type.isEmpty { fieldQuery.type = try Self.fieldType(type, "type") }
            if let order = query.items["order"] { fieldQuery.descending = try Self.descending(order, "order") }
            return .listFields(fieldQuery)
        case .searchFields:
            let options = try platformBody(request, body, name: "FieldListingOptions", required: false, &outcome)
            return .listFields(try Self.fieldSearch(options ?? .object([:])))
        case .getField:
            return .getField(name: match.targetId)
        case .createField:
            let json = try platformBody(request, body, name: "fieldModel", required: true, &outcome) ?? .null
            let field = try Self.field(json, position: nil)
            outcome.faultKey = "\(organization)/\(field.definition.name)"
            return .createFields([field])
        case .createFields:
            let json = try platformBody(request, body, name: "fieldModels", required: true, &outcome) ?? .null
            guard case .array(let elements) = json else {
                throw EmulatorRefusal(.invalidJSON("the body must be a JSON array of field models"))
            }
            guard elements.count <= Self.maxFieldsPerBatch else {
                throw EmulatorRefusal(
                    .invalidParameter(
                        "fieldModels",
                        "a batch holds at most \(Self.maxFieldsPerBatch) fields, not \(elements.count)"))
            }
            var fields: [EmulatedField] = []
            var names: Set<String> = []
            for (position, element) in elements.enumerated() {
                let field = try Self.field(element, position: position)
                guard names.insert(field.definition.name).inserted else {
                    throw EmulatorRefusal(
                        .error(
                            412, "FIELD_ALREADY_EXISTS",
                            "The field '\(field.definition.name)' is given more than once in the batch."))
                }
                fields.append(field)
            }
            return .createFields(fields)
        case .deleteField:
            return .deleteFields([match.targetId])
        case .deleteFields:
            // `fields=a,b` or `fields=a&fields=b`: the match keeps only the first of each name, so read the URL.
            let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            let names = items.filter { $0.name == "fields" }.flatMap {
                ($0.value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            .filter { !$0.isEmpty }
            guard !names.isEmpty else { throw EmulatorRefusal(.missingParameter("fields")) }
            return .deleteFields(names)
        case .deleteSource:
            return .deleteSource(id: match.targetId)
        case .deleteSecurityProvider:
            return .deleteProvider(id: match.targetId)
        case .createSource:
            _ = try query.bool("updateSecurityProviders")
            _ = try query.bool("rebuild")
            let json = try platformBody(request, body, name: "sourceModel", required: true, &outcome) ?? .null
            let draft = try Self.source(json)
            outcome.faultKey = "\(organization)/\(draft.name)"
            return .createSource(draft)
        case .getSource:
            return .getSource(id: match.targetId)
        case .listSourcePages:
            return .listSources(page: try Self.page(query), filter: try Self.sourceFilter(query))
        case .listSources:
            return .listSources(page: nil, filter: SourceFilter())
        case .createSecurityProvider, .createOrUpdateSecurityProvider:
            let json = try platformBody(request, body, name: "securityProvider", required: true, &outcome) ?? .null
            guard case .object(var model) = json else {
                throw EmulatorRefusal(.invalidJSON("the body must be a JSON object"))
            }
            let pathId = match.route == .createOrUpdateSecurityProvider ? match.targetId : nil
            let id = try Self.providerId(model, pathId: pathId)
            try Self.checkProvider(model)
            model.put("id", .string(id))
            outcome.faultKey = "\(organization)/\(id)"
            return .putProvider(model, id: id, createOnly: pathId == nil)
        case .getSecurityProvider:
            return .getProvider(id: match.targetId)
        case .listSecurityProviders:
            return .listProviders
        default:
            let json = try platformBody(request, body, name: "privilegeEvaluation", required: true, &outcome) ?? .null
            guard case .object(let object) = json else {
                throw EmulatorRefusal(.invalidJSON("the body must be a JSON object"))
            }
            let organizationId = try Self.optionalString(object["organizationId"], "organizationId") ?? ""
            outcome.faultKey = organizationId
            guard let requested = object["requestedPrivilege"], requested != .null else {
                throw EmulatorRefusal(.missingParameter("requestedPrivilege"))
            }
            guard case .object(let privilege) = requested else {
                throw EmulatorRefusal(.invalidParameter("requestedPrivilege", "it must be an object"))
            }
            let owner = try Self.optionalString(privilege["owner"], "requestedPrivilege.owner") ?? "PLATFORM"
            guard let domain = try Self.optionalString(privilege["targetDomain"], "requestedPrivilege.targetDomain"),
                let type = try Self.optionalString(privilege["type"], "requestedPrivilege.type")
            else {
                throw EmulatorRefusal(.missingParameter("requestedPrivilege.targetDomain and type"))
            }
            _ = try Self.optionalString(privilege["targetId"], "requestedPrivilege.targetId")
            return .evaluate(
                organizationId: organizationId, requested: requested,
                privilege: EmulatedPrivilege(owner: owner, targetDomain: domain, type: type))
        }
    }

    // MARK: - Bodies and queries

    /// A Platform API body: within the request size limit, of a JSON media type, valid JSON (any value); `nil`
    /// when there is none and `required` is false.
    private func platformBody(
        _ request: TransportRequest, _ body: RequestBody?, name: String, required: Bool, _ outcome: inout Outcome
    ) throws -> JSONValue? {
        let limit = configuration.limits.maxRequestBytes
        guard let data = try loadBody(body, limit: limit, &outcome, oversized: { .tooLarge(limit) }), !data.isEmpty
        else {
            if required { throw EmulatorRefusal(.missingParameter(name)) }
            return nil
        }
        guard Self.isJSONMediaType(request.headers["Content-Type"]) else {
            throw EmulatorRefusal(
                .error(415, "UNSUPPORTED_MEDIA_TYPE", "The Content-Type must be application/json."))
        }
        do {
            return try EmulatedJSONParser.parse(data)
        } catch {
            throw EmulatorRefusal(.invalidJSON(error.message))
        }
    }

    /// `page` (0-based, default 0) and `perPage` (1…1000, default 100) of a listing's query.
    private static func page(_ query: EmulatorQuery) throws(EmulatorRefusal) -> PageRequest {
        PageRequest(
            page: try integer(query.items["page"], "page", in: 0...Int(Int32.max)) ?? 0,
            perPage: try integer(query.items["perPage"], "perPage", in: 1...maxPerPage) ?? 100)
    }

    private static func integer(_ text: String?, _ name: String, in range: ClosedRange<Int>) throws(EmulatorRefusal)
        -> Int?
    {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw EmulatorRefusal(
                .invalidParameter(name, "'\(text)' is not an integer from \(range.lowerBound) to \(range.upperBound)"))
        }
        return value
    }

    private static func fieldType(_ text: String, _ name: String) throws(EmulatorRefusal) -> FieldType {
        guard fieldTypes.contains(text) else {
            throw EmulatorRefusal(
                .invalidParameter(
                    name, "'\(text)' is not a field type (\(fieldTypes.sorted().joined(separator: ", ")))"))
        }
        return FieldType(rawValue: text)
    }

    private static func descending(_ text: String, _ name: String) throws(EmulatorRefusal) -> Bool {
        switch text {
        case "ASC": return false
        case "DESC": return true
        default: throw EmulatorRefusal(.invalidParameter(name, "'\(text)' is not ASC or DESC"))
        }
    }

    /// A string member, `nil` when absent or `null`.
    private static func optionalString(_ value: JSONValue?, _ name: String) throws(EmulatorRefusal) -> String? {
        guard let value, value != .null else { return nil }
        guard let text = value.stringValue else {
            throw EmulatorRefusal(.invalidParameter(name, "it must be a string, not \(value.kindDescription)"))
        }
        return text
    }

    /// A boolean member, `nil` when absent or `null`.
    private static func optionalBool(_ value: JSONValue?, _ name: String) throws(EmulatorRefusal) -> Bool? {
        guard let value, value != .null else { return nil }
        guard let flag = value.boolValue else {
            throw EmulatorRefusal(.invalidParameter(name, "it must be true or false, not \(value.kindDescription)"))
        }
        return flag
    }

    private static func integerMember(_ value: JSONValue?, _ name: String, in range: ClosedRange<Int>)
        throws(EmulatorRefusal) -> Int?
    {
        guard let value, value != .null else { return nil }
        guard let number = value.int64Value, let int = Int(exactly: number), range.contains(int) else {
            throw EmulatorRefusal(
                .invalidParameter(name, "it must be an integer from \(range.lowerBound) to \(range.upperBound)"))
        }
        return int
    }

    // MARK: - Fields

    /// Whether a name follows the Field API's rule `^[a-z][a-z0-9_]{0,254}$`.
    static func isValidFieldName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 255, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }

    /// A `FieldModel`: a valid name, a known type, options of the right JSON type and allowed for the type.
    static func field(_ json: JSONValue, position: Int?) throws(EmulatorRefusal) -> EmulatedField {
        let label = position.map { "fieldModels[\($0)]" } ?? "fieldModel"
        guard case .object(let object) = json else {
            throw EmulatorRefusal(.invalidParameter(label, "a field model is a JSON object"))
        }
        guard let name = try optionalString(object["name"], "\(label).name") else {
            throw EmulatorRefusal(.missingParameter("\(label).name"))
        }
        guard isValidFieldName(name) else {
            throw EmulatorRefusal(
                .invalidParameter(
                    "\(label).name",
                    "'\(name)' is not a field name: a lowercase letter, then lowercase letters, digits or '_', "
                        + "at most 255 characters"))
        }
        guard let typeText = try optionalString(object["type"], "\(label).type") else {
            throw EmulatorRefusal(.missingParameter("\(label).type"))
        }
        let type = try fieldType(typeText, "\(label).type")
        var flags: [String: Bool] = [:]
        for option in fieldBooleans {
            flags[option] = try optionalBool(object[option], "\(label).\(option)")
        }
        if flags["system"] == true {
            throw EmulatorRefusal(.invalidParameter("\(label).system", "a created field cannot be a system field"))
        }
        if type != .string {
            for option in ["facet", "sort"] where flags[option] == false {
                throw EmulatorRefusal(
                    .invalidParameter("\(label).\(option)", "it cannot be false on a \(type) field"))
            }
            for option in ["multiValueFacet", "mergeWithLexicon", "hierarchicalFacet", "ranking", "stemming"]
            where flags[option] == true {
                throw EmulatorRefusal(
                    .invalidParameter("\(label).\(option)", "it applies to STRING fields only, not \(type)"))
            }
        }
        if flags["smartDateFacet"] == true && type != .date {
            throw EmulatorRefusal(.invalidParameter("\(label).smartDateFacet", "it applies to DATE fields only"))
        }
        let definition = FieldDefinition(
            name: name, type: type, facet: flags["facet"], sort: flags["sort"],
            multiValueFacet: flags["multiValueFacet"], keyValue: flags["keyValue"],
            includeInQuery: flags["includeInQuery"], includeInResults: flags["includeInResults"],
            mergeWithLexicon: flags["mergeWithLexicon"],
            description: try optionalString(object["description"], "\(label).description"))
        return EmulatedField(definition: StandardFields.withDefaults(definition), system: false)
    }

    /// `FieldListingOptions`: `page`, `perPage`, `sortBy` (`name` only), `order`, and `filters` `name`, `type`,
    /// `origin`, `fieldNames`; other filters are accepted and ignored.
    static func fieldSearch(_ json: JSONValue) throws(EmulatorRefusal) -> FieldQuery {
        guard case .object(let object) = json else {
            throw EmulatorRefusal(.invalidJSON("the body must be a JSON object"))
        }
        var query = FieldQuery(
            page: PageRequest(
                page: try integerMember(object["page"], "page", in: 0...Int(Int32.max)) ?? 0,
                perPage: try integerMember(object["perPage"], "perPage", in: 1...maxPerPage) ?? 100))
        if let sortBy = try optionalString(object["sortBy"], "sortBy"), sortBy != "name" {
            throw EmulatorRefusal(.invalidParameter("sortBy", "the emulator sorts by 'name' only, not '\(sortBy)'"))
        }
        if let order = try optionalString(object["order"], "order") {
            query.descending = try descending(order, "order")
        }
        guard let filters = object["filters"], filters != .null else { return query }
        guard case .object(let filter) = filters else {
            throw EmulatorRefusal(.invalidParameter("filters", "it must be an object"))
        }
        query.nameContains = try optionalString(filter["name"], "filters.name").flatMap { $0.isEmpty ? nil : $0 }
        if let type = try optionalString(filter["type"], "filters.type") {
            query.type = try fieldType(type, "filters.type")
        }
        if let origin = try optionalString(filter["origin"], "filters.origin") {
            guard ["ALL", "USER", "SYSTEM"].contains(origin) else {
                throw EmulatorRefusal(.invalidParameter("filters.origin", "'\(origin)' is not ALL, USER or SYSTEM"))
            }
            query.origin = origin == "ALL" ? nil : origin
        }
        if let names = filter["fieldNames"], names != .null {
            guard let elements = names.arrayValue, elements.allSatisfy({ $0.stringValue != nil }) else {
                throw EmulatorRefusal(.invalidParameter("filters.fieldNames", "it must be an array of strings"))
            }
            query.names = Set(elements.compactMap(\.stringValue))
        }
        return query
    }

    // MARK: - Sources and providers

    /// The filter of `GET /sources/pages`: `filter` (a name substring, or the whole name with
    /// `stringFilterType=EXACTMATCH`), `filterHostType` (`PUSH` or `CATALOG`).
    static func sourceFilter(_ query: EmulatorQuery) throws(EmulatorRefusal) -> SourceFilter {
        var filter = SourceFilter()
        if let text = query.items["filter"], !text.isEmpty { filter.text = text }
        if let kind = query.items["stringFilterType"] {
            guard kind == "EXACTMATCH" || kind == "CONTAINS" else {
                throw EmulatorRefusal(.invalidParameter("stringFilterType", "'\(kind)' is not EXACTMATCH or CONTAINS"))
            }
            filter.exactMatch = kind == "EXACTMATCH"
        }
        if let hostType = query.items["filterHostType"], !hostType.isEmpty {
            guard hostType == "PUSH" || hostType == "CATALOG" else {
                throw EmulatorRefusal(
                    .invalidParameter(
                        "filterHostType", "the emulator holds PUSH and CATALOG sources, not '\(hostType)'"))
            }
            filter.hostType = hostType
        }
        return filter
    }

    /// A source model to create: a non-empty `name` of at most 255 characters, `sourceType` `PUSH` or `CATALOG`,
    /// `sourceVisibility` `PRIVATE`, `SECURED` or `SHARED` (default `SECURED`).
    static func source(_ json: JSONValue) throws(EmulatorRefusal) -> SourceDraft {
        guard case .object(let object) = json else {
            throw EmulatorRefusal(.invalidJSON("the body must be a JSON object"))
        }
        guard let name = try optionalString(object["name"], "name") else {
            throw EmulatorRefusal(.missingParameter("name"))
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 255 else {
            throw EmulatorRefusal(.invalidParameter("name", "a source name is 1 to 255 characters, not all spaces"))
        }
        guard let sourceType = try optionalString(object["sourceType"], "sourceType") else {
            throw EmulatorRefusal(.missingParameter("sourceType"))
        }
        guard sourceType == "PUSH" || sourceType == "CATALOG" else {
            throw EmulatorRefusal(
                .invalidParameter(
                    "sourceType", "the emulator creates PUSH and CATALOG sources only, not '\(sourceType)'"))
        }
        let visibility = try optionalString(object["sourceVisibility"], "sourceVisibility") ?? "SECURED"
        guard ["PRIVATE", "SECURED", "SHARED"].contains(visibility) else {
            throw EmulatorRefusal(
                .invalidParameter("sourceVisibility", "'\(visibility)' is not PRIVATE, SECURED or SHARED"))
        }
        return SourceDraft(
            name: name, sourceType: sourceType, visibility: visibility,
            pushEnabled: try optionalBool(object["pushEnabled"], "pushEnabled") ?? true,
            streamEnabled: try optionalBool(object["streamEnabled"], "streamEnabled") ?? (sourceType == "CATALOG"))
    }

    /// The provider's ID: the path's, which the body's `id` (or deprecated `name`) must repeat when given; for a
    /// `POST`, the body's `id` (or `name`).
    private static func providerId(_ model: JSONObject, pathId: String?) throws(EmulatorRefusal) -> String {
        var bodyId = try optionalString(model["id"], "id")
        if bodyId == nil { bodyId = try optionalString(model["name"], "name") }
        if let pathId {
            if let bodyId, bodyId != pathId {
                throw EmulatorRefusal(
                    .invalidParameter("id", "the body's '\(bodyId)' differs from the path's '\(pathId)'"))
            }
            return pathId
        }
        guard let bodyId else { throw EmulatorRefusal(.missingParameter("id")) }
        guard !bodyId.isEmpty else { throw EmulatorRefusal(.invalidParameter("id", "it is empty")) }
        return bodyId
    }

    /// A provider model's shape: `type` an upper-case name, `referencedBy` entries `{id, type: SOURCE |
    /// SECURITY_PROVIDER}`, `cascadingSecurityProviders` an object of `{id | name, …}` objects, the flags booleans.
    private static func checkProvider(_ model: JSONObject) throws(EmulatorRefusal) {
        guard let type = try optionalString(model["type"], "type") else {
            throw EmulatorRefusal(.missingParameter("type"))
        }
        guard EmulatedPrivilege.isName(type) else {
            throw EmulatorRefusal(.invalidParameter("type", "'\(type)' is not a provider type such as EXPANDED"))
        }
        _ = try optionalString(model["displayName"], "displayName")
        _ = try optionalBool(model["nodeRequired"], "nodeRequired")
        _ = try optionalBool(model["caseSensitive"], "caseSensitive")
        if let references = model["referencedBy"], references != .null {
            guard let elements = references.arrayValue else {
                throw EmulatorRefusal(.invalidParameter("referencedBy", "it must be an array"))
            }
            for element in elements {
                guard case .object(let reference) = element,
                    let id = try optionalString(reference["id"], "referencedBy.id"), !id.isEmpty,
                    let kind = try optionalString(reference["type"], "referencedBy.type"),
                    kind == "SOURCE" || kind == "SECURITY_PROVIDER"
                else {
                    throw EmulatorRefusal(
                        .invalidParameter(
                            "referencedBy", "each entry is {\"id\", \"type\": SOURCE or SECURITY_PROVIDER}"))
                }
            }
        }
        if let cascading = model["cascadingSecurityProviders"], cascading != .null {
            guard case .object(let entries) = cascading,
                entries.allSatisfy({ $0.value.member("id")?.stringValue ?? $0.value.member("name")?.stringValue != nil }
                )
            else {
                throw EmulatorRefusal(
                    .invalidParameter("cascadingSecurityProviders", "each entry is an object with an 'id'"))
            }
        }
    }
}
