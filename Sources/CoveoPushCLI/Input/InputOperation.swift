import CoveoPush

/// One operation read from the inputs of a subcommand.
enum InputOperation: Sendable {
    case addOrUpdate(Document)
    case delete(documentId: String, children: Bool)
    case partialUpdate(PartialUpdate)
    case identity(IdentityBody)
    case alias(AliasBody)
    case deleteIdentity(IdentityDeleteBody)

    /// The document or identity the operation is about, for reports.
    var subject: String {
        switch self {
        case .addOrUpdate(let document): return document.documentId
        case .delete(let documentId, _): return documentId
        case .partialUpdate(let update): return update.documentId
        case .identity(let body): return body.identity.name
        case .alias(let body): return body.identity.name
        case .deleteIdentity(let body): return body.identity.name
        }
    }
}
