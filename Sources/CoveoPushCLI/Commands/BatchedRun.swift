import CoveoPush
import Foundation

/// Streams input files into a session: one task reads and parses, the calling task encodes and appends (the
/// session uploads concurrently), with a hand-off between them bounded in chunks and in bytes, so memory stays
/// flat however large the inputs and their records and however slow the service.
struct BatchedRun: Sendable {
    /// Records handed over at a time, to keep the hand-off's cost per record small.
    static let chunkSize = 256
    /// A chunk is also handed over once its records reach this many bytes of input.
    static let chunkBytes = 1_000_000
    /// Chunks the reader may run ahead.
    static let chunksAhead = 8
    /// The most bytes of input (lines or elements, as sized in the file) between reading and applying: read and
    /// parsed, waiting in the hand-off, or being applied. A larger record is let through alone.
    static let defaultBytesInFlight = 32_000_000

    let files: [String]
    let reader: InputReader
    let resume: ResumePoint
    let progressLine: ProgressLine?
    /// The bound on bytes in flight (``defaultBytesInFlight``; tests lower it).
    var bytesInFlight = Self.defaultBytesInFlight

    /// What the run read and pushed.
    struct Outcome: Sendable {
        var report: PushReport
        var problems: [InputProblem]
        var rejected: [InputProblem]
        /// The most bytes of input that were in flight at once, between reading and applying.
        var mostBytesInFlight = 0
        /// What `--create-fields` found that loses metadata (conflicts, …): each counts as a failure.
        var fieldProblems: [String] = []
        /// What `--create-fields` did.
        var fieldNotes: [String] = []
    }

    /// A run that ended early or failed after it was done (a status it could not set back to IDLE), with what
    /// it had done by then.
    struct Interrupted: Error {
        var underlying: any Error
        var outcome: Outcome
        /// What was done after the run, one note each.
        var notes: [String] = []
    }

    /// Validates every input without sending anything (`--strict`): the problems found, in file order.
    func validateAll() async throws -> [InputProblem] {
        var problems: [InputProblem] = []
        for file in files {
            try await reader.read(file) { record in
                switch record.outcome {
                case .failure(let problem):
                    problems.append(problem)
                case .success(.addOrUpdate(let document)):
                    if case .file(let url, _) = document.content, !FileManager.default.isReadableFile(atPath: url.path)
                    {
                        problems.append(
                            InputProblem(
                                position: record.position, subject: document.documentId, reason: "unreadable file"))
                    }
                case .success:
                    break
                }
            }
        }
        return problems
    }

    /// Reads every file into `feed`'s session and finishes it. On any error or cancellation the session is cancelled
    /// (its temporary files deleted) and ``Interrupted`` is thrown with the error and what was done.
    func run(into feed: SessionFeed) async throws -> Outcome {
        let session = feed.session
        let handOff = HandOff<[InputRecord]>(capacity: Self.chunksAhead, byteLimit: bytesInFlight)
        let progressTask = Task { [resume, progressLine] in
            for await event in session.progress {
                resume.committed(event.committedInOrder)
                progressLine?.show(event)
            }
        }
        let readerTask = Task { [files, reader] in
            do {
                var chunk: [InputRecord] = []
                var chunkBytes = 0
                chunk.reserveCapacity(Self.chunkSize)
                func sendChunk() async throws {
                    guard await handOff.send(chunk, bytes: chunkBytes) else { throw CancellationError() }
                    chunk.removeAll(keepingCapacity: true)
                    chunkBytes = 0
                }
                for file in files {
                    try await reader.read(file) { bytes in
                        await handOff.wouldWait(toReserve: bytes)
                    } admit: { bytes in
                        // The chunk's records hold reserved bytes: hand them over before waiting for room.
                        if !chunk.isEmpty, await handOff.wouldWait(toReserve: bytes) { try await sendChunk() }
                        guard await handOff.reserve(bytes) else { throw CancellationError() }
                        chunkBytes += bytes
                    } emit: { record in
                        chunk.append(record)
                        if chunk.count >= Self.chunkSize || chunkBytes >= Self.chunkBytes { try await sendChunk() }
                    }
                }
                if !chunk.isEmpty { try await sendChunk() }
                await handOff.close()
            } catch {
                await handOff.close()
                throw error
            }
        }
        var problems: [InputProblem] = []
        var rejected: [InputProblem] = []
        do {
            while let chunk = await handOff.receive() {
                try Task.checkCancellation()
                // The fields the chunk's documents need exist before any of them is appended.
                try await feed.fields?.prepare(chunk)
                for record in chunk {
                    switch record.outcome {
                    case .failure(let problem):
                        problems.append(problem)
                    case .success(let operation):
                        do {
                            try await feed.apply(operation)
                            resume.appended(record.position)
                        } catch let error as PushError where error.code == .invalidInput {
                            rejected.append(
                                InputProblem(
                                    position: record.position, subject: operation.subject,
                                    reason: Summary.reason(error)))
                        }
                    }
                }
            }
            try await readerTask.value
            try Task.checkCancellation()
            let report = try await session.finish()
            await progressTask.value
            progressLine?.end()
            let fields = await feed.fields?.findings() ?? (problems: [], notes: [])
            return Outcome(
                report: report, problems: problems, rejected: rejected, mostBytesInFlight: await handOff.mostHeldBytes,
                fieldProblems: fields.problems, fieldNotes: fields.notes)
        } catch {
            readerTask.cancel()
            await handOff.close()
            await session.cancel()
            _ = await readerTask.result
            let partial = (try? await session.finish()) ?? PushReport()
            progressTask.cancel()
            progressLine?.end()
            let fields = await feed.fields?.findings() ?? (problems: [], notes: [])
            throw Interrupted(
                underlying: error,
                outcome: Outcome(
                    report: partial, problems: problems, rejected: rejected, fieldProblems: fields.problems,
                    fieldNotes: fields.notes))
        }
    }
}
