import CoveoPush

/// How `coveo-push fields` prints a field: one text line, or one JSON object with the Field API's key names.
enum FieldText {
    /// The options of a field that are set, by their Field API names, in the API's order.
    static func options(_ field: FieldDefinition) -> [(String, Bool)] {
        let all: [(String, Bool?)] = [
            ("facet", field.facet), ("sort", field.sort), ("multiValueFacet", field.multiValueFacet),
            ("keyValue", field.keyValue), ("includeInQuery", field.includeInQuery),
            ("includeInResults", field.includeInResults), ("mergeWithLexicon", field.mergeWithLexicon),
        ]
        return all.compactMap { name, value in value.map { (name, $0) } }
    }

    /// `name  TYPE  multiValueFacet, keyValue` (the options that are true), the name padded to `width`.
    static func line(_ field: FieldDefinition, width: Int = 0) -> String {
        let name =
            field.name.count < width ? field.name.padding(toLength: width, withPad: " ", startingAt: 0) : field.name
        var text = "\(name)  \(field.type)"
        let flags = options(field).filter(\.1).map(\.0)
        if !flags.isEmpty { text += "  " + flags.joined(separator: ", ") }
        return text
    }

    /// Writes the field as a JSON object: `name`, `type`, each option that is set, `description`.
    static func write(_ field: FieldDefinition, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("name")
        writer.string(field.name)
        writer.key("type")
        writer.string(field.type.rawValue)
        for (name, value) in options(field) {
            writer.key(name)
            writer.bool(value)
        }
        if let description = field.description {
            writer.key("description")
            writer.string(description)
        }
        writer.endObject()
    }

    /// The field as one JSON line.
    static func json(_ field: FieldDefinition) -> String {
        var writer = JSONWriter()
        write(field, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
