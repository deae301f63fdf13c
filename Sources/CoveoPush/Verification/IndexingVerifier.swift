import Foundation

/// Finds out, per document, whether what a push sent was indexed, deleted, rejected (and why), or is still
/// pending, by reading the source's logs.
///
/// A `2xx` from the Push API only means "accepted for processing"; an item can still be refused downstream. The
/// verifier takes the push's committed batches as they happen, holds only the documents still unsettled (spilling
/// to an owner-only temporary file past ``Configuration/memoryBound``), and reads the Logs API by source and time
/// window (a few pages per poll, never one request per document) until every document settled or the timeout.
///
/// ```swift
/// let verifier = IndexingVerifier(reader: client, sourceId: "my-source")
/// let session = client.session(sourceId: "my-source", onCommit: { await verifier.record($0) })
/// for document in documents { try await session.addOrUpdate(document) }
/// _ = try await session.finish()
/// let report = await verifier.verify { verdict in
///     if case .rejected(let reason) = verdict.outcome { print(verdict.documentId, reason) }
/// }
/// print(report.indexed, report.rejected, report.pending)
/// ```
///
/// Which entries mean what is an assumption kept in one place (`IndexingInterpretation.swift`, listed in
/// `Documentation/Verification.md`). A Logs API that fails or is slow only delays verdicts: a document is never
/// reported indexed without an entry saying so, and what was not confirmed by the deadline is ``IndexingOutcome/pending``.
public actor IndexingVerifier {
    /// How often and how long the verifier reads the logs, and how much it keeps in memory.
    public struct Configuration: Sendable {
        /// The shortest wait between two polls. Coveo asks not to call the Logs API frequently (a call can take a
        /// minute); 30 seconds by default.
        public var minimumPollInterval: Duration
        /// The longest wait between two polls: after a poll that settled nothing, the wait doubles up to this.
        public var maximumPollInterval: Duration
        /// How long ``IndexingVerifier/verify(onVerdict:)`` waits for the last document before calling the rest
        /// pending.
        public var timeout: Duration
        /// How much earlier than a document's commit (by the client's clock) an entry may be dated and still count:
        /// the two clocks may differ.
        public var clockSkew: TimeInterval
        /// How far back each poll reads again what the previous one read, for entries that appear late.
        public var logsLatency: TimeInterval
        /// The most unsettled documents held in memory; the rest wait in a temporary file.
        public var memoryBound: Int
        /// Where the spill file goes.
        public var temporaryDirectory: URL
        /// The wall clock that dates windows (and is compared with the logs' dates).
        public var wallClock: @Sendable () -> Date

        /// Creates a configuration; the defaults suit the real service.
        public init(
            minimumPollInterval: Duration = .seconds(30), maximumPollInterval: Duration = .seconds(120),
            timeout: Duration = .seconds(15 * 60), clockSkew: TimeInterval = 120, logsLatency: TimeInterval = 60,
            memoryBound: Int = 250_000, temporaryDirectory: URL = FileManager.default.temporaryDirectory,
            wallClock: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.minimumPollInterval = minimumPollInterval
            self.maximumPollInterval = maximumPollInterval
            self.timeout = timeout
            self.clockSkew = clockSkew
            self.logsLatency = logsLatency
            self.memoryBound = memoryBound
            self.temporaryDirectory = temporaryDirectory
            self.wallClock = wallClock
        }
    }

    /// Progress of a verification.
    public struct Progress: Sendable, Hashable {
        /// Documents settled so far.
        public var settled: Int
        /// Documents still waiting.
        public var waiting: Int
        /// Logs API requests answered so far.
        public var logsRequests: Int
    }

    /// The source verified.
    public nonisolated let sourceId: String
    /// The configuration.
    public nonisolated let configuration: Configuration
    /// Progress events, one per poll (only the newest are kept for a slow reader).
    public nonisolated let progress: AsyncStream<Progress>

    private let reader: any LogEntryReading
    private let clock: any Clock<Duration>
    private let progressContinuation: AsyncStream<Progress>.Continuation
    private var waiting: UnsettledDocuments
    private var report = VerificationReport()
    /// Where each kind of poll resumes reading.
    private var windowStarts: [PollKind: Date] = [:]
    /// A spill write that failed: its documents are reported pending.
    private var lostToSpill = 0

    /// The two reads of a poll: problems first (so a warning is known before the item's indexing is read), then
    /// the indexing stage.
    private enum PollKind: CaseIterable {
        case problems
        case indexing
    }

    /// Creates a verifier for one source.
    ///
    /// - Parameters:
    ///   - reader: Reads the logs: a ``PushClient``, or a test's fake.
    ///   - sourceId: The source pushed to; batches of other sources are ignored.
    ///   - configuration: Poll intervals, timeout, memory bound.
    ///   - clock: The clock polls wait on; a test passes a test clock.
    public init(
        reader: any LogEntryReading, sourceId: String, configuration: Configuration = Configuration(),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.reader = reader
        self.sourceId = sourceId
        self.configuration = configuration
        self.clock = clock
        waiting = UnsettledDocuments(bound: configuration.memoryBound, directory: configuration.temporaryDirectory)
        (progress, progressContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(16))
    }

    /// Takes a committed batch: its documents wait for their outcome, each judged by its last operation.
    public func record(_ batch: CommittedBatch) {
        guard batch.sourceId == sourceId else { return }
        for entry in batch.entries {
            do {
                try waiting.record(entry.documentId, entry.operation, at: batch.committedAt)
            } catch {
                lostToSpill += 1
            }
        }
    }

    /// How many documents wait for an outcome.
    public var waitingCount: Int { waiting.count + lostToSpill }

    /// Polls the logs until every recorded document settled or the timeout passed, calling `onVerdict` with each
    /// document's outcome as it is found (the pending ones last), and returns the counts.
    ///
    /// Cancelling the calling task ends the wait early: the documents not settled yet are reported pending.
    public func verify(onVerdict: (@Sendable (DocumentVerdict) async -> Void)? = nil) async -> VerificationReport {
        let stopwatch = Stopwatch(clock: clock)
        var interval = configuration.minimumPollInterval
        while !Task.isCancelled {
            if waiting.inMemory.isEmpty {
                guard (try? waiting.refill()) == true else { break }
                windowStarts.removeAll()
            }
            let settled = await poll(onVerdict)
            publishProgress()
            let remaining = configuration.timeout - stopwatch.elapsed
            if waiting.isEmpty || remaining <= .zero { break }
            interval = settled > 0 ? configuration.minimumPollInterval : min(interval * 2, configuration.maximumPollInterval)
            do {
                try await clock.sleep(for: min(interval, remaining))
            } catch {
                break
            }
        }
        var left: [(String, UnsettledDocuments.Waiting)] = []
        waiting.drain { left.append(($0, $1)) }
        for (documentId, state) in left {
            report.pending += 1
            await onVerdict?(DocumentVerdict(documentId: documentId, operation: state.operation, outcome: .pending))
        }
        report.pending += lostToSpill
        lostToSpill = 0
        publishProgress()
        progressContinuation.finish()
        return report
    }

    /// The report so far.
    public var currentReport: VerificationReport { report }

    // MARK: - Polling

    /// Reads what was logged since the last poll; returns how many documents settled.
    private func poll(_ onVerdict: (@Sendable (DocumentVerdict) async -> Void)?) async -> Int {
        guard let earliest = waiting.earliestCommit else { return 0 }
        let now = configuration.wallClock()
        var settled = 0
        for kind in PollKind.allCases {
            let oldest = earliest.addingTimeInterval(-configuration.clockSkew)
            let from = max(windowStarts[kind] ?? oldest, now.addingTimeInterval(1 - LogEntryQuery.maxWindow))
            guard from < now else { continue }
            var page = 0
            var complete = true
            while true {
                let query: LogEntryQuery
                do {
                    query = try LogEntryQuery(
                        sourceId: sourceId, from: from, to: now, tasks: kind == .indexing ? [.indexing] : [],
                        results: kind == .problems ? [.error, .rejected, .warning, .skipped] : [], page: page, now: now)
                } catch {
                    complete = false
                    break
                }
                let answer: LogEntryPage
                do {
                    answer = try await reader.logEntries(query)
                    report.logsRequests += 1
                } catch {
                    report.failedLogsRequests += 1
                    complete = false
                    break
                }
                for entry in answer.entries {
                    if let verdict = take(entry) {
                        settled += 1
                        await onVerdict?(verdict)
                    }
                }
                guard answer.hasNextPage, !Task.isCancelled else { break }
                page += 1
            }
            if complete { windowStarts[kind] = max(oldest, now.addingTimeInterval(-configuration.logsLatency)) }
        }
        return settled
    }

    /// Applies one entry to the document it names, if that document waits; returns its verdict when it settled.
    private func take(_ entry: LogEntry) -> DocumentVerdict? {
        guard var state = waiting[entry.id],
            entry.datetime >= state.committedAt.addingTimeInterval(-configuration.clockSkew)
        else { return nil }
        switch IndexingInterpretation.reading(entry, for: state.operation) {
        case .nothing:
            return nil
        case .warns(let reason):
            state.warning = state.warning ?? reason
            waiting[entry.id] = state
            return nil
        case .settles(var outcome):
            if outcome == .indexed, let warning = state.warning { outcome = .warning(reason: warning) }
            _ = waiting.remove(entry.id)
            count(entry.id, outcome)
            return DocumentVerdict(documentId: entry.id, operation: state.operation, outcome: outcome)
        }
    }

    private func count(_ documentId: String, _ outcome: IndexingOutcome) {
        switch outcome {
        case .indexed: report.indexed += 1
        case .deleted: report.deleted += 1
        case .pending: report.pending += 1
        case .rejected(let reason):
            report.rejected += 1
            report.rejections.append(.init(documentId: documentId, reason: reason))
        case .warning(let reason):
            report.warnings += 1
            report.warningDetails.append(.init(documentId: documentId, reason: reason))
        }
    }

    private func publishProgress() {
        progressContinuation.yield(
            Progress(settled: report.total, waiting: waiting.count, logsRequests: report.logsRequests))
    }
}
