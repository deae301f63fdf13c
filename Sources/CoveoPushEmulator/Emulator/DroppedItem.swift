/// An entry the in-memory Push service accepted with its request but then refused, as the real service does
/// downstream: a bad item inside a batch, an item with undecodable content, a malformed batch file.
///
/// The request still got 202; the item is not stored. Tests assert on these to catch broken payloads.
public struct DroppedItem: Sendable, Hashable, CustomStringConvertible {
    /// Why an entry was dropped. An open set.
    public struct Reason: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// A short identifier.
        public let rawValue: String
        /// Creates a reason from its identifier.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The identifier.
        public var description: String { rawValue }

        /// The entry is not a JSON object.
        public static let notAnObject = Reason(rawValue: "notAnObject")
        /// The item has no `documentId` (or it is not a non-empty string).
        public static let missingDocumentId = Reason(rawValue: "missingDocumentId")
        /// The item's `documentId` is not an absolute URI (such as `https://…` or `file:///…`).
        public static let invalidDocumentId = Reason(rawValue: "invalidDocumentId")
        /// The entry holds a key the service reserves for another place: `orderingId` or `deleteChildren` in an
        /// item (both are parameters of the request or of a delete entry).
        public static let reservedKey = Reason(rawValue: "reservedKey")
        /// Two keys differ only in case.
        public static let duplicateKey = Reason(rawValue: "duplicateKey")
        /// More than one of `data`, `compressedBinaryData`, `compressedBinaryDataFileId`.
        public static let multipleContents = Reason(rawValue: "multipleContents")
        /// A reserved key has a value of the wrong JSON type.
        public static let invalidValue = Reason(rawValue: "invalidValue")
        /// `compressionType` is not one of the known values.
        public static let invalidCompressionType = Reason(rawValue: "invalidCompressionType")
        /// `compressedBinaryData` is not valid base64, or the content does not inflate with its compression type.
        public static let undecodableContent = Reason(rawValue: "undecodableContent")
        /// Content beyond a size limit (`data`, `compressedBinaryData`, or decoded content).
        public static let contentTooLarge = Reason(rawValue: "contentTooLarge")
        /// `compressedBinaryDataFileId` names no uploaded, unconsumed, unexpired file container.
        public static let unknownFileContainer = Reason(rawValue: "unknownFileContainer")
        /// `permissions` is not an array of permission sets or levels.
        public static let invalidPermissions = Reason(rawValue: "invalidPermissions")
        /// More permission identities than the limit (5,000).
        public static let tooManyPermissions = Reason(rawValue: "tooManyPermissions")
        /// A metadata value is a nested array or object.
        public static let unsupportedMetadataValue = Reason(rawValue: "unsupportedMetadataValue")
        /// An identity entry lacks a valid `identity` (name and known type) or has malformed members.
        public static let invalidIdentity = Reason(rawValue: "invalidIdentity")
        /// An entry of a section this kind of batch does not have (such as `members` in an item batch).
        public static let unknownSection = Reason(rawValue: "unknownSection")
        /// The whole batch file is not a JSON object of arrays; nothing in it was applied.
        public static let malformedBatchFile = Reason(rawValue: "malformedBatchFile")
    }

    /// The organization of the request.
    public var organizationId: String
    /// The source (item entries) or security provider (identity entries) of the request.
    public var targetId: String
    /// The file container the entry came from, for batch entries.
    public var fileId: String?
    /// The batch section of the entry (`addOrUpdate`, `delete`, `members`, …), or `nil` for a single request.
    public var section: String?
    /// The document ID (items) or identity name (identities), when the entry had a readable one.
    public var identifier: String?
    /// Why the entry was dropped.
    public var reason: Reason
    /// A one-line explanation.
    public var message: String

    /// Creates a dropped-entry record.
    public init(
        organizationId: String, targetId: String, fileId: String? = nil, section: String? = nil,
        identifier: String? = nil, reason: Reason, message: String
    ) {
        self.organizationId = organizationId
        self.targetId = targetId
        self.fileId = fileId
        self.section = section
        self.identifier = identifier
        self.reason = reason
        self.message = message
    }

    /// `identifier (reason): message`.
    public var description: String { "\(identifier ?? "<no id>") (\(reason)): \(message)" }
}
