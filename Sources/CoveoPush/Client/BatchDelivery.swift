/// The life of one closed batch, run in its own task: upload it (concurrently with other batches), then commit it
/// strictly after the previous batch's push was answered.
///
/// The steps are ``upload(_:)`` (`BatchDelivery+Upload.swift`: container renewal and the 413 split) and
/// ``commitInOrder(_:)`` (`BatchDelivery+Commit.swift`: the push, and the re-push of a batch whose push could not
/// be confirmed). Every part of the batch ends settled in the pipeline's report (or held for a full load's
/// close) and its file deleted.
struct BatchDelivery: Sendable {
    /// A part of the batch (the whole batch unless it was split) and the container it was uploaded to.
    struct UploadedPart: Sendable {
        var part: BatchFile
        var container: FileContainer
    }

    let client: PushClient
    let target: BatchTarget
    let counter: RequestCounter
    let pipeline: BatchPipeline

    /// Uploads `batch`, waits for `previous` (the previous batch's task) and commits the uploaded parts.
    func deliver(_ batch: BatchFile, after previous: Task<Void, Never>?) async {
        let uploaded = await upload(batch)
        await previous?.value
        await commitInOrder(uploaded)
    }

    /// Settles a part as failed; an error that is not a ``PushError`` (a cancellation) fails it as `cancelled`.
    func fail(_ part: BatchFile, _ error: any Error) async {
        let pushError = (error as? PushError) ?? PushError(.cancelled, operation: .pushBatch, message: "\(error)")
        await pipeline.settle(part, error: pushError)
    }
}
