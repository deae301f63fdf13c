import Foundation

/// An item as the in-memory Push service stores it after an add or update: its decoded content, metadata,
/// permissions and the orderingId that decides which update wins.
///
/// ```swift
/// let item = try #require(await service.item("https://example.com/a", sourceId: "src"))
/// #expect(item.text == "<html>…</html>")
/// #expect(item.title == "Welcome")
/// #expect(item.metadata["tags"] == ["swift", "coveo"])
/// ```
public struct EmulatedItem: Sendable, Hashable {
    /// Where the item's content came from.
    public enum ContentKind: String, Sendable, Hashable {
        /// The item has no content.
        case none
        /// The `data` text.
        case data
        /// Base64 `compressedBinaryData` in the request.
        case compressedBinaryData
        /// A file container, named by `compressedBinaryDataFileId`.
        case fileContainer
    }

    /// The organization holding the source.
    public var organizationId: String
    /// The source holding the item.
    public var sourceId: String
    /// The item's URI.
    public var documentId: String
    /// The orderingId of the update that stored the item: the one sent, or the service's receipt time in
    /// milliseconds since 1970.
    public var orderingId: Int64
    /// Where the content came from.
    public var contentKind: ContentKind
    /// The compression the content was declared with (binary content only).
    public var compressionType: CompressionType?
    /// The decoded content bytes: the UTF-8 of `data`, or the inflated binary content. For `LZMA` content, which
    /// the emulator cannot inflate, the bytes as received (see ``isContentOpaque``).
    ///
    /// An item pushed with `data` keeps the text once, in ``data``; its content is made from it when asked for.
    public var content: Data? {
        get { contentKind == .data ? data.map { Data($0.utf8) } : binaryContent }
        set {
            if contentKind == .data {
                data = newValue.map { String(decoding: $0, as: UTF8.self) }
                binaryContent = nil
            } else {
                binaryContent = newValue
            }
        }
    }
    /// The content of an item not pushed with `data`.
    private var binaryContent: Data?
    /// Whether ``content`` holds bytes the emulator could not decode (LZMA), rather than the item's content.
    public var isContentOpaque: Bool
    /// The `data` text, when the item was pushed with `data`.
    public var data: String?
    /// Every key that is not reserved by the Push API (`title`, `author`, `date`, custom fields, …), as sent.
    public var metadata: [String: JSONValue]
    /// The `permissions` value as sent, or `nil` when the item had none.
    public var permissionsJSON: JSONValue?
    /// The `parentId` (the item this one is an attachment of).
    public var parentId: String?
    /// The `fileExtension`, such as `.html`.
    public var fileExtension: String?

    /// Creates an item description (the service builds these; tests may build expected values).
    public init(
        organizationId: String, sourceId: String, documentId: String, orderingId: Int64,
        contentKind: ContentKind = .none, compressionType: CompressionType? = nil, content: Data? = nil,
        isContentOpaque: Bool = false, data: String? = nil, metadata: [String: JSONValue] = [:],
        permissionsJSON: JSONValue? = nil, parentId: String? = nil, fileExtension: String? = nil
    ) {
        self.organizationId = organizationId
        self.sourceId = sourceId
        self.documentId = documentId
        self.orderingId = orderingId
        self.contentKind = contentKind
        self.compressionType = compressionType
        if contentKind == .data {
            self.data = data ?? content.map { String(decoding: $0, as: UTF8.self) }
            self.binaryContent = nil
        } else {
            self.data = data
            self.binaryContent = content
        }
        self.isContentOpaque = isContentOpaque
        self.metadata = metadata
        self.permissionsJSON = permissionsJSON
        self.parentId = parentId
        self.fileExtension = fileExtension
    }

    /// The content as UTF-8 text, or `nil` when there is none, it is opaque, or it is not valid UTF-8.
    public var text: String? {
        guard let content, !isContentOpaque else { return nil }
        let text = String(decoding: content, as: UTF8.self)
        return text.utf8.elementsEqual(content) ? text : nil
    }

    /// The metadata value whose key equals `name` ignoring case, as the service compares keys.
    public func metadataValue(_ name: String) -> JSONValue? {
        if let exact = metadata[name] { return exact }
        let folded = name.lowercased()
        return metadata.first { $0.key.lowercased() == folded }?.value
    }

    /// The `title` metadata, when it is a string.
    public var title: String? { metadataValue("title")?.stringValue }

    /// The permissions as compact JSON text (keys sorted), or `nil` when the item had none.
    public var permissionsText: String? { permissionsJSON?.sortingKeys.jsonText }

    /// The permissions decoded into the SDK's model, or `nil` when the item had none or they do not decode.
    public var permissions: DocumentPermissions? {
        guard let permissionsText else { return nil }
        return try? JSONDecoder().decode(DocumentPermissions.self, from: Data(permissionsText.utf8))
    }
}
