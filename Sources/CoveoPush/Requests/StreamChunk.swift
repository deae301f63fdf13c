import Foundation

/// A new chunk of an open stream (`POST …/stream/{streamId}/chunk`): a file container for the next part of a
/// catalog load.
public struct StreamChunk: FileUploadTarget, Decodable, Sendable, Hashable {
    /// The presigned URL to `PUT` the chunk to.
    public var uploadUri: URL
    /// The chunk's file container ID.
    public var fileId: String
    /// The headers the upload must carry; empty when the service sent none.
    public var requiredHeaders: [String: String]

    /// Creates a chunk description.
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
