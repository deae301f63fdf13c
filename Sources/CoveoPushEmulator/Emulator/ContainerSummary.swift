import Foundation

/// What validating an upload found, kept instead of the bytes in discard mode: the outcome of pushing the
/// container as an item batch, as an identity batch and as a Stream API file.
struct ContainerSummary: Sendable {
    /// One interpretation of the file.
    struct Tally: Sendable {
        var upserts = 0
        var deletes = 0
        var members = 0
        var mappings = 0
        var deletedIdentities = 0
        var partialUpdates = 0
        var dropped: [(section: String, identifier: String?, rejection: EntryRejection)] = []
        /// Why the file is not a batch file, if it is not.
        var malformed: String?
    }

    var byteCount: Int
    var asItems: Tally
    var asIdentities: Tally
    var asStream: Tally

    /// Validates `data` both ways.
    init(_ data: Data, limits: InMemoryPushService.Limits) {
        byteCount = data.count
        var items = Tally()
        items.malformed = EmulatorBatchScanner.scanItems(data, limits: limits) { entry in
            switch entry {
            case .upsert: items.upserts += 1
            case .delete: items.deletes += 1
            case .dropped(let section, let identifier, let rejection):
                items.dropped.append((section, identifier, rejection))
            }
        }
        var identities = Tally()
        if items.malformed == nil {
            identities.malformed = EmulatorBatchScanner.scanIdentities(data) { entry in
                switch entry {
                case .member: identities.members += 1
                case .alias: identities.mappings += 1
                case .deleted: identities.deletedIdentities += 1
                case .dropped(let section, let identifier, let rejection):
                    identities.dropped.append((section, identifier, rejection))
                }
            }
        } else {
            identities.malformed = items.malformed
        }
        asItems = items
        asIdentities = identities
        // A stream file reads as an item batch unless it has sections an item batch does not (`partialUpdate`).
        let hasOtherSections = items.dropped.contains { $0.rejection.reason == .unknownSection }
        asStream = hasOtherSections ? EmulatorStreamScanner.tally(data, limits: limits) : items
    }
}
