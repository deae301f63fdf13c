import CoveoPush
import Foundation

/// The JSON the emulator's Platform API answers with.
enum PlatformJSON {
    /// An answer with a JSON body.
    static func answer(_ statusCode: Int, _ value: JSONValue) -> EmulatorAnswer {
        let headers: HeaderFields = ["Content-Type": "application/json"]
        return EmulatorAnswer(
            response: TransportResponse(statusCode: statusCode, headers: headers, body: Data(value.jsonBytes)))
    }

    static func integer(_ value: Int) -> JSONValue { .number(JSONNumber(Int64(value))) }

    /// A field model: name, type, every option, `system`.
    static func field(_ field: EmulatedField) -> JSONValue {
        let definition = field.definition
        var object: JSONObject = ["name": .string(definition.name), "type": .string(definition.type.rawValue)]
        let flags: [(String, Bool?)] = [
            ("facet", definition.facet), ("sort", definition.sort), ("multiValueFacet", definition.multiValueFacet),
            ("keyValue", definition.keyValue), ("includeInQuery", definition.includeInQuery),
            ("includeInResults", definition.includeInResults), ("mergeWithLexicon", definition.mergeWithLexicon),
        ]
        for (key, value) in flags { object.put(key, value.map(JSONValue.bool) ?? .null) }
        if let description = definition.description { object.put("description", .string(description)) }
        object.put("system", .bool(field.system))
        return .object(object)
    }

    /// A page: `{<key>: [...], totalEntries, totalPages}`, the slice of `all` that `page` selects.
    static func page(_ all: [JSONValue], key: String, _ page: PageRequest) -> JSONValue {
        let start = min(
            all.count,
            page.page.multipliedReportingOverflow(by: page.perPage).overflow
                ? all.count : page.page * page.perPage)
        let end = min(all.count, start + page.perPage)
        let totalPages = (all.count + page.perPage - 1) / page.perPage
        return .object([
            key: .array(Array(all[start..<end])), "totalEntries": integer(all.count),
            "totalPages": integer(totalPages),
        ])
    }

    /// A source model, with the number of items the source holds and the providers that reference it.
    static func source(
        _ record: PlatformState.SourceRecord, numberOfDocuments: Int, providers: [(id: String, type: String)]
    ) -> JSONValue {
        .object([
            "id": .string(record.id), "name": .string(record.draft.name),
            "sourceType": .string(record.draft.sourceType), "sourceVisibility": .string(record.draft.visibility),
            "pushEnabled": .bool(record.draft.pushEnabled), "streamEnabled": .bool(record.draft.streamEnabled),
            "createdDate": .number(JSONNumber(record.createdDate)),
            "securityProviderReferences": .array(
                providers.map { .object(["id": .string($0.id), "type": .string($0.type)]) }),
            "information": .object([
                "sourceStatus": .object(["type": "PUSH_READY"]), "numberOfDocuments": integer(numberOfDocuments),
                "rebuildRequired": false,
            ]),
        ])
    }
}
