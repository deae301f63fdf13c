/// How log entries are read as outcomes: the one place that decides which entry means "indexed".
///
/// Coveo does not document which log entries a Push item gets, nor which one means searchable
/// (`platform-api.md` §7 marks it uncertain). Our assumption, also stated in `Documentation/Verification.md`:
///
/// | last operation pushed | entry (operation, task, result) | reading |
/// |---|---|---|
/// | add or update | `ADD`/`ADD_BY_REFERENCE`/`UPDATE`, `INDEXING`, `COMPLETED` | indexed (or warning, if a warning came first) |
/// | add or update | `ADD`/…, any task, `ERROR` or `REJECTED` | rejected |
/// | add or update | `ADD`/…, any task, `WARNING` | a warning, kept until the item is indexed (at `INDEXING`: final) |
/// | add or update | `ADD`/…, any task, `SKIPPED` | warning ("skipped") |
/// | add or update | `DELETE`/`DELETE_AND_CHILDREN`, `INDEXING`, `COMPLETED` | deleted (a later delete removed it) |
/// | delete | `DELETE`/`DELETE_AND_CHILDREN`, `INDEXING`, `COMPLETED` | deleted |
/// | delete | `DELETE`/…, any task, `ERROR` or `REJECTED` | rejected |
/// | delete | `DELETE`/…, any task, `SKIPPED` or `WARNING` | warning |
///
/// Any other entry says nothing final. Only entries dated after the document's commit (less a clock-skew margin)
/// count, so a document pushed twice in one run is judged by its last operation.
enum IndexingInterpretation {
    /// What one entry says about a document whose last operation was `operation`.
    enum Reading: Sendable, Hashable {
        /// A final outcome.
        case settles(IndexingOutcome)
        /// A warning to report once the document settles.
        case warns(String)
        /// Nothing final.
        case nothing
    }

    private static let additions: Set<LogOperation> = [.add, .addByReference, .update]
    private static let deletions: Set<LogOperation> = [.delete, .deleteAndChildren]

    /// Reads an entry of the document.
    static func reading(_ entry: LogEntry, for operation: CommittedBatch.Operation) -> Reading {
        let own = operation == .addOrUpdate ? additions : deletions
        if deletions.contains(entry.operation), entry.task == .indexing, entry.result == .completed {
            return .settles(.deleted)
        }
        guard own.contains(entry.operation) else { return .nothing }
        switch entry.result {
        case .error, .rejected:
            return .settles(.rejected(reason: entry.reason))
        case .skipped:
            return .settles(.warning(reason: "skipped: " + entry.reason))
        case .warning:
            if entry.task == .indexing || operation == .delete { return .settles(.warning(reason: entry.reason)) }
            return .warns(entry.reason)
        case .completed where entry.task == .indexing:
            return .settles(operation == .delete ? .deleted : .indexed)
        default:
            return .nothing
        }
    }
}
