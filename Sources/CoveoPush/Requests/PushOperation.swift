/// What the client was doing: a Push API or Stream API operation, named after its Swagger operation, or a local
/// step of a session. Used in errors (``PushError/operation``), logs (``PushLogEvent/operation``) and reports.
///
/// An open set: the static members name the operations this SDK sends (the Swagger file's own name,
/// `x-pretty-name`, is given where it differs) and the local steps it reports failures of (``append``,
/// ``writeBatchFile``, ``pushBatch``, ``offloadContent``). New members may be added; compare with them
/// (`error.operation == .pushDocumentBatch`) rather than switching exhaustively over raw values.
public struct PushOperation: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The operation's name, such as `addOrUpdateDocument`.
    public let rawValue: String

    /// Creates an operation from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The name.
    public var description: String { rawValue }

    /// `POST …/sources/{sourceId}/status` (Swagger `setSourceStatus`).
    public static let setSourceStatus = PushOperation(rawValue: "setSourceStatus")
    /// `PUT …/sources/{sourceId}/documents` (Swagger `addUpdateDocument`).
    public static let addOrUpdateDocument = PushOperation(rawValue: "addOrUpdateDocument")
    /// `DELETE …/sources/{sourceId}/documents` (Swagger `deleteDocument`).
    public static let deleteDocument = PushOperation(rawValue: "deleteDocument")
    /// `DELETE …/sources/{sourceId}/documents/olderthan` (Swagger `deleteDocumentsOlderThan`).
    public static let deleteDocumentsOlderThan = PushOperation(rawValue: "deleteDocumentsOlderThan")
    /// `PUT …/sources/{sourceId}/documents/batch` (Swagger `addUpdateDeleteBatchedDocument`).
    public static let pushDocumentBatch = PushOperation(rawValue: "pushDocumentBatch")
    /// `POST …/files` (Swagger `getPresignedUploadUrl`).
    public static let createFileContainer = PushOperation(rawValue: "createFileContainer")
    /// `PUT <uploadUri>`: the upload into a file container (not a Coveo endpoint, so not in the Swagger file).
    public static let uploadToFileContainer = PushOperation(rawValue: "uploadToFileContainer")
    /// `PUT …/providers/{providerId}/permissions` (Swagger `addUpdateIdentity`).
    public static let addOrUpdateIdentity = PushOperation(rawValue: "addOrUpdateIdentity")
    /// `DELETE …/providers/{providerId}/permissions` (Swagger `deleteIdentity`).
    public static let deleteIdentity = PushOperation(rawValue: "deleteIdentity")
    /// `PUT …/providers/{providerId}/mappings` (Swagger `addUpdateMappedIdentity`).
    public static let addOrUpdateAlias = PushOperation(rawValue: "addOrUpdateAlias")
    /// `PUT …/providers/{providerId}/permissions/batch` (Swagger `addUpdateDeleteBatchedIdentity`).
    public static let pushIdentityBatch = PushOperation(rawValue: "pushIdentityBatch")
    /// `DELETE …/providers/{providerId}/permissions/olderthan` (Swagger `deleteIdentityOlderThan`).
    public static let deleteIdentitiesOlderThan = PushOperation(rawValue: "deleteIdentitiesOlderThan")
    /// `POST …/sources/{sourceId}/stream/open` and `…/data-collections/{dataCollectionId}/stream/open`
    /// (Swagger `openStream` for both).
    public static let openStream = PushOperation(rawValue: "openStream")
    /// `POST …/sources/{sourceId}/stream/{streamId}/chunk`
    /// and `…/data-collections/{dataCollectionId}/stream/{streamId}/chunk` (Swagger `getStreamChunk` for both).
    public static let getStreamChunk = PushOperation(rawValue: "getStreamChunk")
    /// `POST …/sources/{sourceId}/stream/{streamId}/close`
    /// and `…/data-collections/{dataCollectionId}/stream/{streamId}/close` (Swagger `closeStream` for both).
    public static let closeStream = PushOperation(rawValue: "closeStream")
    /// `PUT …/sources/{sourceId}/stream/update` and `…/data-collections/{dataCollectionId}/stream/update`
    /// (Swagger `updateStream` for both).
    public static let updateStream = PushOperation(rawValue: "updateStream")
    /// `PUT …/sources/{sourceId}/stream/merge` and `…/data-collections/{dataCollectionId}/stream/merge`
    /// (Swagger `mergeStream` for both).
    public static let mergeStream = PushOperation(rawValue: "mergeStream")
    /// `POST …/sources/{sourceId}/stream/deleteolderthan/{epochMilliseconds}`
    /// and `…/data-collections/{dataCollectionId}/stream/deleteolderthan/{epochMilliseconds}`
    /// (Swagger `deleteOlderThanStream` for both).
    public static let deleteStreamOlderThan = PushOperation(rawValue: "deleteStreamOlderThan")
}
