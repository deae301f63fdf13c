import CoveoPush

/// Applies `--normalize-keys` to the documents read: each document's metadata keys are rewritten with one
/// ``MetadataKeyNormalization`` (the SDK's caching ``MetadataKeyNormalizer``, so a key seen before costs a lookup).
///
/// A document whose keys cannot be normalised (two keys giving one name, a key giving nothing, or a reserved
/// name) becomes an ``InputProblem`` at its position: it is skipped and reported like any invalid document, and
/// the other documents go on.
struct RecordNormalizer: Sendable {
    private var normalizer: MetadataKeyNormalizer

    /// Creates a normaliser of records.
    init(_ normalization: MetadataKeyNormalization) {
        normalizer = MetadataKeyNormalizer(normalization)
    }

    /// The record with its document's keys normalised; records other than documents as they are.
    mutating func apply(_ record: InputRecord) -> InputRecord {
        guard case .success(.addOrUpdate(let document)) = record.outcome, !document.metadata.isEmpty else {
            return record
        }
        do {
            let normalized = try normalizer.normalize(document)
            return InputRecord(position: record.position, outcome: .success(.addOrUpdate(normalized)))
        } catch {
            return InputRecord(
                position: record.position,
                outcome: .failure(
                    InputProblem(
                        position: record.position, subject: document.documentId,
                        reason: "--normalize-keys \(normalizer.normalization.rawValue): \(error.rule): "
                            + error.message)))
        }
    }
}
