import Foundation

/// Somewhere a ``RequestBuilder`` can upload a body to: a presigned `uploadUri` and the headers it requires.
///
/// ``FileContainer``, ``StreamOpened`` and ``StreamChunk`` conform.
package protocol FileUploadTarget: Sendable {
    /// The presigned URL to `PUT` the body to.
    var uploadUri: URL { get }
    /// The headers the upload must carry, exactly.
    var requiredHeaders: [String: String] { get }
}

extension FileUploadTarget {
    /// Decodes `uploadUri` as an absolute URL.
    static func decodeUploadUri<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws
        -> URL
    {
        let text = try container.decode(String.self, forKey: key)
        guard let url = URL(string: text),
            let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            components.scheme != nil, components.host?.isEmpty == false
        else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "uploadUri is not an absolute URL")
        }
        return url
    }
}
