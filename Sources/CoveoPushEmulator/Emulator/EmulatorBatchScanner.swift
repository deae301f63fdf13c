import Foundation

/// Reads the entries of a batch file out of a file container, validating each: item batches
/// (`addOrUpdate`, `delete`) and identity batches (`members`, `mappings`, `deleted`), section names compared
/// ignoring case.
enum EmulatorBatchScanner {
    /// An entry of an item batch.
    enum ItemEntry: Sendable {
        case upsert(ItemDraft)
        case delete(documentId: String, deleteChildren: Bool)
        case dropped(section: String, identifier: String?, EntryRejection)
    }

    /// An entry of an identity batch.
    enum IdentityEntry: Sendable {
        case member(IdentityBody)
        case alias(AliasBody)
        case deleted(SecurityIdentity)
        case dropped(section: String, identifier: String?, EntryRejection)
    }

    /// Visits every entry of an item batch, in file order.
    ///
    /// - Returns: `nil`, or why the file is not a batch file (then the entries visited must not be applied).
    static func scanItems(
        _ data: Data, limits: InMemoryPushService.Limits, _ visit: (ItemEntry) -> Void
    ) -> String? {
        walk(data) { section, value in
            switch section.lowercased() {
            case "addorupdate":
                do throws(EntryRejection) {
                    visit(.upsert(try ItemEntryParser.upsert(value, limits: limits)))
                } catch {
                    visit(.dropped(section: section, identifier: ItemEntryParser.identifier(of: value), error))
                }
            case "delete":
                do throws(EntryRejection) {
                    let entry = try ItemEntryParser.delete(value)
                    visit(.delete(documentId: entry.documentId, deleteChildren: entry.deleteChildren))
                } catch {
                    visit(.dropped(section: section, identifier: ItemEntryParser.identifier(of: value), error))
                }
            default:
                visit(
                    .dropped(
                        section: section, identifier: ItemEntryParser.identifier(of: value),
                        EntryRejection(.unknownSection, "an item batch has no '\(section)' section")))
            }
        }
    }

    /// Visits every entry of an identity batch, in file order.
    ///
    /// - Returns: `nil`, or why the file is not a batch file (then the entries visited must not be applied).
    static func scanIdentities(_ data: Data, _ visit: (IdentityEntry) -> Void) -> String? {
        walk(data) { section, value in
            do throws(EntryRejection) {
                switch section.lowercased() {
                case "members": visit(.member(try IdentityEntryParser.member(value)))
                case "mappings": visit(.alias(try IdentityEntryParser.alias(value)))
                case "deleted": visit(.deleted(try IdentityEntryParser.identity(of: value)))
                default:
                    throw EntryRejection(.unknownSection, "an identity batch has no '\(section)' section")
                }
            } catch {
                visit(.dropped(section: section, identifier: IdentityEntryParser.identifier(of: value), error))
            }
        }
    }

    /// Walks a batch file, visiting each entry with its section name as written.
    ///
    /// - Returns: `nil`, or why the file is not a JSON object of arrays.
    static func walk(_ data: Data, _ visit: (String, JSONValue) -> Void) -> String? {
        do {
            try EmulatedJSONParser.walkBatch(data) { event in
                switch event {
                case .entry(let section, let value):
                    visit(section, value)
                case .notAnArray(let section):
                    throw EmulatedJSONError(message: "the '\(section)' section is not an array")
                }
            }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
