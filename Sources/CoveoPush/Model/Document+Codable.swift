import Foundation

extension Document: Codable {
    /// A JSON key, any string.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes the Push API's own item JSON, following the key table of ``DocumentKeys`` (keys compared
    /// case-insensitively).
    ///
    /// `data`, `compressedBinaryData` (with `compressionType`, default `ZLIB`) and `compressedBinaryDataFileId`
    /// become ``content``; `permissions` in either model; `date` and `modifiedDate` as ISO 8601 text (UTC when no
    /// offset is given) or epoch milliseconds; every other key is metadata. The decoded document is validated.
    ///
    /// - Throws: ``ValidationError`` naming the document and the rule (missing `documentId`, two kinds of
    ///   content, keys differing only in case, `orderingId` or `deleteChildren` in an item, a bad date, …), or a
    ///   `DecodingError` when a value has the wrong JSON type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var keysByCanonical: [String: AnyKey] = [:]
        var metadataKeys: [AnyKey] = []
        var folded: [String: String] = [:]
        let documentIdKey = container.allKeys.first { $0.stringValue.lowercased() == "documentid" }
        let documentId = try documentIdKey.map { try container.decode(String.self, forKey: $0) } ?? ""
        let subject = ValidationError.Subject.document(documentId)
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            let name = key.stringValue
            if let earlier = folded[name.lowercased()] {
                throw ValidationError(.duplicateKey, subject, "'\(earlier)' and '\(name)' differ only in case")
            }
            folded[name.lowercased()] = name
            switch DocumentKeys.kind(of: name) {
            case .reserved(let canonical), .typed(let canonical):
                keysByCanonical[canonical] = key
            case .metadata:
                metadataKeys.append(key)
            }
        }
        guard documentIdKey != nil else {
            throw ValidationError(.invalidDocumentId, subject, "the item has no documentId")
        }
        for canonical in ["orderingId", "deleteChildren"] where keysByCanonical[canonical] != nil {
            throw ValidationError(
                .reservedKey, subject, "'\(canonical)' is not part of an item; it is a parameter of the request")
        }
        func text(_ canonical: String) throws -> String? {
            try keysByCanonical[canonical].map { try container.decode(String.self, forKey: $0) }
        }
        func dateValue(_ canonical: String) throws -> Date? {
            guard let key = keysByCanonical[canonical] else { return nil }
            if let milliseconds = try? container.decode(Int64.self, forKey: key) {
                return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            }
            let value = try container.decode(String.self, forKey: key)
            guard let parsed = ISO8601Timestamp.parse(value) else {
                throw ValidationError(
                    .outOfRange, subject, "'\(key.stringValue)' is not an ISO 8601 date or epoch milliseconds: '\(value)'")
            }
            return parsed
        }

        self.init(documentId: documentId)
        title = try text("title")
        author = try text("author")
        clickableUri = try text("clickableUri")
        permanentId = try text("permanentId")
        fileExtension = try text("fileExtension")
        parentId = try text("parentId")
        self.date = try dateValue("date")
        modifiedDate = try dateValue("modifiedDate")
        if let key = keysByCanonical["permissions"] {
            permissions = try container.decode(DocumentPermissions.self, forKey: key)
        }
        let contentKeys = ["data", "compressedBinaryData", "compressedBinaryDataFileId"].filter {
            keysByCanonical[$0] != nil
        }
        if contentKeys.count > 1 {
            throw ValidationError(
                .multipleContents, subject, "the item has \(contentKeys.joined(separator: " and ")); only one is allowed")
        }
        let compressionType: CompressionType
        if let raw = try text("compressionType") {
            guard let type = CompressionType(rawValue: raw.uppercased()) else {
                throw ValidationError(.unsupportedCompression, subject, "unknown compressionType '\(raw)'")
            }
            compressionType = type
        } else {
            compressionType = .zlib
        }
        if let data = try text("data") {
            content = .text(data)
        } else if let base64 = try text("compressedBinaryData") {
            content = .base64(base64, type: compressionType)
        } else if let fileId = try text("compressedBinaryDataFileId") {
            content = .fileReference(fileId: fileId, type: compressionType)
        }
        for key in metadataKeys {
            guard let value = try container.decode(MetadataValue?.self, forKey: key) else {
                throw ValidationError(.unsupportedMetadataValue, subject, "metadata '\(key.stringValue)' is null")
            }
            metadata[key.stringValue] = value
        }
        try validate()
    }

    /// Encodes the item JSON of a batch item (`compressionType` inside the item), compressing `binary` and
    /// `file` content as ``DocumentEncoder`` does. ``DocumentEncoder`` is the fast path; this conformance is
    /// for convenience.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(documentId, forKey: AnyKey("documentId"))
        try container.encode(resolvedPermanentId, forKey: AnyKey("permanentid"))
        try container.encodeIfPresent(title, forKey: AnyKey("title"))
        try container.encodeIfPresent(author, forKey: AnyKey("author"))
        try container.encodeIfPresent(clickableUri, forKey: AnyKey("clickableUri"))
        try container.encodeIfPresent(date.map(ISO8601Timestamp.string), forKey: AnyKey("date"))
        try container.encodeIfPresent(modifiedDate.map(ISO8601Timestamp.string), forKey: AnyKey("modifiedDate"))
        try container.encodeIfPresent(fileExtension, forKey: AnyKey("fileExtension"))
        try container.encodeIfPresent(parentId, forKey: AnyKey("parentId"))
        for entry in metadata {
            try container.encode(entry.value, forKey: AnyKey(entry.name))
        }
        try container.encodeIfPresent(permissions, forKey: AnyKey("permissions"))
        switch try DocumentEncoder().contentPayload(of: self) {
        case nil:
            break
        case .text(let text):
            try container.encode(text, forKey: AnyKey("data"))
        case .inlineBinary(let base64, let type):
            try container.encode(String(decoding: base64, as: UTF8.self), forKey: AnyKey("compressedBinaryData"))
            try container.encode(type, forKey: AnyKey("compressionType"))
        case .fileReference(let fileId, let type):
            try container.encode(fileId, forKey: AnyKey("compressedBinaryDataFileId"))
            try container.encode(type, forKey: AnyKey("compressionType"))
        }
    }
}
