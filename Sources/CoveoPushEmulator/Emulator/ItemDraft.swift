import Foundation

/// A validated add-or-update entry, before the service gives it an orderingId and stores it.
struct ItemDraft: Sendable {
    /// Where the content is.
    enum Content: Sendable {
        case none
        case data(String)
        /// Decoded `compressedBinaryData` (opaque when LZMA).
        case binary(Data, opaque: Bool)
        /// A file container to resolve when the item is applied.
        case fileReference(String)
    }

    var documentId: String
    var content: Content
    var compressionType: CompressionType?
    var metadata: [String: JSONValue]
    var permissions: JSONValue?
    var parentId: String?
    var fileExtension: String?

    /// The stored item, once the content is resolved and the orderingId known.
    func item(
        organizationId: String, sourceId: String, orderingId: Int64, kind: EmulatedItem.ContentKind,
        content: Data?, opaque: Bool
    ) -> EmulatedItem {
        var data: String?
        if case .data(let text) = self.content { data = text }
        return EmulatedItem(
            organizationId: organizationId, sourceId: sourceId, documentId: documentId, orderingId: orderingId,
            contentKind: kind,
            compressionType: kind == .compressedBinaryData || kind == .fileContainer
                ? compressionType : nil,
            content: content, isContentOpaque: opaque, data: data, metadata: metadata,
            permissionsJSON: permissions, parentId: parentId, fileExtension: fileExtension)
    }
}
