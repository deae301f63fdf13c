import Foundation

extension Document {
    /// Builds a document from the Push API's item JSON, as parsed by ``JSONParser``, then validates it.
    ///
    /// The rules are those of `init(from:)` (which shares this implementation): keys follow ``DocumentKeys``,
    /// compared case-insensitively, and keys differing only in case (or repeated) are refused; `data`,
    /// `compressedBinaryData` (with `compressionType`, default `ZLIB`) and `compressedBinaryDataFileId` become
    /// ``content``; `permissions` in either model; `date` and `modifiedDate` as ISO 8601 text (UTC when no offset
    /// is given) or epoch milliseconds; every other key is metadata, typed from its JSON: integral numbers become
    /// ``MetadataValue/integer(_:)``, other numbers ``MetadataValue/double(_:)``, objects
    /// ``MetadataValue/dictionary(_:)``. Metadata entries are sorted by name.
    ///
    /// ```swift
    /// let value = try JSONParser().parse(line)
    /// let document = try Document(json: value)
    /// ```
    ///
    /// - Throws: ``ValidationError`` naming the document and the rule: the rules of ``validate()``, and
    ///   ``ValidationError/Rule/invalidParameter`` for a field of the wrong JSON type,
    ///   ``ValidationError/Rule/unsupportedMetadataValue`` for a `null` metadata value.
    public init(json: JSONValue) throws(ValidationError) {
        guard case .object(let object) = json else {
            throw ValidationError(
                .invalidParameter, .document(""), "an item must be a JSON object, not \(json.kindDescription)")
        }
        let members = object.members.sorted { $0.key < $1.key }
        var documentId = ""
        let documentIdMember = members.first { $0.key.lowercased() == "documentid" }
        if let documentIdMember {
            guard case .string(let text) = documentIdMember.value else {
                throw ValidationError(
                    .invalidDocumentId, .document(""),
                    "'\(documentIdMember.key)' must be a string, not \(documentIdMember.value.kindDescription)")
            }
            documentId = text
        }
        let subject = ValidationError.Subject.document(documentId)

        var byCanonical: [String: JSONObject.Member] = [:]
        var metadataMembers: [JSONObject.Member] = []
        var folded: [String: String] = [:]
        for member in members {
            let name = member.key
            let lowered = name.lowercased()
            if let earlier = folded[lowered] {
                throw ValidationError(
                    .duplicateKey, subject,
                    earlier == name
                        ? "'\(name)' appears more than once" : "'\(earlier)' and '\(name)' differ only in case")
            }
            folded[lowered] = name
            switch DocumentKeys.kind(of: name) {
            case .reserved(let canonical), .typed(let canonical):
                byCanonical[canonical] = member
            case .metadata:
                metadataMembers.append(member)
            }
        }
        guard documentIdMember != nil else {
            throw ValidationError(.invalidDocumentId, subject, "the item has no documentId")
        }
        for canonical in ["orderingId", "deleteChildren"] where byCanonical[canonical] != nil {
            throw ValidationError(
                .reservedKey, subject, "'\(canonical)' is not part of an item; it is a parameter of the request")
        }

        func text(_ canonical: String) throws(ValidationError) -> String? {
            guard let member = byCanonical[canonical] else { return nil }
            guard case .string(let value) = member.value else {
                throw ValidationError(
                    .invalidParameter, subject, "'\(member.key)' must be a string, not \(member.value.kindDescription)")
            }
            return value
        }
        func dateValue(_ canonical: String) throws(ValidationError) -> Date? {
            guard let member = byCanonical[canonical] else { return nil }
            switch member.value {
            case .number(let number):
                guard let milliseconds = number.int64Value else {
                    throw ValidationError(
                        .outOfRange, subject, "'\(member.key)' is not whole epoch milliseconds: \(number.doubleValue)")
                }
                return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            case .string(let value):
                guard let parsed = ISO8601Timestamp.parse(value) else {
                    throw ValidationError(
                        .outOfRange, subject,
                        "'\(member.key)' is not an ISO 8601 date or epoch milliseconds: '\(value)'")
                }
                return parsed
            default:
                throw ValidationError(
                    .invalidParameter, subject,
                    "'\(member.key)' must be ISO 8601 text or epoch milliseconds, not \(member.value.kindDescription)")
            }
        }

        self.init(documentId: documentId)
        title = try text("title")
        author = try text("author")
        clickableUri = try text("clickableUri")
        permanentId = try text("permanentId")
        fileExtension = try text("fileExtension")
        parentId = try text("parentId")
        date = try dateValue("date")
        modifiedDate = try dateValue("modifiedDate")
        if let member = byCanonical["permissions"] {
            do {
                permissions = try DocumentPermissions(json: member.value)
            } catch {
                throw error.prefixed(.key(member.key)).validationError(subject)
            }
        }
        let contentKeys = ["data", "compressedBinaryData", "compressedBinaryDataFileId"].filter {
            byCanonical[$0] != nil
        }
        if contentKeys.count > 1 {
            throw ValidationError(
                .multipleContents, subject,
                "the item has \(contentKeys.joined(separator: " and ")); only one is allowed")
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
        for member in metadataMembers {
            metadata[member.key] = try MetadataValue(json: member.value, name: member.key, subject: subject)
        }
        try validate()
    }
}

extension MetadataValue {
    /// Types a metadata value from its JSON: integral numbers within `Int64` become integers, other numbers
    /// doubles; arrays and objects are converted element by element (``Document/validate()`` then refuses
    /// nesting); `null` anywhere is refused.
    init(json: JSONValue, name: String, subject: ValidationError.Subject) throws(ValidationError) {
        switch json {
        case .null:
            throw ValidationError(.unsupportedMetadataValue, subject, "metadata '\(name)' is null")
        case .bool(let value):
            self = .bool(value)
        case .number(let number):
            if let integer = number.int64Value {
                self = .integer(integer)
            } else {
                self = .double(number.doubleValue)
            }
        case .string(let value):
            self = .string(value)
        case .array(let elements):
            var values: [MetadataValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                if element.isNull {
                    throw ValidationError(.unsupportedMetadataValue, subject, "metadata '\(name)' holds a null")
                }
                values.append(try MetadataValue(json: element, name: name, subject: subject))
            }
            self = .array(values)
        case .object(let object):
            if let duplicate = object.duplicateKeys.first {
                throw ValidationError(
                    .duplicateKey, subject, "metadata '\(name)' has the key '\(duplicate)' more than once")
            }
            var entries: [String: MetadataValue] = [:]
            for member in object.members {
                if member.value.isNull {
                    throw ValidationError(.unsupportedMetadataValue, subject, "metadata '\(name)' holds a null")
                }
                entries[member.key] = try MetadataValue(json: member.value, name: name, subject: subject)
            }
            self = .dictionary(entries)
        }
    }
}
