import Foundation

extension InMemoryPushService {
    /// `POST /files`: a new container and its upload URL.
    func createFileContainer(organizationId: String) -> EmulatorAnswer {
        let container = newFileContainer(organizationId: organizationId)
        counts.fileContainers += 1
        return .success(201, json: Self.containerJSON(fileId: container.fileId, uploadUri: container.uploadUri))
    }

    /// Registers a new, empty container (also used for stream chunks) and returns its ID and signed upload URL.
    func newFileContainer(organizationId: String) -> (fileId: String, uploadUri: String) {
        containerSequence += 1
        let fileId = Self.fileId(seed: configuration.faults.seed, sequence: containerSequence)
        containers[fileId] = FileContainerState(organizationId: organizationId, createdAt: clock.elapsed())
        let signature = RequestPreparer.uploadSignature(fileId: fileId, seed: configuration.faults.seed)
        let expires = max(1, configuration.limits.fileContainerLifetime.components.seconds)
        let uploadUri =
            configuration.uploadBaseURL.appendingPathComponent(fileId).absoluteString
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=\(expires)&X-Amz-Signature=\(signature)"
        return (fileId, uploadUri)
    }

    /// `{["streamId",] "uploadUri", "fileId", "requiredHeaders"}`: the answer describing a container.
    static func containerJSON(fileId: String, uploadUri: String, streamId: String? = nil) -> String {
        var writer = JSONWriter(capacity: 320)
        writer.beginObject()
        if let streamId {
            writer.key("streamId")
            writer.string(streamId)
        }
        writer.key("uploadUri")
        writer.string(uploadUri)
        writer.key("fileId")
        writer.string(fileId)
        writer.key("requiredHeaders")
        writer.beginObject()
        for header in RequestPreparer.requiredUploadHeaders {
            writer.key(header.name)
            writer.string(header.value)
        }
        writer.endObject()
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// A UUID-shaped file ID derived from the seed and a counter.
    static func fileId(seed: UInt64, sequence: UInt64) -> String {
        let high = FaultHash.mix(seed ^ FaultHash.mix(sequence))
        let low = FaultHash.mix(high ^ sequence)
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        return "\(hex(high >> 32, 8))-\(hex((high >> 16) & 0xFFFF, 4))-4\(hex(high & 0xFFF, 3))-"
            + "8\(hex((low >> 48) & 0xFFF, 3))-\(hex(low & 0xFFFF_FFFF_FFFF, 12))"
    }

    /// `PUT <uploadUri>`: stores the payload in its container (S3 semantics: a later upload replaces it).
    func upload(fileId: String, payload: FileContainerState.Payload, byteCount: Int) -> EmulatorAnswer {
        guard var container = containers[fileId] else {
            return .s3Error(403, "AccessDenied", "Access Denied")
        }
        guard clock.elapsed() - container.createdAt <= configuration.limits.fileContainerLifetime else {
            return .s3Error(403, "AccessDenied", "Request has expired")
        }
        container.payload = payload
        containers[fileId] = container
        counts.uploads += 1
        counts.uploadedBytes += byteCount
        var answer = EmulatorAnswer.success(200)
        let tag = FaultHash.mix(FaultHash.fnv1a(fileId) ^ UInt64(truncatingIfNeeded: byteCount))
        answer.response.headers["ETag"] = "\"\(String(tag, radix: 16))\""
        return answer
    }

    /// Consumes a container for a batch push: 404 when it does not exist in the organization, was consumed, or
    /// holds no upload.
    func takeBatchContainer(
        _ fileId: String, organizationId: String
    ) -> Result<FileContainerState.Payload, EmulatorRefusal> {
        do throws(EntryRejection) {
            return .success(try takeContainer(fileId, organizationId: organizationId))
        } catch {
            return .failure(EmulatorRefusal(.error(404, "FILE_CONTAINER_NOT_FOUND", error.message)))
        }
    }

    /// Consumes a container named by `compressedBinaryDataFileId` and returns its raw bytes.
    func takeContentContainer(_ fileId: String, organizationId: String) throws(EntryRejection) -> Data {
        switch try takeContainer(fileId, organizationId: organizationId) {
        case .content(let data): return data
        case .summary: return Data()
        }
    }

    private func takeContainer(
        _ fileId: String, organizationId: String
    ) throws(EntryRejection) -> FileContainerState.Payload {
        if consumedFileIds.contains(fileId) {
            throw EntryRejection(.unknownFileContainer, "File container '\(fileId)' was already consumed.")
        }
        guard let container = containers[fileId], container.organizationId == organizationId else {
            throw EntryRejection(
                .unknownFileContainer, "File container '\(fileId)' does not exist in organization '\(organizationId)'.")
        }
        guard let payload = container.payload else {
            throw EntryRejection(.unknownFileContainer, "File container '\(fileId)' holds no uploaded content.")
        }
        containers[fileId] = nil
        consumedFileIds.insert(fileId)
        return payload
    }
}
