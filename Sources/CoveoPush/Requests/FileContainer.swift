import Foundation

/// A file container created by `POST /organizations/{organizationId}/files`: a private, encrypted storage place
/// where a batch or an item's content is uploaded before it is pushed by its ``fileId``.
///
/// Upload with exactly ``requiredHeaders`` (``RequestBuilder/buildUpload(to:body:)``), never with the Coveo
/// `Authorization` header. The ``uploadUri`` expires 60 minutes after creation.
public struct FileContainer: FileUploadTarget, Decodable, Sendable, Hashable {
    /// The presigned URL to `PUT` the content to.
    public var uploadUri: URL
    /// The container's ID, for `fileId` query parameters or `compressedBinaryDataFileId`.
    public var fileId: String
    /// The headers the upload must carry; empty when the service sent none.
    public var requiredHeaders: [String: String]

    /// Creates a file container description.
    public init(uploadUri: URL, fileId: String, requiredHeaders: [String: String] = [:]) {
        self.uploadUri = uploadUri
        self.fileId = fileId
        self.requiredHeaders = requiredHeaders
    }

    private enum CodingKeys: String, CodingKey {
        case uploadUri, fileId, requiredHeaders
    }

    /// Decodes `{"uploadUri", "fileId", "requiredHeaders"}`; `requiredHeaders` may be missing and other keys are
    /// ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uploadUri = try Self.decodeUploadUri(from: container, forKey: .uploadUri)
        fileId = try container.decode(String.self, forKey: .fileId)
        requiredHeaders = try container.decodeIfPresent([String: String].self, forKey: .requiredHeaders) ?? [:]
    }
}
