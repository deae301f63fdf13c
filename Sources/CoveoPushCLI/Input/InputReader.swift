import CoveoPush
import Foundation

/// Reads one input file as a stream of records, holding one chunk and one element in memory at a time (for a
/// `.jsonl` file on two cores or more, the lines of the groups being parsed: at most ``groupsAhead`` + 1 groups of
/// ``parallelBytes``, or one longer line).
///
/// `.jsonl` files hold one document per line; `.json` files one document, an array of documents, or a batch
/// object (`addOrUpdate`, `delete`, and `partialUpdate` for catalogs, or `members`, `mappings`, `deleted` for
/// identities); any other file is pushed as content (Push-source documents only). Every invalid element becomes
/// an ``InputProblem`` with its file and line, and reading goes on; a broken container structure (a truncated
/// array, say) ends the file with one problem.
struct InputReader: Sendable {
    /// The sections a batch object of a `.json` input file may have, in their canonical spelling (the file's
    /// spelling may differ in case).
    static let batchSections: [BatchSection] = [.addOrUpdate, .delete, .partialUpdate, .members, .mappings, .deleted]

    let rules: InputRules
    private let parser = JSONParser()

    init(rules: InputRules) {
        self.rules = rules
    }

    /// The most lines of a `.jsonl` file parsed together, split between two tasks.
    static let parallelLines = 256
    /// The most bytes of lines parsed together (a longer line is parsed on its own).
    static let parallelBytes = 2 << 20
    /// How many groups may be parsed while the reader reads the next one.
    static let groupsAhead = 1
    /// The size from which a line or element, once admitted, is preceded by returning the heaps' free pages to the
    /// system (``ProcessHeap/releaseFreePages()``), so that parsing it does not add to what earlier records left.
    static let trimBeforeBytes = 8 << 20
    /// Whether lines are parsed beside reading and emitting: when the machine has two cores or more.
    static let parsesInParallel = ProcessInfo.processInfo.activeProcessorCount > 1

    /// Reads `path` and hands each record to `emit`, in file order.
    ///
    /// On a machine with two cores or more, the lines of a `.jsonl` file are parsed a group at a time (at most
    /// ``parallelLines`` lines and ``parallelBytes`` bytes), each in a task of its own, the two halves of a group
    /// at once, while this task reads the next groups (up to ``groupsAhead`` ahead) and emits the records of the
    /// oldest, in order.
    ///
    /// - Parameters:
    ///   - wouldWait: Whether `admit` would wait for that many bytes now. The reader emits the records it holds
    ///     before such a wait, since the caller frees room only as records reach it.
    ///   - admit: Called with the size in bytes of each line or element once it is read and before it is parsed,
    ///     so the caller can bound what is in memory (it may wait); content files, streamed from disk, count 0.
    ///   - emit: Receives each record. The line or element it was parsed from is released before the call. With
    ///     ``InputRules/normalizeKeys``, documents come with their metadata keys normalised (``RecordNormalizer``).
    func read(
        _ path: String, wouldWait: (Int) async -> Bool = { _ in false }, admit: (Int) async throws -> Void = { _ in },
        emit: (InputRecord) async throws -> Void
    ) async throws {
        if let normalization = rules.normalizeKeys {
            var normalizer = RecordNormalizer(normalization)
            try await readFile(path, wouldWait: wouldWait, admit: admit) { record in
                try await emit(normalizer.apply(record))
            }
        } else {
            try await readFile(path, wouldWait: wouldWait, admit: admit, emit: emit)
        }
    }

    private func readFile(
        _ path: String, wouldWait: (Int) async -> Bool, admit: (Int) async throws -> Void,
        emit: (InputRecord) async throws -> Void
    ) async throws {
        func admitReleasingFreePages(_ size: Int) async throws {
            try await admit(size)
            if size >= Self.trimBeforeBytes { ProcessHeap.releaseFreePages() }
        }
        let lowercased = path.lowercased()
        if lowercased.hasSuffix(".jsonl") || lowercased.hasSuffix(".ndjson") {
            try await readLines(path, wouldWait: wouldWait, admit: admitReleasingFreePages, emit: emit)
        } else if lowercased.hasSuffix(".json") {
            try await readElements(path, admit: admitReleasingFreePages, emit: emit)
        } else {
            try await emit(contentFile(path))
        }
    }

    // MARK: - JSON Lines

    private func readLines(
        _ path: String, wouldWait: (Int) async -> Bool, admit: (Int) async throws -> Void,
        emit: (InputRecord) async throws -> Void
    ) async throws {
        var giveUp = GiveUpCounter(limit: rules.maxProblemsBeforeGivingUp)
        var reader: JSONLinesReader
        do {
            reader = try JSONLinesReader(path: path, maxLineBytes: rules.maxDocumentBytes)
        } catch {
            try await emit(problem(InputPosition(file: path), "cannot be read: \(error)"))
            return
        }
        var group: [(line: JSONLinesReader.Line, position: InputPosition)] = []
        var groupBytes = 0
        /// The groups being parsed, oldest first, while this task reads the next one or emits the oldest.
        var parsing: [Task<[InputRecord], Never>] = []
        /// Emits the records of the oldest group being parsed; `false` when the file is given up.
        func emitOldest() async throws -> Bool {
            guard !parsing.isEmpty else { return true }
            let task = parsing.removeFirst()
            for record in await task.value {
                guard try await emitCounting(record, at: record.position, &giveUp, emit) else { return false }
            }
            return true
        }
        /// Starts parsing the group, then emits the oldest group once ``groupsAhead`` are being parsed.
        func flush() async throws -> Bool {
            guard !group.isEmpty else { return true }
            let lines = group
            group.removeAll(keepingCapacity: true)
            groupBytes = 0
            parsing.append(Task { await self.lineRecords(lines) })
            return parsing.count <= Self.groupsAhead ? true : try await emitOldest()
        }
        /// Emits everything read so far.
        func drain() async throws -> Bool {
            guard try await flush() else { return false }
            while !parsing.isEmpty {
                guard try await emitOldest() else { return false }
            }
            return true
        }
        while true {
            let line: JSONLinesReader.Line
            do {
                guard let next = try reader.next() else { break }
                line = next
            } catch {
                guard try await drain() else { return }
                try await emit(problem(InputPosition(file: path), "cannot be read: \(error)"))
                return
            }
            try Task.checkCancellation()
            let size = line.bytes?.count ?? 0
            let position = InputPosition(file: path, line: line.number)
            guard Self.parsesInParallel else {
                try await admit(size)
                // Consumed: the line's bytes are gone before the record is handed on.
                let record = lineRecord(consume line, at: position)
                guard try await emitCounting(record, at: position, &giveUp, emit) else { return }
                continue
            }
            if group.count >= Self.parallelLines || groupBytes + size > Self.parallelBytes {
                guard try await flush() else { return }
            }
            // The records held here carry reserved bytes: emit them before waiting for room.
            if (!group.isEmpty || !parsing.isEmpty), await wouldWait(size) {
                guard try await drain() else { return }
            }
            try await admit(size)
            group.append((line, position))
            groupBytes += size
        }
        _ = try await drain()
    }

    /// The records of a group of lines, in order: the second half parsed by a child task while this one parses
    /// the first. Each line's bytes are released once its record is made.
    private func lineRecords(_ lines: consuming [(line: JSONLinesReader.Line, position: InputPosition)]) async
        -> [InputRecord]
    {
        guard lines.count > 1 else { return lines.map { lineRecord($0.line, at: $0.position) } }
        let secondHalf = Array(lines[(lines.count / 2)...])
        lines.removeLast(secondHalf.count)
        async let second = secondHalf.map { lineRecord($0.line, at: $0.position) }
        let first = lines.map { lineRecord($0.line, at: $0.position) }
        return first + (await second)
    }

    /// Emits `record`, then, when the file's first records were all invalid, the problem that ends the file.
    ///
    /// - Returns: Whether reading the file goes on.
    private func emitCounting(
        _ record: InputRecord, at position: InputPosition, _ giveUp: inout GiveUpCounter,
        _ emit: (InputRecord) async throws -> Void
    ) async throws -> Bool {
        try await emit(record)
        guard giveUp.count(record) else { return true }
        try await emit(problem(position, giveUp.message))
        return false
    }

    private func lineRecord(_ line: consuming JSONLinesReader.Line, at position: InputPosition) -> InputRecord {
        let bytes: [UInt8]
        switch line.content {
        case .oversized(let byteCount): return problem(position, oversized(byteCount))
        case .bytes(let content): bytes = content
        }
        if rules.records == .identities {
            return problem(position, "identity files are .json batch objects with members, mappings or deleted")
        }
        return parsed(bytes, at: position, column: 1) { json throws(InputProblem) in
            .addOrUpdate(try document(json, at: position))
        }
    }

    // MARK: - JSON files

    private func readElements(
        _ path: String, admit: (Int) async throws -> Void, emit: (InputRecord) async throws -> Void
    ) async throws {
        var giveUp = GiveUpCounter(limit: rules.maxProblemsBeforeGivingUp)
        var reader: JSONArrayStreamReader
        do {
            reader = try JSONArrayStreamReader(
                path: path, sectionNames: Self.batchSections.map(\.rawValue), maxElementBytes: rules.maxDocumentBytes)
        } catch {
            try await emit(problem(InputPosition(file: path), "cannot be read: \(error)"))
            return
        }
        while true {
            let element: JSONArrayStreamReader.Element
            do {
                guard let next = try reader.next() else { return }
                element = next
            } catch let error as JSONParseError {
                try await emit(
                    problem(
                        InputPosition(file: path, line: error.line),
                        "invalid JSON, the rest of the file is skipped: \(error.kind): \(error.reason)"))
                return
            } catch {
                try await emit(problem(InputPosition(file: path), "cannot be read: \(error)"))
                return
            }
            try Task.checkCancellation()
            let position = InputPosition(file: path, line: element.line)
            if case .bytes(let bytes) = element.content {
                try await admit(bytes.count)
            }
            // Consumed: the element's bytes are gone before the record is handed on.
            let record = elementRecord(consume element, at: position)
            guard try await emitCounting(record, at: position, &giveUp, emit) else { return }
        }
    }

    private func elementRecord(_ element: consuming JSONArrayStreamReader.Element, at position: InputPosition)
        -> InputRecord
    {
        let bytes: [UInt8]
        switch element.content {
        case .oversized(let byteCount): return problem(position, oversized(byteCount))
        case .bytes(let content): bytes = content
        }
        let column = element.column
        let section: BatchSection
        switch element.container {
        case .single, .array:
            if rules.records == .identities {
                return problem(position, "identity files are batch objects with members, mappings or deleted")
            }
            section = .addOrUpdate
        case .section(let name):
            section = BatchSection(rawValue: name)
        }
        return parsed(bytes, at: position, column: column) { json throws(InputProblem) in
            try operation(json, section: section, at: position)
        }
    }

    private func operation(_ json: JSONValue, section: BatchSection, at position: InputPosition)
        throws(InputProblem) -> InputOperation
    {
        switch (section, rules.records) {
        case (.addOrUpdate, .documents), (.addOrUpdate, .catalog):
            return .addOrUpdate(try document(json, at: position))
        case (.delete, .documents), (.delete, .catalog):
            return try deletion(json, at: position)
        case (.partialUpdate, .catalog(partialUpdates: true)):
            return .partialUpdate(try model(json, at: position, PartialUpdate.init(json:)))
        case (.members, .identities):
            return .identity(try model(json, at: position, IdentityBody.init(json:)))
        case (.mappings, .identities):
            return .alias(try model(json, at: position, AliasBody.init(json:)))
        case (.deleted, .identities):
            return .deleteIdentity(try model(json, at: position, IdentityDeleteBody.init(json:)))
        case (.partialUpdate, .catalog):
            throw InputProblem(
                position: position, subject: json["documentId"]?.stringValue,
                reason: "partialUpdate entries are only accepted by 'catalog update'")
        default:
            throw InputProblem(
                position: position, reason: "a '\(section.rawValue)' entry does not belong in this command's input")
        }
    }

    private func deletion(_ json: JSONValue, at position: InputPosition) throws(InputProblem) -> InputOperation {
        guard let object = json.objectValue else {
            throw InputProblem(
                position: position, reason: "a delete entry must be an object, not \(json.kindDescription)")
        }
        guard let documentId = object["documentId"]?.stringValue, !documentId.isEmpty else {
            throw InputProblem(position: position, reason: "a delete entry needs a 'documentId' string")
        }
        var children = false
        if let value = object["deleteChildren"], !value.isNull {
            guard let flag = value.boolValue else {
                throw InputProblem(
                    position: position, subject: documentId, reason: "'deleteChildren' must be true or false")
            }
            children = flag
        }
        if case .catalog = rules.records, children {
            throw InputProblem(
                position: position, subject: documentId, reason: "catalog deletions cannot delete children")
        }
        return .delete(documentId: documentId, children: children)
    }

    // MARK: - Content files

    private func contentFile(_ path: String) -> InputRecord {
        let position = InputPosition(file: path)
        guard rules.records == .documents else {
            return problem(position, "only .json and .jsonl files are accepted here")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let fileExtension = url.pathExtension
        let document = Document(
            documentId: url.absoluteString,
            title: url.lastPathComponent,
            date: attributes?[.modificationDate] as? Date,
            fileExtension: fileExtension.isEmpty ? nil : "." + fileExtension,
            content: .file(url, compression: rules.compression))
        return InputRecord(position: position, outcome: .success(.addOrUpdate(document)))
    }

    // MARK: - Helpers

    private func parsed(
        _ bytes: [UInt8], at position: InputPosition, column: Int,
        _ build: (JSONValue) throws(InputProblem) -> InputOperation
    ) -> InputRecord {
        let json: JSONValue
        do {
            json = try parser.parse(bytes)
        } catch {
            let located = error.relocated(line: position.line ?? 1, column: column)
            return problem(
                InputPosition(file: position.file, line: located.line),
                "invalid JSON at column \(located.column): \(located.kind): \(located.reason)")
        }
        do {
            return InputRecord(position: position, outcome: .success(try build(json)))
        } catch {
            return InputRecord(position: position, outcome: .failure(error))
        }
    }

    private func document(_ json: JSONValue, at position: InputPosition) throws(InputProblem) -> Document {
        let document = try model(json, at: position, Document.init(json:))
        guard rules.keepsOnlyIdAndMetadata else { return document }
        return Document(documentId: document.documentId, metadata: document.metadata)
    }

    private func model<Model>(
        _ json: JSONValue, at position: InputPosition, _ build: (JSONValue) throws(ValidationError) -> Model
    ) throws(InputProblem) -> Model {
        do {
            return try build(json)
        } catch {
            let subject: String?
            switch error.subject {
            case .document(let id), .identity(let id): subject = id.isEmpty ? nil : id
            case .configuration: subject = nil
            }
            throw InputProblem(position: position, subject: subject, reason: "\(error.rule): \(error.message)")
        }
    }

    private func problem(_ position: InputPosition, _ reason: String) -> InputRecord {
        InputRecord(position: position, outcome: .failure(InputProblem(position: position, reason: reason)))
    }

    private func oversized(_ byteCount: Int) -> String {
        "\(byteCount) bytes, over the \(rules.maxDocumentBytes)-byte limit (--max-document-size); skipped unread. "
            + "Content that large belongs in a file pushed as content"
    }
}

/// Counts invalid records of a file until the first valid one, to give up on files that are not JSON at all.
private struct GiveUpCounter {
    let limit: Int
    private var problems = 0
    private var sawValid = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts a record; `true` when the reader should stop after it.
    mutating func count(_ record: InputRecord) -> Bool {
        switch record.outcome {
        case .success: sawValid = true
        case .failure: problems += 1
        }
        return !sawValid && problems >= limit
    }

    var message: String {
        "the rest of the file is skipped: its first \(limit) records are all invalid (is it really JSON?)"
    }
}
