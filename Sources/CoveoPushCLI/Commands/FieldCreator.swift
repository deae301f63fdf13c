import CoveoPush

/// `push --create-fields`: makes the fields a batch needs exist before that batch is pushed, in one pass.
///
/// ``start(client:checkPrivileges:)`` checks the fields privileges and lists the organization's fields once.
/// Then, per chunk of the hand-off (up to 256 records, see ``BatchedRun``), ``prepare(_:)`` runs before any of
/// the chunk's records is appended to the session: it analyses the chunk's documents with a ``FieldAnalyzer`` and,
/// when new keys appeared, creates their fields (``FieldAnalyzer/takeNewFields()``, at most one create request per
/// 500 fields). So a field exists before the document that needs it enters a batch, with at most one create
/// request per chunk, and none for chunks that bring no new key.
///
/// Types are decided by the values seen so far; a later value that does not fit a field (existing or created) is
/// a conflict, listed by ``findings()``: the field is not changed and the documents are still pushed.
actor FieldCreator {
    /// Whether the client only prints its requests (`--dry-run`): the summary then says what would be created.
    private let dryRun: Bool
    private var analyzer = FieldAnalyzer()
    private var client: PushClient?
    /// Fields created, and the create requests that made them.
    private(set) var createdFields = 0
    private var createRequests = 0
    /// The first refusal of a document for the key limit, and how many documents were refused.
    private var keyLimit: ValidationError?
    private var documentsOverKeyLimit = 0

    /// Creates the creator; `dryRun` when the client only prints its requests.
    init(dryRun: Bool = false) {
        self.dryRun = dryRun
    }

    /// Checks the `fields` privileges (``PrivilegeNeed/fields``) unless told not to, then lists the fields.
    ///
    /// - Throws: ``PushError`` with code `accessDenied` naming every missing privilege; the listing's failure.
    func start(client: PushClient, checkPrivileges: Bool) async throws {
        if checkPrivileges { try await client.requirePrivileges(for: [.fields]) }
        analyzer = FieldAnalyzer(existingFields: try await client.listFields())
        self.client = client
    }

    /// Analyses the documents of a chunk and creates the fields they need that do not exist yet.
    ///
    /// - Throws: the creation's ``PushError`` (the run then stops), or `CancellationError`.
    func prepare(_ chunk: [InputRecord]) async throws {
        guard let client else { return }
        for record in chunk {
            guard case .success(.addOrUpdate(let document)) = record.outcome else { continue }
            do {
                try analyzer.add(document)
            } catch {
                if keyLimit == nil { keyLimit = error }
                documentsOverKeyLimit += 1
            }
        }
        guard analyzer.hasNewFields else { return }
        let fields = analyzer.takeNewFields()
        guard !fields.isEmpty else { return }
        try await client.createFields(fields)
        createdFields += fields.count
        createRequests += (fields.count + CreateFieldsRequest.maxFields - 1) / CreateFieldsRequest.maxFields
    }

    /// What the summary lists: the problems (conflicts, inconsistencies, keys no field can have, documents over
    /// the key limit), each of which makes the exit status at least 1, and one note on what was created.
    func findings() -> (problems: [String], notes: [String]) {
        guard client != nil else { return ([], []) }
        let report = analyzer.report()
        var problems = report.conflicts.map { "field conflict: \($0); the field was not changed" }
        problems += report.inconsistencies.map { "field inconsistency: \($0); no field was created for it" }
        problems += report.unmappableKeys.map { "no field can have metadata \($0)" }
        if let keyLimit {
            problems.append(
                "fields: \(documentsOverKeyLimit) document(s) not analysed, first \(keyLimit.subject): "
                    + keyLimit.message)
        }
        let plural = createdFields == 1 ? "" : "s"
        let requests = createRequests == 1 ? "1 request" : "\(createRequests) requests"
        if dryRun {
            return (
                problems, ["--create-fields (--dry-run): would create \(createdFields) field\(plural) (\(requests))"]
            )
        }
        return (problems, ["--create-fields: created \(createdFields) field\(plural) (\(requests))"])
    }
}
