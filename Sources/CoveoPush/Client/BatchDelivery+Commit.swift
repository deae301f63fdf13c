extension BatchDelivery {
    /// Commits the uploaded parts of a batch in order; called once the previous batch's push was answered.
    ///
    /// For a full load the parts are only held: the stream's close applies them. Otherwise each part is pushed
    /// and settled, and its file deleted; once the session was stopped, the parts left are settled as failed.
    func commitInOrder(_ uploaded: [UploadedPart]) async {
        for uploadedPart in uploaded {
            let part = uploadedPart.part
            guard target.commitsEachBatch else {
                await pipeline.hold(part)
                continue
            }
            defer { part.remove() }
            if let stop = await pipeline.stopped {
                await fail(part, stop)
                continue
            }
            await commit(part, container: uploadedPart.container)
        }
    }

    /// Hands a committed part's operations to the session's commit handler, if it has one; the batch file is read
    /// in this task, not in an actor.
    private func reportCommit(of part: BatchFile) async {
        guard let onCommit = pipeline.onCommit, case .items(let sourceId, _) = target else { return }
        let committedAt = client.configuration.wallClock()
        await onCommit(
            CommittedBatch(sourceId: sourceId, entries: CommittedBatch.entries(of: part.body), committedAt: committedAt))
    }

    /// Pushes one part. When the push's outcome is unknown (``PushClient/isUnconfirmed(_:)``), the part is uploaded
    /// to a new container and pushed again, at most `maxRepushes` times: re-applying a batch is harmless.
    private func commit(_ part: BatchFile, container: FileContainer) async {
        var fileId = container.fileId
        var repushes = 0
        while true {
            do {
                try Task.checkCancellation()
                try await client.commit(fileId: fileId, to: target, counter: counter, documentIds: [])
                await reportCommit(of: part)
                await pipeline.settle(part, error: nil)
                return
            } catch let error as PushError
                where PushClient.isUnconfirmed(error) && repushes < client.configuration.maxRepushes
            {
                repushes += 1
                do {
                    fileId = try await client.uploadToNewContainer(
                        part.body, counter: counter, documentIds: [], for: target
                    ).fileId
                } catch {
                    await fail(part, error)
                    return
                }
            } catch {
                await fail(part, error)
                return
            }
        }
    }
}
