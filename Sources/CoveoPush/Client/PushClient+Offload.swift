import Foundation

extension PushClient {
    /// Moves a document's content into its own file container and returns the document referencing it by
    /// `compressedBinaryDataFileId`: how content beyond the 5 MB inline limits is pushed, up to 256 MB.
    ///
    /// The content is compressed as a stream into an owner-only temporary file (text as UTF-8 with ZLIB), read
    /// straight from where it already is: a file a piece at a time, text from the string's own UTF-8 storage, bytes
    /// from the `Data`, base64 text decoded a piece at a time. No second copy of the content is made in memory, so
    /// a 200 MB file or a 40 MB string costs only the compressor's buffers; the temporary file is deleted
    /// afterwards.
    ///
    /// - Throws: ``PushError`` with code `contentTooLarge` naming the document beyond 256 MB, `localFile` when the
    ///   content cannot be read, or the upload's error.
    nonisolated func offloadingContent(of document: Document, counter: RequestCounter?) async throws -> Document {
        let documentId = document.documentId
        let operation = PushOperation.offloadContent
        guard let content = document.content else { return document }
        let limit = PushLimits.maxFileContainerBytes
        let file: TemporaryFile
        do {
            file = try TemporaryFile(
                in: configuration.temporaryDirectory, prefix: "coveo-push-content-", suffix: ".bin")
        } catch {
            throw PushError(.localFile, operation: operation, message: "\(error)", documentIds: [documentId])
        }
        defer { file.remove() }
        var written = 0
        func write(_ bytes: UnsafeRawBufferPointer) throws {
            written += bytes.count
            if written > limit { throw OffloadLimitReached() }
            try file.write(bytes)
        }
        func writeData(_ data: Data) throws { try data.withUnsafeBytes { try write($0) } }
        let type: CompressionType
        do {
            switch content {
            case .text(let text):
                type = .zlib
                try Compression.compress(utf8: text, as: .zlib) { try write($0) }
            case .binary(let data, let compression):
                type = compression
                try data.withUnsafeBytes { bytes in
                    _ = try Compression.compress(bytes, as: compression) { try write($0) }
                }
            case .file(let url, let compression):
                type = compression
                _ = try Compression.compressFile(at: url, as: compression) { try write($0) }
            case .compressed(let data, let declared):
                type = declared
                try writeData(data)
            case .base64(let text, let declared):
                type = declared
                guard try Base64Pieces.decode(text, into: { try write($0) }) else {
                    throw ValidationError(
                        .invalidBase64, .document(documentId), "compressedBinaryData is not valid base64")
                }
            case .fileReference:
                return document
            }
            try file.close()
        } catch is OffloadLimitReached {
            throw PushError(
                .contentTooLarge, operation: operation,
                message: "the content is over \(limit) bytes once compressed; a file container holds at most \(limit)",
                documentIds: [documentId])
        } catch let error as ValidationError {
            throw PushError(error, operation: operation)
        } catch let error as PushError {
            throw error
        } catch {
            throw PushError(.localFile, operation: operation, message: "\(error)", documentIds: [documentId])
        }
        let container = try await uploadToNewContainer(.file(file.url), counter: counter, documentIds: [documentId])
        var offloaded = document
        offloaded.content = .fileReference(fileId: container.fileId, type: type)
        return offloaded
    }
}

private struct OffloadLimitReached: Error {}
