import Foundation

/// An open stream (`POST …/stream/open`): its ID, for chunks and closing, and a first file container.
public struct StreamOpened: FileUploadTarget, Decodable, Sendable, Hashable {
    /// The stream's ID.
    public var streamId: String
    /// The presigned URL of a first file container.
    public var uploadUri: URL
    /// That container's ID.
    public var fileId: String
    /// The headers an upload to ``uploadUri`` must carry; empty when the service sent none.
    public var requiredHeaders: [String: String]

    /// Creates an open-stream description.
    public init(streamId: String, uploadUri: URL, fileId: String, requiredHeaders: [String: String] = [:]) {
        self.streamId = streamId
        self.uploadUri = uploadUri
        self.fileId = fileId
        self.requiredHeaders = requiredHeaders
    }

    private enum CodingKeys: String, CodingKey {
        case streamId, uploadUri, fileId, requiredHeaders
    }

    /// Decodes `{"streamId", "uploadUri", "fileId", "requiredHeaders"}`; `requiredHeaders` may be missing and other
    /// keys are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        streamId = try container.decode(String.self, forKey: .streamId)
        uploadUri = try Self.decodeUploadUri(from: container, forKey: .uploadUri)
        fileId = try container.decode(String.self, forKey: .fileId)
        requiredHeaders = try container.decodeIfPresent([String: String].self, forKey: .requiredHeaders) ?? [:]
    }
}
