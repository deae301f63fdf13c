import Foundation

extension Document: Codable {
    /// Decodes the Push API's own item JSON, following the key table of ``DocumentKeys`` (keys compared
    /// case-insensitively).
    ///
    /// The rules are those of ``init(json:)``, which shares this implementation: `data`, `compressedBinaryData`
    /// (with `compressionType`, default `ZLIB`) and `compressedBinaryDataFileId` become ``content``; `permissions`
    /// in either model; `date` and `modifiedDate` as ISO 8601 text (UTC when no offset is given) or epoch
    /// milliseconds; every other key is metadata. The decoded document is validated.
    ///
    /// - Throws: ``ValidationError`` naming the document and the rule (missing `documentId`, two kinds of
    ///   content, keys differing only in case, `orderingId` or `deleteChildren` in an item, a bad date, …), or a
    ///   `DecodingError` when the input is not JSON or a value has the wrong JSON type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        do {
            let keys = container.allKeys.map(\.stringValue)
            try self.init(itemKeys: keys) { (position) throws(ItemFailure) in
                do {
                    return try container.decode(JSONValue.self, forKey: AnyCodingKey(keys[position]))
                } catch {
                    throw .unreadable(error)
                }
            }
        } catch {
            switch error {
            case .invalid(let validation):
                throw validation
            case .wrongType(let validation):
                throw DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: validation.description))
            case .unreadable(let underlying):
                throw underlying
            }
        }
    }

    /// Encodes the item JSON of a batch item (`compressionType` inside the item), compressing `binary` and
    /// `file` content as ``DocumentEncoder`` does. ``DocumentEncoder`` is the fast path; this conformance is
    /// for convenience.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        try container.encode(documentId, forKey: AnyCodingKey("documentId"))
        try container.encode(resolvedPermanentId, forKey: AnyCodingKey("permanentid"))
        try container.encodeIfPresent(title, forKey: AnyCodingKey("title"))
        try container.encodeIfPresent(author, forKey: AnyCodingKey("author"))
        try container.encodeIfPresent(clickableUri, forKey: AnyCodingKey("clickableUri"))
        try container.encodeIfPresent(date.map(ISO8601Timestamp.string), forKey: AnyCodingKey("date"))
        try container.encodeIfPresent(modifiedDate.map(ISO8601Timestamp.string), forKey: AnyCodingKey("modifiedDate"))
        try container.encodeIfPresent(fileExtension, forKey: AnyCodingKey("fileExtension"))
        try container.encodeIfPresent(parentId, forKey: AnyCodingKey("parentId"))
        for entry in metadata {
            try container.encode(entry.value, forKey: AnyCodingKey(entry.name))
        }
        try container.encodeIfPresent(permissions, forKey: AnyCodingKey("permissions"))
        switch try DocumentEncoder().contentPayload(of: self) {
        case nil:
            break
        case .text(let text):
            try container.encode(text, forKey: AnyCodingKey("data"))
        case .inlineBinary(let base64, let type):
            try container.encode(String(decoding: base64, as: UTF8.self), forKey: AnyCodingKey("compressedBinaryData"))
            try container.encode(type, forKey: AnyCodingKey("compressionType"))
        case .fileReference(let fileId, let type):
            try container.encode(fileId, forKey: AnyCodingKey("compressedBinaryDataFileId"))
            try container.encode(type, forKey: AnyCodingKey("compressionType"))
        }
    }
}
