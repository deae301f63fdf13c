import Foundation

/// Encodes documents as the Push API's item JSON, fast, with our own ``JSONWriter``.
///
/// The output of one document is deterministic: `documentId`, `permanentid`, the typed fields that are set
/// (`title`, `author`, `clickableUri`, `date`, `modifiedDate`, `fileExtension`, `parentId`), the metadata
/// flattened at the top level in the order it was set, `permissions` (only when set), then the content
/// (`data`, or `compressedBinaryData` / `compressedBinaryDataFileId` with `compressionType` in batch items).
///
/// Encoding validates the document first (``Document/validate()``) and compresses `binary` and `file`
/// content. It is CPU work: call it outside actors. Content that does not fit the inline limits throws
/// ``ValidationError`` with rule ``ValidationError/Rule/contentTooLarge``; `PushClient` then offloads the
/// content to a file container.
///
/// ```swift
/// let encoded = try DocumentEncoder().encode(document, for: .batchItem)
/// ```
package struct DocumentEncoder: Sendable {
    /// The zlib level used when the SDK compresses content (0–9; 6 is zlib's default balance).
    package var compressionLevel: Int

    /// Creates an encoder.
    package init(compressionLevel: Int = 6) {
        self.compressionLevel = compressionLevel
    }

    /// Validates and encodes one document.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - placement: A single push or a batch item; decides where `compressionType` goes.
    /// - Returns: The item JSON and the content's compression type.
    /// - Throws: ``ValidationError`` for an invalid document or content over the inline limits.
    package func encode(_ document: Document, for placement: DocumentPlacement) throws -> EncodedDocument {
        var writer = JSONWriter(capacity: 2048)
        let compressionType = try encode(document, for: placement, into: &writer)
        return EncodedDocument(documentId: document.documentId, json: writer.bytes, compressionType: compressionType)
    }

    /// Validates and encodes one document into a writer, so one buffer can be reused for many documents.
    ///
    /// - Returns: The content's compression type, if the document has binary content.
    @discardableResult
    package func encode(_ document: Document, for placement: DocumentPlacement, into writer: inout JSONWriter) throws
        -> CompressionType?
    {
        try document.validate()
        let start = writer.bytes.count
        let payload = try contentPayload(of: document)
        writer.beginObject()
        writer.key("documentId")
        writer.string(document.documentId)
        writer.key("permanentid")
        writer.string(document.resolvedPermanentId)
        writeOptional("title", document.title, into: &writer)
        writeOptional("author", document.author, into: &writer)
        writeOptional("clickableUri", document.clickableUri, into: &writer)
        if let date = document.date {
            writer.key("date")
            writer.date(date)
        }
        if let modifiedDate = document.modifiedDate {
            writer.key("modifiedDate")
            writer.date(modifiedDate)
        }
        writeOptional("fileExtension", document.fileExtension, into: &writer)
        writeOptional("parentId", document.parentId, into: &writer)
        for entry in document.metadata {
            writer.key(entry.name)
            write(entry.value, into: &writer)
        }
        if let permissions = document.permissions {
            writer.key("permissions")
            write(permissions, into: &writer)
        }
        switch payload {
        case nil:
            break
        case .text(let text):
            writer.key("data")
            writer.string(text)
        case .inlineBinary(let base64, let type):
            writer.key("compressedBinaryData")
            writer.unescapedString(base64)
            if placement == .batchItem {
                writer.key("compressionType")
                writer.string(type.rawValue)
            }
        case .fileReference(let fileId, let type):
            writer.key("compressedBinaryDataFileId")
            writer.string(fileId)
            if placement == .batchItem {
                writer.key("compressionType")
                writer.string(type.rawValue)
            }
        }
        writer.endObject()
        if placement == .singlePush, writer.bytes.count - start > PushLimits.maxRequestBytes {
            throw ValidationError(
                .contentTooLarge, .document(document.documentId),
                "the item is \(writer.bytes.count - start) bytes; a single push is limited to \(PushLimits.maxRequestBytes)"
            )
        }
        return payload?.compressionType
    }

    /// Encodes an entry of a batch file's `delete` array: `{"documentId":…,"deleteChildren":…}`.
    ///
    /// - Throws: ``ValidationError`` when the ID is not an absolute URI.
    package func encodeDelete(documentId: String, deleteChildren: Bool) throws -> [UInt8] {
        if let problem = Document.uriProblem(documentId) {
            throw ValidationError(.invalidDocumentId, .document(documentId), "the document ID \(problem)")
        }
        var writer = JSONWriter(capacity: documentId.utf8.count + 48)
        writer.beginObject()
        writer.key("documentId")
        writer.string(documentId)
        writer.key("deleteChildren")
        writer.bool(deleteChildren)
        writer.endObject()
        return writer.bytes
    }

    /// Encodes an entry of a stream update's `partialUpdate` array:
    /// `{"documentId":…,"operator":…,"field":…,"value":…}`.
    ///
    /// - Throws: ``ValidationError`` when the update is invalid.
    package func encodePartialUpdate(_ update: PartialUpdate) throws -> [UInt8] {
        try update.validate()
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.key("documentId")
        writer.string(update.documentId)
        writer.key("operator")
        writer.string(update.operator.rawValue)
        writer.key("field")
        writer.string(update.field)
        writer.key("value")
        write(update.value, into: &writer)
        writer.endObject()
        return writer.bytes
    }

    // MARK: - Content

    /// The content as it goes on the wire.
    enum ContentPayload {
        case text(String)
        case inlineBinary(base64: [UInt8], type: CompressionType)
        case fileReference(fileId: String, type: CompressionType)

        var compressionType: CompressionType? {
            switch self {
            case .text: return nil
            case .inlineBinary(_, let type), .fileReference(_, let type): return type
            }
        }
    }

    /// The largest raw (pre-base64) binary that fits the `compressedBinaryData` limit once base64-encoded.
    static let maxInlineBinaryBytes = PushLimits.maxCompressedBinaryDataBytes / 4 * 3

    /// Resolves the document's content: compresses what the SDK must compress and base64-encodes binary.
    func contentPayload(of document: Document) throws -> ContentPayload? {
        guard let content = document.content else { return nil }
        let documentId = document.documentId
        switch content {
        case .text(let text):
            if text.utf8.count > PushLimits.maxDataBytes {
                throw ValidationError(
                    .contentTooLarge, .document(documentId),
                    "text content is \(text.utf8.count) bytes; 'data' is limited to \(PushLimits.maxDataBytes) inline")
            }
            return .text(text)
        case .binary(let data, let type):
            if type == .uncompressed { return try inline(data, type: type, documentId: documentId) }
            return try inline(compressing: data, type: type, documentId: documentId)
        case .file(let url, let type):
            return try inline(compressingFile: url, type: type, documentId: documentId)
        case .compressed(let data, let type):
            return try inline(data, type: type, documentId: documentId)
        case .base64(let text, let type):
            if text.utf8.count > PushLimits.maxCompressedBinaryDataBytes {
                throw Self.tooLarge(documentId, base64Bytes: text.utf8.count)
            }
            return .inlineBinary(base64: Array(text.utf8), type: type)
        case .fileReference(let fileId, let type):
            return .fileReference(fileId: fileId, type: type)
        }
    }

    private func inline(_ bytes: Data, type: CompressionType, documentId: String) throws -> ContentPayload {
        guard bytes.count <= Self.maxInlineBinaryBytes else {
            throw Self.tooLarge(documentId, base64Bytes: (bytes.count + 2) / 3 * 4)
        }
        return .inlineBinary(base64: Array(bytes.base64EncodedData()), type: type)
    }

    /// Compresses bytes in memory for inline content, stopping as soon as the output is over the inline limit (the
    /// content is then offloaded, compressed again as a stream into a file), so the work spent on content too
    /// large to send inline stays bounded by that limit.
    private func inline(compressing data: Data, type: CompressionType, documentId: String) throws -> ContentPayload {
        var compressed = Data()
        compressed.reserveCapacity(min(data.count / 2 + 64, Self.maxInlineBinaryBytes + 1))
        do {
            try data.withUnsafeBytes { bytes in
                _ = try Compression.compress(bytes, as: type, level: compressionLevel) { chunk in
                    compressed.append(contentsOf: chunk)
                    if compressed.count > Self.maxInlineBinaryBytes { throw InlineLimitReached() }
                }
            }
        } catch is InlineLimitReached {
            throw Self.tooLarge(documentId, base64Bytes: nil)
        }
        return try inline(compressed, type: type, documentId: documentId)
    }

    private func inline(compressingFile url: URL, type: CompressionType, documentId: String) throws -> ContentPayload {
        var compressed = Data()
        do {
            _ = try Compression.compressFile(at: url, as: type, level: compressionLevel) { chunk in
                compressed.append(contentsOf: chunk)
                if compressed.count > Self.maxInlineBinaryBytes { throw InlineLimitReached() }
            }
        } catch is InlineLimitReached {
            throw Self.tooLarge(documentId, base64Bytes: nil)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError(.unreadableFile, .document(documentId), "cannot read \(url.path): \(error)")
        }
        return try inline(compressed, type: type, documentId: documentId)
    }

    private struct InlineLimitReached: Error {}

    private static func tooLarge(_ documentId: String, base64Bytes: Int?) -> ValidationError {
        let size = base64Bytes.map { "\($0) bytes of base64" } ?? "more than the limit once compressed"
        return ValidationError(
            .contentTooLarge, .document(documentId),
            "binary content is \(size); compressedBinaryData is limited to \(PushLimits.maxCompressedBinaryDataBytes) bytes"
        )
    }

    // MARK: - Values

    private func writeOptional(_ key: String, _ value: String?, into writer: inout JSONWriter) {
        guard let value else { return }
        writer.key(key)
        writer.string(value)
    }

    private func write(_ value: MetadataValue, into writer: inout JSONWriter) {
        switch value {
        case .string(let text): writer.string(text)
        case .integer(let number): writer.integer(number)
        case .double(let number): writer.double(number)
        case .bool(let flag): writer.bool(flag)
        case .date(let date): writer.date(date)
        case .array(let elements):
            writer.beginArray()
            for element in elements { write(element, into: &writer) }
            writer.endArray()
        case .dictionary(let entries):
            writer.beginObject()
            for key in entries.keys.sorted() {
                writer.key(key)
                if let element = entries[key] { write(element, into: &writer) }
            }
            writer.endObject()
        }
    }

    private func write(_ permissions: DocumentPermissions, into writer: inout JSONWriter) {
        writer.beginArray()
        switch permissions {
        case .sets(let sets):
            for set in sets { write(set, into: &writer) }
        case .levels(let levels):
            for level in levels {
                writer.beginObject()
                if let name = level.name {
                    writer.key("name")
                    writer.string(name)
                }
                writer.key("permissionSets")
                writer.beginArray()
                for set in level.sets { write(set, into: &writer) }
                writer.endArray()
                writer.endObject()
            }
        }
        writer.endArray()
    }

    private func write(_ set: PermissionSet, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("allowAnonymous")
        writer.bool(set.allowAnonymous)
        writer.key("allowedPermissions")
        write(set.allowed, into: &writer)
        writer.key("deniedPermissions")
        write(set.denied, into: &writer)
        writer.endObject()
    }

    private func write(_ identities: [PermissionIdentity], into writer: inout JSONWriter) {
        writer.beginArray()
        for identity in identities {
            writer.beginObject()
            writer.key("identity")
            writer.string(identity.identity)
            writer.key("identityType")
            writer.string(identity.identityType.rawValue)
            if let provider = identity.securityProvider {
                writer.key("securityProvider")
                writer.string(provider)
            }
            writer.endObject()
        }
        writer.endArray()
    }
}
