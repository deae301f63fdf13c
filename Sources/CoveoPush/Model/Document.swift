import Foundation

/// An item to push to a Coveo Push source: its URI, standard fields, content, metadata and permissions.
///
/// ```swift
/// var document = Document(documentId: "https://intranet.example.com/pages/42")
/// document.title = "Expense policy"
/// document.content = .text("<html>…</html>")
/// document.fileExtension = ".html"
/// document.metadata["department"] = "finance"
/// document.permissions = .sets([PermissionSet(allowed: [.group("Staff")])])
/// try document.validate()
/// ```
///
/// The document is a plain value: building one does no I/O. ``validate()`` checks every rule the service
/// would enforce, so invalid input is refused before any request; `PushClient` validates every document it
/// is given.
public struct Document: Sendable, Hashable {
    /// The item's unique ID: an absolute URI such as `https://…` or `file:///…`. The same string is sent in the
    /// body and in the query string.
    public var documentId: String
    /// The title.
    public var title: String?
    /// The author.
    public var author: String?
    /// The URI a user opens from search results.
    public var clickableUri: String?
    /// The item's date, sent in UTC ISO 8601 with milliseconds (`2024-01-31T12:00:00.000Z`).
    public var date: Date?
    /// The item's last modification date, sent like ``date``.
    public var modifiedDate: Date?
    /// The file extension, starting with a dot (`.pdf`); it selects the converter.
    public var fileExtension: String?
    /// The URI of the parent item, for attachments.
    public var parentId: String?
    /// An explicit permanent ID. When `nil`, ``resolvedPermanentId`` computes one from the document ID.
    public var permanentId: String?
    /// The content, if any.
    public var content: DocumentContent?
    /// Metadata, flattened into the item's JSON.
    public var metadata: Metadata
    /// Permissions; `nil` sends no `permissions` key.
    public var permissions: DocumentPermissions?

    /// Creates a document. Only the ID is required.
    public init(
        documentId: String,
        title: String? = nil,
        author: String? = nil,
        clickableUri: String? = nil,
        date: Date? = nil,
        modifiedDate: Date? = nil,
        fileExtension: String? = nil,
        parentId: String? = nil,
        permanentId: String? = nil,
        content: DocumentContent? = nil,
        metadata: Metadata = Metadata(),
        permissions: DocumentPermissions? = nil
    ) {
        self.documentId = documentId
        self.title = title
        self.author = author
        self.clickableUri = clickableUri
        self.date = date
        self.modifiedDate = modifiedDate
        self.fileExtension = fileExtension
        self.parentId = parentId
        self.permanentId = permanentId
        self.content = content
        self.metadata = metadata
        self.permissions = permissions
    }

    /// The permanent ID sent with the item: the explicit ``permanentId``, or the first 30 hex characters of the
    /// MD5 followed by the first 30 of the SHA-1 of the UTF-8 document ID (the algorithm of Coveo's own clients).
    public var resolvedPermanentId: String {
        permanentId ?? PermanentId.make(for: documentId)
    }
}
