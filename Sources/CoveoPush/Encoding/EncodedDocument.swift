/// A document encoded as the item JSON of the Push API, ready to send or to append to a batch file.
package struct EncodedDocument: Sendable, Hashable {
    /// The document's ID.
    package var documentId: String
    /// The item JSON, as UTF-8.
    package var json: [UInt8]
    /// The compression type of the item's binary content, if it has any. For a single push this is the
    /// `compressionType` query parameter; in a batch item it is already inside ``json``.
    package var compressionType: CompressionType?

    /// Creates an encoded document.
    package init(documentId: String, json: [UInt8], compressionType: CompressionType?) {
        self.documentId = documentId
        self.json = json
        self.compressionType = compressionType
    }
}
