import Foundation

/// Reads the entries of a Stream API file (an update, merge or load chunk) out of a file container, validating
/// each: `addOrUpdate` and `delete` as in an item batch, and `partialUpdate`; section names compared ignoring case.
enum EmulatorStreamScanner {
    /// An entry of a stream file.
    enum Entry: Sendable {
        case upsert(ItemDraft)
        case delete(documentId: String, deleteChildren: Bool)
        case partialUpdate(EmulatedPartialUpdate)
        case dropped(section: String, identifier: String?, EntryRejection)
    }

    /// Visits every entry of a stream file, in file order.
    ///
    /// - Returns: `nil`, or why the file is not a JSON object of arrays (then the entries visited must not be
    ///   applied).
    static func scan(_ data: Data, limits: InMemoryPushService.Limits, _ visit: (Entry) -> Void) -> String? {
        EmulatorBatchScanner.walk(data) { section, value in
            do throws(EntryRejection) {
                switch section.lowercased() {
                case "addorupdate":
                    visit(.upsert(try ItemEntryParser.upsert(value, limits: limits)))
                case "delete":
                    let entry = try ItemEntryParser.delete(value)
                    visit(.delete(documentId: entry.documentId, deleteChildren: entry.deleteChildren))
                case "partialupdate":
                    visit(.partialUpdate(try PartialUpdateParser.parse(value)))
                default:
                    throw EntryRejection(.unknownSection, "a stream file has no '\(section)' section")
                }
            } catch {
                visit(.dropped(section: section, identifier: ItemEntryParser.identifier(of: value), error))
            }
        }
    }

    /// What applying `data` as a stream file would do, for discard mode.
    static func tally(_ data: Data, limits: InMemoryPushService.Limits) -> ContainerSummary.Tally {
        var tally = ContainerSummary.Tally()
        tally.malformed = scan(data, limits: limits) { entry in
            switch entry {
            case .upsert: tally.upserts += 1
            case .delete: tally.deletes += 1
            case .partialUpdate: tally.partialUpdates += 1
            case .dropped(let section, let identifier, let rejection):
                tally.dropped.append((section, identifier, rejection))
            }
        }
        return tally
    }
}
