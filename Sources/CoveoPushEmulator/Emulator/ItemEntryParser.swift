import Foundation

/// Validates item entries (single pushes and batch entries) as the service does, key names compared ignoring case.
enum ItemEntryParser {
    /// The reserved keys, folded to lower case.
    private static let reserved: Set<String> = [
        "documentid", "data", "compressedbinarydata", "compressedbinarydatafileid", "compressiontype",
        "fileextension", "parentid", "permissions", "orderingid", "deletechildren",
    ]

    /// The reserved keys an item (single push or `addOrUpdate` entry) may not hold, by folded name: the service
    /// reads them elsewhere (`orderingId` is a query parameter, `deleteChildren` belongs to deletes), so an item
    /// carrying one is refused rather than silently losing it.
    private static let refusedInItems: [String: String] = [
        "orderingid": "orderingId", "deletechildren": "deleteChildren",
    ]

    /// Validates an add-or-update entry.
    ///
    /// - Parameters:
    ///   - json: The entry.
    ///   - documentId: The document ID from the query of a single push (the body's, if any, was checked against
    ///     it); `nil` for a batch entry, whose body must carry one.
    ///   - compression: The `compressionType` of the query of a single push, which wins over the body's.
    ///   - limits: The limits to enforce.
    static func upsert(
        _ json: JSONValue, documentId queryDocumentId: String? = nil,
        compression queryCompression: CompressionType? = nil, limits: InMemoryPushService.Limits
    ) throws(EntryRejection) -> ItemDraft {
        guard case .object(let members) = json else { throw EntryRejection(.notAnObject, "an item must be an object") }
        var reservedValues: [String: JSONValue] = [:]
        var metadata: [String: JSONValue] = [:]
        var folded: [String: String] = [:]
        for (key, value) in members {
            let lower = key.lowercased()
            if let earlier = folded.updateValue(key, forKey: lower) {
                throw EntryRejection(.duplicateKey, "'\(earlier)' and '\(key)' differ only in case")
            }
            if let canonical = refusedInItems[lower] {
                throw EntryRejection(
                    .reservedKey, "'\(key)' is not accepted in an item; it is a parameter of the request",
                    parameter: canonical)
            }
            if reserved.contains(lower) {
                if value != .null { reservedValues[lower] = value }
            } else {
                metadata[key] = value
            }
        }
        let documentId: String
        if let queryDocumentId {
            documentId = queryDocumentId
        } else {
            documentId = try requiredDocumentId(reservedValues["documentid"])
        }
        // Request-level rules are checked before downstream ones, so a single push breaking both is refused at once
        // (see ``EntryRejection/parameter``); the first downstream rejection is thrown at the end.
        var downstream: EntryRejection?
        for (key, value) in metadata where !isSupportedMetadata(value) {
            downstream = EntryRejection(
                .unsupportedMetadataValue, "metadata '\(key)' is a nested array or object, which fields cannot hold")
            break
        }
        let contentKeys = ["data", "compressedbinarydata", "compressedbinarydatafileid"].filter {
            reservedValues[$0] != nil
        }
        guard contentKeys.count <= 1 else {
            throw EntryRejection(
                .multipleContents,
                "an item may have only one of data, compressedBinaryData and compressedBinaryDataFileId",
                parameter: "documentBody")
        }
        var compression = queryCompression
        if compression == nil, let value = reservedValues["compressiontype"] {
            guard let text = value.stringValue, let parsed = EmulatorContentDecoder.compressionType(text) else {
                throw EntryRejection(
                    .invalidCompressionType, "compressionType \(value) is not a known value",
                    parameter: "compressionType")
            }
            compression = parsed
        }
        let parentId = try optionalString(reservedValues["parentid"], "parentId")
        let fileExtension = try optionalString(reservedValues["fileextension"], "fileExtension")
        let permissions = reservedValues["permissions"]
        if let permissions {
            // A bad shape is refused while reading the request; too many identities is found downstream.
            do throws(EntryRejection) {
                try checkPermissions(permissions, limit: limits.maxPermissionsPerItem)
            } catch  where error.parameter == nil {
                downstream = downstream ?? error
            }
        }
        try checkContentForm(reservedValues)
        if let downstream { throw downstream }
        let content = try decodeContent(reservedValues, compression: compression ?? .zlib, limits: limits)
        var draft = ItemDraft(
            documentId: documentId, content: content, compressionType: nil, metadata: metadata,
            permissions: permissions, parentId: parentId, fileExtension: fileExtension)
        switch content {
        case .binary, .fileReference: draft.compressionType = compression ?? .zlib
        case .none, .data: break
        }
        return draft
    }

    /// Validates a `delete` entry of a batch: its document ID and `deleteChildren` flag.
    static func delete(_ json: JSONValue) throws(EntryRejection) -> (documentId: String, deleteChildren: Bool) {
        guard case .object = json else { throw EntryRejection(.notAnObject, "a delete entry must be an object") }
        let documentId = try requiredDocumentId(json.member("documentId"))
        var deleteChildren = false
        if let flag = json.member("deleteChildren"), flag != .null {
            guard let value = flag.boolValue else {
                throw EntryRejection(.invalidValue, "deleteChildren must be a boolean", parameter: "deleteChildren")
            }
            deleteChildren = value
        }
        return (documentId, deleteChildren)
    }

    /// The entry's document ID, for naming a dropped entry; `nil` when it has no readable one.
    static func identifier(of json: JSONValue) -> String? {
        json.member("documentId")?.stringValue
    }

    private static func requiredDocumentId(_ value: JSONValue?) throws(EntryRejection) -> String {
        guard let text = value?.stringValue, !text.isEmpty else {
            throw EntryRejection(.missingDocumentId, "the item has no documentId", parameter: "documentId")
        }
        if let problem = EmulatedDocumentId.problem(text) {
            throw EntryRejection(.invalidDocumentId, problem, parameter: "documentId")
        }
        return text
    }

    private static func optionalString(_ value: JSONValue?, _ name: String) throws(EntryRejection) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue else {
            throw EntryRejection(.invalidValue, "\(name) must be a string", parameter: name)
        }
        return text
    }

    /// The request-level checks of the content key: its JSON type, and base64 text for `compressedBinaryData`
    /// (sizes and inflating are found downstream, by ``decodeContent(_:compression:limits:)``).
    private static func checkContentForm(_ values: [String: JSONValue]) throws(EntryRejection) {
        if let value = values["data"], value.stringValue == nil {
            throw EntryRejection(.invalidValue, "data must be a string", parameter: "data")
        }
        if let value = values["compressedbinarydata"] {
            guard let text = value.stringValue else {
                throw EntryRejection(
                    .invalidValue, "compressedBinaryData must be a string", parameter: "compressedBinaryData")
            }
            // Text that is not base64 fails the API's own check; base64 that does not inflate is found downstream.
            guard isBase64(text) else {
                throw EntryRejection(
                    .undecodableContent, "compressedBinaryData is not valid base64", parameter: "compressedBinaryData")
            }
        }
        if let value = values["compressedbinarydatafileid"], (value.stringValue ?? "").isEmpty {
            throw EntryRejection(
                .invalidValue, "compressedBinaryDataFileId must be a non-empty string",
                parameter: "compressedBinaryDataFileId")
        }
    }

    /// Whether `text` is padded standard base64 (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`, length a multiple of 4,
    /// at most two `=` at the end), checked without decoding.
    private static func isBase64(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count % 4 == 0 else { return false }
        var padding = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0 else { return false }
            let isAlphabet =
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
            guard isAlphabet else { return false }
        }
        return padding <= 2
    }

    private static func decodeContent(
        _ values: [String: JSONValue], compression: CompressionType, limits: InMemoryPushService.Limits
    ) throws(EntryRejection) -> ItemDraft.Content {
        if let value = values["data"] {
            guard let text = value.stringValue else {
                throw EntryRejection(.invalidValue, "data must be a string", parameter: "data")
            }
            guard text.utf8.count <= limits.maxDataBytes else {
                throw EntryRejection(.contentTooLarge, "data is larger than \(limits.maxDataBytes) bytes")
            }
            return .data(text)
        }
        if let value = values["compressedbinarydata"] {
            guard let text = value.stringValue else {
                throw EntryRejection(
                    .invalidValue, "compressedBinaryData must be a string", parameter: "compressedBinaryData")
            }
            guard text.utf8.count <= limits.maxCompressedBinaryDataBytes else {
                throw EntryRejection(
                    .contentTooLarge,
                    "compressedBinaryData is larger than \(limits.maxCompressedBinaryDataBytes) bytes")
            }
            guard let bytes = Data(base64Encoded: text) else {
                throw EntryRejection(
                    .undecodableContent, "compressedBinaryData is not valid base64", parameter: "compressedBinaryData")
            }
            let decoded = try EmulatorContentDecoder.decode(
                bytes, as: compression, maxOutputBytes: limits.maxDecodedContentBytes)
            return .binary(decoded.content, opaque: decoded.opaque)
        }
        if let value = values["compressedbinarydatafileid"] {
            guard let fileId = value.stringValue, !fileId.isEmpty else {
                throw EntryRejection(
                    .invalidValue, "compressedBinaryDataFileId must be a non-empty string",
                    parameter: "compressedBinaryDataFileId")
            }
            return .fileReference(fileId)
        }
        return .none
    }

    private static func isSupportedMetadata(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let elements): return elements.allSatisfy(\.isPrimitive)
        case .object(let members): return members.holdsOnlyPrimitives
        default: return true
        }
    }

    /// Checks the shape of `permissions` (sets, or levels of sets) and counts its identities.
    private static func checkPermissions(_ value: JSONValue, limit: Int) throws(EntryRejection) {
        guard case .array(let entries) = value else {
            throw EntryRejection(.invalidPermissions, "permissions must be an array", parameter: "permissions")
        }
        var count = 0
        for entry in entries {
            guard case .object = entry else {
                throw EntryRejection(
                    .invalidPermissions, "each permission entry must be an object", parameter: "permissions")
            }
            if let sets = entry.member("permissionSets") {
                guard case .array(let levelSets) = sets else {
                    throw EntryRejection(
                        .invalidPermissions, "permissionSets must be an array", parameter: "permissions")
                }
                for set in levelSets { count += try identityCount(ofSet: set) }
            } else {
                count += try identityCount(ofSet: entry)
            }
        }
        guard count <= limit else {
            throw EntryRejection(.tooManyPermissions, "\(count) permission identities, more than \(limit)")
        }
    }

    private static func identityCount(ofSet set: JSONValue) throws(EntryRejection) -> Int {
        guard case .object = set else {
            throw EntryRejection(.invalidPermissions, "each permission set must be an object", parameter: "permissions")
        }
        if let flag = set.member("allowAnonymous"), flag.boolValue == nil, flag != .null {
            throw EntryRejection(.invalidPermissions, "allowAnonymous must be a boolean", parameter: "permissions")
        }
        var count = 0
        for key in ["allowedPermissions", "deniedPermissions"] {
            guard let list = set.member(key), list != .null else { continue }
            guard case .array(let identities) = list else {
                throw EntryRejection(.invalidPermissions, "\(key) must be an array", parameter: "permissions")
            }
            for identity in identities where identity.member("identity")?.stringValue == nil {
                throw EntryRejection(
                    .invalidPermissions, "each entry of \(key) needs an identity name", parameter: "permissions")
            }
            count += identities.count
        }
        return count
    }
}
