extension JSONValue {
    /// Writes the value as the next JSON value of a writer: members in order, numbers in their original text.
    ///
    /// Nesting is walked recursively, so values should come from ``JSONParser`` (whose depth limit bounds it)
    /// or be of reasonable depth.
    package func write(into writer: inout JSONWriter) {
        switch self {
        case .null:
            writer.null()
        case .bool(let value):
            writer.bool(value)
        case .number(let number):
            writer.rawValue(number.text.utf8)
        case .string(let value):
            writer.string(value)
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(into: &writer) }
            writer.endArray()
        case .object(let object):
            writer.beginObject()
            for member in object.members {
                writer.key(member.key)
                member.value.write(into: &writer)
            }
            writer.endObject()
        }
    }

    /// The value's compact JSON, as UTF-8 bytes.
    package var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 256)
        write(into: &writer)
        return writer.bytes
    }
}
