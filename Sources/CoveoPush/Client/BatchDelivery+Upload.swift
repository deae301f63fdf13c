extension BatchDelivery {
    /// Uploads a batch to a new file container, concurrently with other batches.
    ///
    /// The client renews a container whose upload URL was refused (`uploadToNewContainer`); when the upload host
    /// refuses the size (413), the part is split in two and each half uploaded in its turn, so a batch may end as
    /// several parts, in their original order. A part that cannot be uploaded (or split) is settled as failed
    /// and its file deleted; so is every part once the session was stopped.
    ///
    /// - Returns: The uploaded parts, in order, each with its container.
    func upload(_ batch: BatchFile) async -> [UploadedPart] {
        var pending = [batch]
        var uploaded: [UploadedPart] = []
        while !pending.isEmpty {
            let part = pending.removeFirst()
            if let stop = await pipeline.stopped {
                await fail(part, stop)
                part.remove()
                continue
            }
            do {
                let container = try await client.uploadToNewContainer(
                    part.body, counter: counter, documentIds: [], for: target)
                uploaded.append(UploadedPart(part: part, container: container))
            } catch let error as PushError where error.code == .contentTooLarge && error.statusCode == 413 {
                if let halves = split(part) {
                    pending.insert(contentsOf: [halves.0, halves.1], at: 0)
                } else {
                    await fail(part, error)
                }
                part.remove()
            } catch {
                await fail(part, error)
                part.remove()
            }
        }
        return uploaded
    }

    /// The two halves of a part the upload host found too large, or nil when it cannot be split (a single entry)
    /// or its halves cannot be written.
    private func split(_ part: BatchFile) -> (BatchFile, BatchFile)? {
        do {
            return try part.split(
                format: target.format, temporaryDirectory: client.configuration.temporaryDirectory,
                memoryThreshold: client.configuration.batchMemoryThreshold)
        } catch {
            return nil
        }
    }
}
