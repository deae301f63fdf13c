import Foundation

/// The engine behind ``PushSession`` and ``IdentitySession``: appends encoded entries to the current batch file,
/// closes it before it crosses the size limit (or before a conflict, see ``BatchConflicts``), uploads batches
/// concurrently, and pushes them strictly in the order they were created (each in its ``BatchDelivery`` task).
///
/// Order: each batch's push waits for the previous batch's push to be answered, so the service receives the
/// crawler's operations in the crawler's order. Within one batch, an ID is never both added and deleted (the
/// batch is closed first), because the service's order between a batch's arrays is not documented.
///
/// Memory: entries are encoded once by the caller and written straight into the batch file, which spills to an
/// owner-only temporary file past a threshold; at most `uploadConcurrency` finished batches wait, on disk,
/// for their upload or push, and the caller waits (back-pressure) when that many are in flight.
actor BatchPipeline {
    nonisolated let client: PushClient
    nonisolated let target: BatchTarget
    nonisolated let counter = RequestCounter()
    nonisolated let scope = CancellationScope()
    nonisolated let progress: AsyncStream<PushProgress>
    /// Called with each batch the service accepted, in commit order (Push sources only).
    nonisolated let onCommit: (@Sendable (CommittedBatch) async -> Void)?
    private let progressContinuation: AsyncStream<PushProgress>.Continuation

    private var writer: BatchFileWriter?
    /// What the open batch holds, to close it before a conflicting entry.
    private var conflicts = BatchConflicts()
    private var lastBatch: Task<Void, Never>?
    private var inFlight: [Task<Void, Never>] = []
    /// The most batch deliveries that were ever started and not yet awaited at once: an upper bound of the
    /// deliveries that ran at the same time, which ``PushClient/Configuration/uploadConcurrency`` bounds.
    private(set) var peakDeliveries = 0
    private var report = PushReport()
    private var handed = 0
    private var done = 0
    private var stopError: PushError?
    /// Appended entries accepted so far, counted from the first, until the first failed batch.
    private var committedInOrder = 0
    private var orderBroken = false
    private var finished = false
    /// Chunks of a full load, uploaded and waiting for the stream's close.
    private var held: [BatchFile] = []

    init(client: PushClient, target: BatchTarget, onCommit: (@Sendable (CommittedBatch) async -> Void)? = nil) {
        self.client = client
        self.target = target
        self.onCommit = onCommit
        (progress, progressContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
    }

    deinit {
        // An unfinished writer deletes its own spill file when released.
        progressContinuation.finish()
    }

    private var configuration: PushClient.Configuration { client.configuration }

    // MARK: - Appending

    /// Appends one encoded entry, closing the current batch first when the entry would cross a limit or
    /// conflict with an operation already in the batch.
    ///
    /// - Parameters:
    ///   - key: The document ID or identity name.
    ///   - parentKey: The parent ID of an added item, so a later cascading delete of the parent closes the batch.
    ///   - cascades: Whether a delete also deletes the item's children.
    func append(_ json: [UInt8], to section: BatchSection, key: String, parentKey: String?, cascades: Bool) async throws
    {
        if let stopError { throw stopError }
        guard !finished else {
            throw PushError(
                .invalidInput, operation: .append, message: "the session is already finished", documentIds: [key])
        }
        try Task.checkCancellation()
        handed += 1
        let entry: BatchConflicts.Entry =
            switch section {
            case .delete, .deleted: .delete(cascades: cascades)
            case .partialUpdate: .partialUpdate
            default: .add(parent: parentKey)
            }
        let probe = conflicts.probe(key, entry)
        if let current = writer, !current.isEmpty {
            let tooLarge = current.byteCount(afterAppending: json.count, to: section) > configuration.batchLimit
            let tooManyBuffered =
                section != target.format.sections.first
                && current.bufferedByteCount + json.count > configuration.deleteBufferLimit
            if tooLarge || tooManyBuffered || conflicts.conflicts(probe) { try await closeBatch() }
        }
        let current = currentWriter()
        do {
            try current.append(json, to: section)
        } catch {
            throw PushError(.localFile, operation: .writeBatchFile, message: "\(error)", documentIds: [key])
        }
        conflicts.record(probe)
    }

    /// Records an entry the caller could not even encode (invalid input, content that could not be offloaded).
    func recordRejected(_ key: String, _ error: PushError) async {
        handed += 1
        done += 1
        report.failed.append(PushReport.Failure(documentId: key, error: error))
        await publishProgress()
    }

    private func currentWriter() -> BatchFileWriter {
        if let writer { return writer }
        let created = BatchFileWriter(
            format: target.format, temporaryDirectory: configuration.temporaryDirectory,
            memoryThreshold: configuration.batchMemoryThreshold)
        writer = created
        return created
    }

    /// Finishes the current batch and hands it to a batch task; waits while too many batches are in flight.
    private func closeBatch() async throws {
        guard let current = writer else { return }
        writer = nil
        conflicts.removeAll()
        guard !current.isEmpty else {
            current.discard()
            return
        }
        let batch: BatchFile
        do {
            batch = try current.finish()
        } catch {
            current.discard()
            throw PushError(.localFile, operation: .writeBatchFile, message: "\(error)")
        }
        // Back-pressure first: the new batch starts only once fewer than `uploadConcurrency` are in flight.
        var waited = false
        while inFlight.count >= configuration.uploadConcurrency {
            waited = true
            let oldest = inFlight.removeFirst()
            await withTaskCancellationHandler {
                await oldest.value
            } onCancel: { [scope] in
                scope.cancelAll()
            }
        }
        let previous = lastBatch
        // The task starts on this actor (it captures self), as it always did; the delivery itself is nonisolated.
        let task = Task {
            await BatchDelivery(client: client, target: target, counter: counter, pipeline: self)
                .deliver(batch, after: previous)
        }
        lastBatch = task
        inFlight.append(task)
        peakDeliveries = max(peakDeliveries, inFlight.count)
        // A cancelled scope cancels the new task at once: it reports its documents and deletes its file.
        scope.add(task)
        if waited { try Task.checkCancellation() }
    }

    /// Closes the last batch, waits until every batch is pushed, and returns the report.
    func finish() async throws -> PushReport {
        if finished { return await countedReport() }
        try await closeBatch()
        finished = true
        let last = lastBatch
        await withTaskCancellationHandler {
            await last?.value
        } onCancel: { [scope] in
            scope.cancelAll()
        }
        if Task.isCancelled || scope.isCancelled {
            discardHeld()
            progressContinuation.finish()
            throw CancellationError()
        }
        if case .streamLoad(let streamTarget, let stream) = target {
            try await closeLoad(streamTarget, stream: stream)
        }
        progressContinuation.finish()
        return await countedReport()
    }

    /// The report with the session's request, retry, throttle and byte counts (also after a cancellation).
    private func countedReport() async -> PushReport {
        var final = report
        await counter.fill(&final)
        return final
    }

    /// Cancels every batch in flight, deletes the temporary files, and returns once every batch task has ended.
    /// Every entry not confirmed by then, including those of the batch still being written, is reported failed
    /// with ``PushError/Code/cancelled``.
    func cancel() async {
        scope.cancelAll()
        finished = true
        if let open = writer {
            writer = nil
            reportUnsent(open)
        }
        await lastBatch?.value
        discardHeld()
        progressContinuation.finish()
    }

    /// Reports the entries of the batch being written as cancelled, then deletes it.
    private func reportUnsent(_ open: BatchFileWriter) {
        guard !open.isEmpty, let batch = try? open.finish() else {
            open.discard()
            return
        }
        defer { batch.remove() }
        let error = PushError(
            .cancelled, operation: .pushBatch, message: "the session was cancelled before this batch was sent")
        for id in BatchScanner.identifiers(in: batch.body) {
            report.failed.append(PushReport.Failure(documentId: id, error: error))
        }
        done += batch.entryCount
    }

    /// Keeps an uploaded chunk of a full load until the stream is closed.
    func hold(_ part: BatchFile) {
        held.append(part)
    }

    private func discardHeld() {
        for part in held { part.remove() }
        held = []
    }

    /// Closes a full load's stream: its chunks are accepted only once the close was answered 2xx.
    private func closeLoad(_ streamTarget: StreamTarget, stream: StreamHandle) async throws {
        defer { discardHeld() }
        guard await stream.isOpen || !held.isEmpty else {
            throw PushError(
                .invalidInput, operation: .closeStream,
                message: "an empty full load would delete the whole catalog; nothing was sent")
        }
        let outcome: PushError?
        do {
            let streamId = try await stream.streamId()
            let request = try client.checked(.closeStream) { () throws(ValidationError) in
                try CloseStreamRequest(
                    organizationId: client.organizationId, target: streamTarget, streamId: streamId)
            }
            _ = try await client.execute(request, counter: counter)
            outcome = nil
        } catch let error as PushError {
            outcome = error
        }
        for part in held { await settle(part, error: outcome) }
    }

    // MARK: - Batch outcomes

    /// The error that stops the session, once a batch failed with one.
    var stopped: PushError? { stopError }

    /// Records a batch's outcome in the report and the progress: confirmed when `error` is nil.
    func settle(_ batch: BatchFile, error: PushError?) async {
        if let error {
            if Self.stopsTheSession(error), stopError == nil { stopError = error }
            orderBroken = true
            for id in BatchScanner.identifiers(in: batch.body) {
                report.failed.append(PushReport.Failure(documentId: id, error: error))
            }
        } else {
            if !orderBroken { committedInOrder += batch.entryCount }
            report.batches += 1
            for (section, count) in batch.entriesBySection {
                if section == .delete || section == .deleted {
                    report.deleted += count
                } else {
                    report.accepted += count
                }
            }
        }
        done += batch.entryCount
        await publishProgress()
    }

    /// Whether a failed batch makes every later append fail at once: an exhausted quota, or credentials or a
    /// privilege the service refused, which no later batch can get past.
    private static func stopsTheSession(_ error: PushError) -> Bool {
        [.quotaExceeded, .authenticationFailed, .accessDenied].contains(error.code)
    }

    private func publishProgress() async {
        let bytes = await counter.bytesUploaded
        progressContinuation.yield(
            PushProgress(
                documentsDone: done, documentsTotal: handed, bytesUploaded: bytes,
                batchesCommitted: report.batches, failures: report.failed.count, committedInOrder: committedInOrder))
    }
}
