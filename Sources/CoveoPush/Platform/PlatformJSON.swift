import Foundation

/// Helpers for the JSON bodies of Platform API requests, written with the SDK's own writer so that key order is
/// the order given (stable bodies, exact tests).
enum PlatformJSON {
    /// The body of a request: `value` as compact JSON.
    static func body(_ value: JSONValue) -> RequestBody {
        .data(Data(value.jsonBytes))
    }
}

extension FieldDefinition {
    /// The field as a `FieldModel` object of a create request: `name`, `type`, then each option that is set.
    var createRequestJSON: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("name", .string(name)), ("type", .string(type.rawValue))]
        let options: [(String, Bool?)] = [
            ("facet", facet), ("sort", sort), ("multiValueFacet", multiValueFacet), ("keyValue", keyValue),
            ("includeInQuery", includeInQuery), ("includeInResults", includeInResults),
            ("mergeWithLexicon", mergeWithLexicon),
        ]
        for case (let key, let value?) in options { members.append((key, .bool(value))) }
        if let description { members.append(("description", .string(description))) }
        return .object(JSONObject(members))
    }
}
