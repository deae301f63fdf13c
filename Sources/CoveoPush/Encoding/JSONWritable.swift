import Foundation

/// A value that writes itself as JSON with ``JSONWriter`` (the SDK's fast path, used for request bodies and
/// batch-file entries).
protocol JSONWritable {
    /// Writes the value as the next JSON value.
    func write(into writer: inout JSONWriter)
}

extension JSONWritable {
    /// The value's JSON, as UTF-8 bytes.
    func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        write(into: &writer)
        return writer.bytes
    }

    /// The value's JSON, as `Data` for a request body.
    func jsonData() -> Data { Data(jsonBytes()) }
}

extension SecurityIdentity: JSONWritable {
    func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writeFields(into: &writer)
        writer.endObject()
    }

    /// Writes `name`, `type` and `additionalInfo` (keys sorted) into an open object.
    fileprivate func writeFields(into writer: inout JSONWriter) {
        writer.key("name")
        writer.string(name)
        writer.key("type")
        writer.string(type.rawValue)
        writer.key("additionalInfo")
        writer.beginObject()
        for key in additionalInfo.keys.sorted() {
            writer.key(key)
            writer.string(additionalInfo[key] ?? "")
        }
        writer.endObject()
    }
}

extension MappedIdentity: JSONWritable {
    func write(into writer: inout JSONWriter) {
        writer.beginObject()
        SecurityIdentity(name: name, type: type, additionalInfo: additionalInfo).writeFields(into: &writer)
        if let provider {
            writer.key("provider")
            writer.string(provider)
        }
        writer.endObject()
    }
}

extension Array where Element: JSONWritable {
    fileprivate func write(into writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.write(into: &writer) }
        writer.endArray()
    }
}

extension IdentityBody: JSONWritable {
    func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("identity")
        identity.write(into: &writer)
        writer.key("members")
        members.write(into: &writer)
        writer.key("wellKnowns")
        wellKnowns.write(into: &writer)
        writer.endObject()
    }
}

extension AliasBody: JSONWritable {
    func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("identity")
        identity.write(into: &writer)
        writer.key("mappings")
        mappings.write(into: &writer)
        writer.key("wellKnowns")
        wellKnowns.write(into: &writer)
        writer.endObject()
    }
}

extension IdentityDeleteBody: JSONWritable {
    func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("identity")
        identity.write(into: &writer)
        writer.endObject()
    }
}
