/// Finds the fields a stream of documents needs: consumes documents one at a time, keeps memory per distinct
/// metadata key (never per document), and reports the fields to create, the keys whose values disagree, the
/// existing fields of another type and the keys no field can have.
///
/// ```swift
/// var analyzer = FieldAnalyzer(existingFields: try await listedFields)
/// for document in documents {
///     try analyzer.add(document)
/// }
/// let report = analyzer.report()
/// if report.isClean { /* create report.fieldsToCreate */ }
/// ```
///
/// The type of a key comes from its values (`Documentation/Fields.md` has the whole table): integers within
/// 32 bits `LONG`, larger integers `LONG_64`, other numbers `DOUBLE` (a JSON `10.0` too), strings and booleans
/// `STRING`, ``MetadataValue/date(_:)`` values `DATE` (a string that looks like a date stays `STRING`); arrays and
/// dictionaries fold their values the same way, and empty ones say nothing. `LONG` → `LONG_64` → `DOUBLE`
/// widen, in either order; any other pair of types is a ``FieldInconsistency``. A key maps to the field of its
/// name lower-cased (the service matches metadata to fields ignoring case), and existing fields are matched the
/// same way.
///
/// Only metadata is analysed: a document's own properties (title, dates, `permanentId`, …) map to standard
/// fields every organization has. `permanentid` is never proposed; when the existing fields list it with a type
/// other than `STRING`, the report has a conflict for it.
///
/// For a push that creates fields as it goes, ``takeNewFields()`` returns the fields needed since its last call;
/// from then on they count as existing, so a later value that does not fit them is a ``FieldConflict``.
///
/// A value type meant for one task; it does no I/O.
public struct FieldAnalyzer: Sendable {
    /// Coveo's default limit of fields per organization, the default ``maximumKeyCount``.
    public static let defaultMaximumKeyCount = 5_000

    /// The most distinct keys (ignoring case) the analyzer accepts; ``add(_:)`` refuses a document that would
    /// bring one more. Keys of existing fields and unmappable keys count too.
    public let maximumKeyCount: Int
    /// The number of documents analysed.
    public private(set) var documentCount = 0

    /// What is known of one key.
    struct KeyState: Sendable {
        /// The field name: the key with ASCII letters lower-cased.
        var name: String
        /// The key as first spelled.
        var key: String
        /// The first document that carried the key.
        var firstDocumentId: String
        /// Why no field can have it, if so; such a key gathers no evidence.
        var unmappable: UnmappableMetadataKey.Reason?
        /// The existing field (listed, or returned by `takeNewFields()`).
        var existing: FieldDefinition?
        /// Whether ``existing`` came from the organization's listing.
        var listed = false
        /// The type its values need so far; `nil` before any value.
        var type: FieldType?
        /// The document that gave it ``type``.
        var typeDocumentId = ""
        /// Whether an array held a `STRING` value.
        var multiValue = false
        /// Whether a non-empty dictionary was its value.
        var keyValue = false
        /// The first clash of types.
        var inconsistency: FieldInconsistency?
        /// The first value that did not fit ``existing``.
        var conflict: FieldConflict?
        /// Whether it waits in `pendingNew`.
        var queued = false
    }

    private var keys: [KeyState] = []
    /// Keys as spelled in documents → index in `keys`: the lookup for a key already seen allocates nothing.
    private var indexBySpelling: [String: Int] = [:]
    /// Field names → index in `keys`.
    private var indexByName: [String: Int] = [:]
    /// Existing fields by lower-cased name.
    private let existingByName: [String: FieldDefinition]
    /// Keys that got their first value and need a field, since the last `takeNewFields()`.
    private var pendingNew: [Int] = []
    /// Per-document scratch: the index of each metadata entry's key (negative: a key new in this document), and
    /// whether the entry's spelling is already known.
    private var scratch: [Int] = []
    private var spellingKnown: [Bool] = []
    /// The first document analysed, for a `permanentid` conflict.
    private var firstDocumentId: String?
    /// The last document's metadata names, in order, and the index of each one's key: a document with the same
    /// names (a crawler's documents usually share theirs) reuses the indexes without a lookup.
    private var lastNames: [String] = []
    private var lastIndexes: [Int] = []

    /// Creates an analyzer.
    ///
    /// - Parameters:
    ///   - existingFields: The organization's fields, matched to keys ignoring case; a key whose field exists
    ///     is not proposed, and one whose values do not fit that field's type is a conflict.
    ///   - maximumKeyCount: The most distinct keys to accept (default 5,000, Coveo's default field limit).
    public init(existingFields: [FieldDefinition] = [], maximumKeyCount: Int = FieldAnalyzer.defaultMaximumKeyCount) {
        var byName: [String: FieldDefinition] = [:]
        for field in existingFields where byName[field.name.lowercased()] == nil {
            byName[field.name.lowercased()] = field
        }
        existingByName = byName
        self.maximumKeyCount = max(0, maximumKeyCount)
    }

    /// The number of distinct keys seen (ignoring case).
    public var keyCount: Int { keys.count }

    /// Whether ``takeNewFields()`` has fields to return.
    public var hasNewFields: Bool { pendingNew.contains { keys[$0].inconsistency == nil } }

    /// Analyses the metadata of one document. The document is not validated (a push does that).
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/tooManyKeys`` naming the document and the
    ///   first new key, when the document's new keys would exceed ``maximumKeyCount``; the document is then not
    ///   analysed at all.
    public mutating func add(_ document: Document) throws(ValidationError) {
        let namesRepeat =
            firstDocumentId != nil && document.metadata.count == lastNames.count
            && zip(document.metadata, lastNames).allSatisfy { $0.name == $1 }
        if !namesRepeat { try findKeys(of: document) }
        documentCount += 1
        for (position, entry) in document.metadata.enumerated() where keys[lastIndexes[position]].unmappable == nil {
            fold(entry.value, into: lastIndexes[position], documentId: document.documentId)
        }
    }

    /// Finds the key of each metadata entry of a document whose names differ from the last one's, creating the
    /// keys seen for the first time, and records them in `lastNames` and `lastIndexes`; allocates only for
    /// spellings never seen.
    private mutating func findKeys(of document: Document) throws(ValidationError) {
        // First pass: look each name up, without creating anything.
        scratch.removeAll(keepingCapacity: true)
        spellingKnown.removeAll(keepingCapacity: true)
        var newNames: [String] = []
        var newKeys: [String] = []
        for entry in document.metadata {
            if let index = indexBySpelling[entry.name] {
                scratch.append(index)
                spellingKnown.append(true)
                continue
            }
            spellingKnown.append(false)
            let name = FieldName.folded(entry.name)
            if let index = indexByName[name] {
                scratch.append(index)
            } else if let position = newNames.firstIndex(of: name) {
                scratch.append(-1 - position)
            } else {
                scratch.append(-1 - newNames.count)
                newNames.append(name)
                newKeys.append(entry.name)
            }
        }
        if keys.count + newNames.count > maximumKeyCount, let first = newKeys.first {
            throw ValidationError(
                .tooManyKeys, .document(document.documentId),
                "metadata '\(first)' would be distinct key number \(keys.count + 1); the analysis stops at "
                    + "\(maximumKeyCount) (Coveo's default limit of fields per organization is 5,000)")
        }

        // Second pass: create the new keys.
        let documentId = document.documentId
        if firstDocumentId == nil { firstDocumentId = documentId }
        var created: [Int] = []
        lastNames.removeAll(keepingCapacity: true)
        lastIndexes.removeAll(keepingCapacity: true)
        for (position, entry) in document.metadata.enumerated() {
            var index = scratch[position]
            if index < 0 {
                let newPosition = -1 - index
                if newPosition < created.count {
                    index = created[newPosition]
                } else {
                    index = makeKey(name: newNames[newPosition], key: entry.name, documentId: documentId)
                    created.append(index)
                }
            }
            if !spellingKnown[position], indexBySpelling.count < 2 * maximumKeyCount {
                indexBySpelling[entry.name] = index
            }
            lastNames.append(entry.name)
            lastIndexes.append(index)
        }
    }

    /// The fields needed since the last call (or since the start), in the order their keys got their first
    /// value; from now on they count as existing fields. Keys with an inconsistency are never returned.
    ///
    /// A push that creates fields as it goes calls this before each batch is sent and creates what it returns.
    /// A type is then decided by the values seen so far: a later value that does not fit the field (a `LONG_64`
    /// after a `LONG` field was returned) is a ``FieldConflict``. Analyse the whole input first (`fields sync`)
    /// to decide types from every value.
    public mutating func takeNewFields() -> [FieldDefinition] {
        var fields: [FieldDefinition] = []
        for index in pendingNew {
            keys[index].queued = false
            guard keys[index].inconsistency == nil, keys[index].existing == nil,
                let field = definition(keys[index])
            else { continue }
            keys[index].existing = field
            fields.append(field)
        }
        pendingNew.removeAll(keepingCapacity: true)
        return fields
    }

    /// What the documents analysed so far need. See ``FieldAnalysisReport``.
    public func report() -> FieldAnalysisReport {
        var report = FieldAnalysisReport(documentCount: documentCount)
        if let firstDocumentId, let permanentId = existingByName["permanentid"], permanentId.type != .string {
            report.conflicts.append(
                FieldConflict(existing: permanentId, analyzedType: .string, documentId: firstDocumentId))
        }
        for state in keys {
            if let reason = state.unmappable {
                report.unmappableKeys.append(
                    UnmappableMetadataKey(key: state.key, reason: reason, documentId: state.firstDocumentId))
                continue
            }
            if let inconsistency = state.inconsistency { report.inconsistencies.append(inconsistency) }
            if let conflict = state.conflict { report.conflicts.append(conflict) }
            if state.listed, let existing = state.existing { report.existingFieldNames.append(existing.name) }
            if state.type == nil {
                report.keysWithoutValues.append(state.key)
            } else if state.existing == nil, state.inconsistency == nil, let field = definition(state) {
                report.fieldsToCreate.append(field)
            }
        }
        return report
    }

    // MARK: - Keys and values

    /// Adds a key seen for the first time, and returns its index.
    private mutating func makeKey(name: String, key: String, documentId: String) -> Int {
        var state = KeyState(name: name, key: key, firstDocumentId: documentId)
        switch DocumentKeys.kind(of: key) {
        case .reserved, .typed:
            state.unmappable = .reserved
        case .metadata:
            state.unmappable = FieldName.problem(name)
        }
        if state.unmappable == nil, let existing = existingByName[name] {
            state.existing = existing
            state.listed = true
        }
        keys.append(state)
        indexByName[name] = keys.count - 1
        return keys.count - 1
    }

    /// The field to create for a key, from its evidence; `nil` before any value.
    private func definition(_ state: KeyState) -> FieldDefinition? {
        guard let type = state.type else { return nil }
        return FieldDefinition(
            name: state.name, type: type,
            multiValueFacet: type == .string && state.multiValue ? true : nil,
            keyValue: state.keyValue ? true : nil)
    }

    /// Folds one metadata value into a key's evidence.
    private mutating func fold(_ value: MetadataValue, into index: Int, documentId: String) {
        switch value {
        case .array(let elements):
            for element in elements {
                if case .array = element {
                    fold(element, into: index, documentId: documentId)
                } else if case .dictionary = element {
                    fold(element, into: index, documentId: documentId)
                } else {
                    let type = Self.type(of: element)
                    if type == .string { keys[index].multiValue = true }
                    fold(type, of: element, into: index, documentId: documentId)
                }
            }
        case .dictionary(let entries):
            guard !entries.isEmpty else { return }
            keys[index].keyValue = true
            for (_, element) in entries {
                if element.isPrimitive {
                    fold(Self.type(of: element), of: element, into: index, documentId: documentId)
                } else {
                    fold(element, into: index, documentId: documentId)
                }
            }
        default:
            fold(Self.type(of: value), of: value, into: index, documentId: documentId)
        }
    }

    /// Folds the type of one primitive value into a key's evidence: widens, records a clash, checks the
    /// existing field.
    private mutating func fold(_ type: FieldType, of value: MetadataValue, into index: Int, documentId: String) {
        if let current = keys[index].type {
            if current != type {
                if let widened = Self.widened(current, type) {
                    if widened != current {
                        keys[index].type = widened
                        keys[index].typeDocumentId = documentId
                    }
                } else if keys[index].inconsistency == nil {
                    keys[index].inconsistency = FieldInconsistency(
                        name: keys[index].name, firstType: current, firstDocumentId: keys[index].typeDocumentId,
                        secondType: type, secondDocumentId: documentId, types: [current, type])
                } else if keys[index].inconsistency?.types.contains(type) == false {
                    keys[index].inconsistency?.types.append(type)
                }
            }
        } else {
            keys[index].type = type
            keys[index].typeDocumentId = documentId
            if keys[index].existing == nil, !keys[index].queued {
                keys[index].queued = true
                pendingNew.append(index)
            }
        }
        if let existing = keys[index].existing, keys[index].conflict == nil,
            !Self.fits(type, value: value, existing: existing.type)
        {
            keys[index].conflict = FieldConflict(existing: existing, analyzedType: type, documentId: documentId)
        }
    }

    /// The type one primitive value needs.
    static func type(of value: MetadataValue) -> FieldType {
        switch value {
        case .integer(let integer):
            return Int32(exactly: integer) != nil ? .long : .long64
        case .double:
            return .double
        case .date:
            return .date
        case .string, .bool, .array, .dictionary:
            return .string
        }
    }

    /// The numeric types in widening order.
    private static func rank(_ type: FieldType) -> Int? {
        if type == .long { return 0 }
        if type == .long64 { return 1 }
        if type == .double { return 2 }
        return nil
    }

    /// The type both values fit when one widens into the other (`LONG` → `LONG_64` → `DOUBLE`), else `nil`.
    static func widened(_ lhs: FieldType, _ rhs: FieldType) -> FieldType? {
        if lhs == rhs { return lhs }
        guard let left = rank(lhs), let right = rank(rhs) else { return nil }
        return left >= right ? lhs : rhs
    }

    /// Whether a value of this type fits an existing field: the same type, a wider numeric type, or a `DATE`
    /// field for a string that reads as an ISO 8601 date.
    static func fits(_ type: FieldType, value: MetadataValue, existing: FieldType) -> Bool {
        if widened(type, existing) == existing { return true }
        if existing == .date, case .string(let text) = value { return ISO8601Timestamp.parse(text) != nil }
        return false
    }
}
