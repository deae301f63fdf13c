import Foundation

extension Document {
    /// Builds a document from the Push API's item JSON, as parsed by ``JSONParser``, then validates it.
    ///
    /// The rules are those of `init(from:)` (both share one implementation): keys follow ``DocumentKeys``,
    /// compared case-insensitively, and keys differing only in case (or repeated) are refused; `data`,
    /// `compressedBinaryData` (with `compressionType`, default `ZLIB`) and `compressedBinaryDataFileId` become
    /// ``content``; `permissions` in either model, identity types in any accepted spelling; `date` and
    /// `modifiedDate` as ISO 8601 text (UTC when no offset is given) or whole epoch milliseconds; every other key
    /// is metadata, typed from its JSON: integer literals within `Int64` become ``MetadataValue/integer(_:)``,
    /// other numbers (`10.0`, `1e3` included) ``MetadataValue/double(_:)``, objects
    /// ``MetadataValue/dictionary(_:)``. Metadata entries are sorted by name.
    ///
    /// ```swift
    /// let value = try JSONParser().parse(line)
    /// let document = try Document(json: value)
    /// ```
    ///
    /// - Throws: ``ValidationError`` naming the document and the rule: the rules of ``validate()``;
    ///   ``ValidationError/Rule/invalidParameter`` for a field of the wrong JSON type (where `init(from:)` throws
    ///   a `DecodingError` with the same message); ``ValidationError/Rule/invalidDocumentId`` for a `documentId`
    ///   that is missing or not a string; ``ValidationError/Rule/unsupportedMetadataValue`` for `null` in
    ///   metadata; ``ValidationError/Rule/duplicateKey`` for a key repeated exactly, at any level.
    package init(json: JSONValue) throws(ValidationError) {
        guard case .object(let object) = json else {
            throw ValidationError(
                .invalidParameter, .document(""), "an item must be a JSON object, not \(json.kindDescription)")
        }
        do {
            try self.init(itemKeys: object.keys) { index in object.members[index].value }
        } catch {
            switch error {
            case .invalid(let validation), .wrongType(let validation): throw validation
            case .unreadable(let underlying):
                throw ValidationError(.invalidParameter, .document(""), "unreadable value: \(underlying)")
            }
        }
    }

    /// The slots in ``DocumentKeys/canonical`` of the keys the item reader asks for, looked up once.
    private enum Slot {
        static let title = slot("title")
        static let author = slot("author")
        static let clickableUri = slot("clickableUri")
        static let permanentId = slot("permanentId")
        static let fileExtension = slot("fileExtension")
        static let parentId = slot("parentId")
        static let date = slot("date")
        static let modifiedDate = slot("modifiedDate")
        static let permissions = slot("permissions")
        static let compressionType = slot("compressionType")
        static let data = slot("data")
        static let compressedBinaryData = slot("compressedBinaryData")
        static let compressedBinaryDataFileId = slot("compressedBinaryDataFileId")
        static let orderingId = slot("orderingId")
        static let deleteChildren = slot("deleteChildren")

        /// The slot of a canonical key (`-1`, never matched, for a name that is not one).
        private static func slot(_ canonical: String) -> Int { DocumentKeys.canonical.firstIndex(of: canonical) ?? -1 }
    }

    /// Why an item could not be built.
    enum ItemFailure: Error {
        /// The item breaks a rule.
        case invalid(ValidationError)
        /// A value has the wrong JSON type (a `DecodingError` for `init(from:)`).
        case wrongType(ValidationError)
        /// A value could not be read at all (only when decoding).
        case unreadable(any Error)
    }

    /// The one implementation of the item rules, for ``init(json:)`` and `init(from:)`.
    ///
    /// Values are read only when a rule needs them, in a fixed order (typed slots first, then metadata sorted by
    /// name), so the first problem reported is the same whichever way the item arrives. Each key is classified
    /// once (``ItemKeyTable``); the metadata names that come out are therefore known to be valid but for emptiness,
    /// and ``validate()`` does not classify them again.
    ///
    /// - Parameters:
    ///   - keys: The item's keys, in any order (exact repetitions included).
    ///   - value: The value of the key at a position of `keys`.
    init(itemKeys keys: [String], value: (Int) throws(ItemFailure) -> JSONValue) throws(ItemFailure) {
        let table = ItemKeyTable(keys)
        let documentIdPosition = table.position(ofSlot: DocumentKeys.documentIdSlot)
        var documentId = ""
        if let documentIdPosition {
            let raw = try value(documentIdPosition)
            guard case .string(let text) = raw else {
                throw .wrongType(
                    ValidationError(
                        .invalidDocumentId, .document(""),
                        "'\(keys[documentIdPosition])' must be a string, not \(raw.kindDescription)"))
            }
            documentId = text
        }
        let subject = ValidationError.Subject.document(documentId)

        if let (earlier, name) = table.firstDuplicate {
            throw .invalid(
                ValidationError(
                    .duplicateKey, subject,
                    earlier == name
                        ? "'\(name)' appears more than once" : "'\(earlier)' and '\(name)' differ only in case"))
        }
        guard documentIdPosition != nil else {
            throw .invalid(ValidationError(.invalidDocumentId, subject, "the item has no documentId"))
        }
        let position = table.position(ofSlot:)
        for slot in [Slot.orderingId, Slot.deleteChildren] where position(slot) != nil {
            throw .invalid(
                ValidationError(
                    .reservedKey, subject,
                    "'\(DocumentKeys.canonical[slot])' is not part of an item; it is a parameter of the request"))
        }

        func text(_ slot: Int) throws(ItemFailure) -> String? {
            guard let position = position(slot) else { return nil }
            let key = keys[position]
            let raw = try value(position)
            guard case .string(let text) = raw else {
                throw .wrongType(
                    ValidationError(.invalidParameter, subject, "'\(key)' must be a string, not \(raw.kindDescription)")
                )
            }
            return text
        }
        func dateValue(_ slot: Int) throws(ItemFailure) -> Date? {
            guard let position = position(slot) else { return nil }
            let key = keys[position]
            switch try value(position) {
            case .number(let number):
                guard let milliseconds = number.int64Value else {
                    throw .wrongType(
                        ValidationError(
                            .invalidParameter, subject,
                            "'\(key)' must be ISO 8601 text or whole epoch milliseconds, not \(number.doubleValue)"))
                }
                return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            case .string(let text):
                guard let parsed = ISO8601Timestamp.parse(text) else {
                    throw .invalid(
                        ValidationError(
                            .outOfRange, subject, "'\(key)' is not an ISO 8601 date or epoch milliseconds: '\(text)'"))
                }
                return parsed
            case let other:
                throw .wrongType(
                    ValidationError(
                        .invalidParameter, subject,
                        "'\(key)' must be ISO 8601 text or epoch milliseconds, not \(other.kindDescription)"))
            }
        }

        self.init(documentId: documentId)
        title = try text(Slot.title)
        author = try text(Slot.author)
        clickableUri = try text(Slot.clickableUri)
        permanentId = try text(Slot.permanentId)
        fileExtension = try text(Slot.fileExtension)
        parentId = try text(Slot.parentId)
        date = try dateValue(Slot.date)
        modifiedDate = try dateValue(Slot.modifiedDate)
        if let position = position(Slot.permissions) {
            let key = keys[position]
            let raw = try value(position)
            do {
                permissions = try DocumentPermissions(json: raw)
            } catch {
                let validation = error.prefixed(.key(key)).validationError(subject)
                throw error.rule == .duplicateKey ? .invalid(validation) : .wrongType(validation)
            }
        }
        let contentSlots = [Slot.data, Slot.compressedBinaryData, Slot.compressedBinaryDataFileId]
        if contentSlots.count(where: { position($0) != nil }) > 1 {
            let contentKeys = contentSlots.filter { position($0) != nil }.map { DocumentKeys.canonical[$0] }
            throw .invalid(
                ValidationError(
                    .multipleContents, subject,
                    "the item has \(contentKeys.joined(separator: " and ")); only one is allowed"))
        }
        let compressionType: CompressionType
        if let raw = try text(Slot.compressionType) {
            guard let type = CompressionType(rawValue: raw.uppercased()) else {
                throw .invalid(ValidationError(.unsupportedCompression, subject, "unknown compressionType '\(raw)'"))
            }
            compressionType = type
        } else {
            compressionType = .zlib
        }
        if let data = try text(Slot.data) {
            content = .text(data)
        } else if let base64 = try text(Slot.compressedBinaryData) {
            content = .base64(base64, type: compressionType)
        } else if let fileId = try text(Slot.compressedBinaryDataFileId) {
            content = .fileReference(fileId: fileId, type: compressionType)
        }
        let metadataPositions = table.metadataPositions
        var entries: [Metadata.Entry] = []
        entries.reserveCapacity(metadataPositions.count)
        for position in metadataPositions {
            let name = keys[position]
            let raw = try value(position)
            if raw.isNull {
                throw .invalid(ValidationError(.unsupportedMetadataValue, subject, "metadata '\(name)' is null"))
            }
            do {
                entries.append(Metadata.Entry(name: name, value: try MetadataValue(json: raw)))
            } catch {
                let validation = error.prefixed(.key(name)).validationError(subject)
                throw error.rule == .duplicateKey ? .invalid(validation) : .wrongType(validation)
            }
        }
        metadata = Metadata(uniqueEntries: entries)
        do {
            try validate(metadataNamesClassified: true)
        } catch {
            throw .invalid(error)
        }
    }
}

extension MetadataValue {
    /// Types a metadata value from its JSON: integer literals within `Int64` become integers, other numbers
    /// (`10.0` included) doubles; arrays and objects are converted element by element (``Document/validate()`` then refuses
    /// nesting); `null` is refused.
    init(json: JSONValue) throws(JSONFieldError) {
        switch json {
        case .null:
            throw JSONFieldError(.unsupportedMetadataValue, "must not be null")
        case .bool(let value):
            self = .bool(value)
        case .number(let number):
            // Only an integer literal is an integer: `10.0` and `1e3` stay doubles, so a field analysis sees
            // the number the input wrote (a JSONDecoder cannot show the text, and gives the integer 10).
            if number.isIntegerLiteral, let integer = number.int64Value {
                self = .integer(integer)
            } else {
                self = .double(number.doubleValue)
            }
        case .string(let value):
            self = .string(value)
        case .array:
            self = .array(try JSONFields.array(json, MetadataValue.init(json:)))
        case .object(let object):
            if object.hasDuplicateKeys, let duplicate = object.duplicateKeys.first {
                throw JSONFieldError(.duplicateKey, "appears more than once", at: [.key(duplicate)])
            }
            var entries: [String: MetadataValue] = [:]
            for member in object.members {
                do {
                    entries[member.key] = try MetadataValue(json: member.value)
                } catch {
                    throw error.prefixed(.key(member.key))
                }
            }
            self = .dictionary(entries)
        }
    }
}
