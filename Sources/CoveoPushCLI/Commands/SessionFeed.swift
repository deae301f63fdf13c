import CoveoPush

/// A session of the SDK that input operations are fed to: its life cycle through ``BatchedSession`` (progress,
/// finish, cancel), and how each kind of session applies an operation read from a file.
struct SessionFeed: Sendable {
    /// The session: a Push source, a catalog, or a security identity provider.
    let session: any BatchedSession
    /// Applies one operation; an invalid one or one this session cannot take throws ``PushError`` with code
    /// `invalidInput`.
    let apply: @Sendable (InputOperation) async throws -> Void
    /// Creates the fields each chunk of records needs before the chunk is applied (`push --create-fields`).
    var fields: FieldCreator?

    /// Items and deletions for a Push source.
    static func push(_ session: PushSession) -> SessionFeed {
        SessionFeed(session: session) { operation in
            switch operation {
            case .addOrUpdate(let document): try await session.addOrUpdate(document)
            case .delete(let documentId, let children):
                try await session.delete(documentId: documentId, deleteChildren: children)
            default: throw unsupported(operation, "a Push source")
            }
        }
    }

    /// Items, deletions and partial updates for a catalog.
    static func catalog(_ session: CatalogSession) -> SessionFeed {
        SessionFeed(session: session) { operation in
            switch operation {
            case .addOrUpdate(let document): try await session.addOrUpdate(document)
            case .delete(let documentId, _): try await session.delete(documentId: documentId)
            case .partialUpdate(let update): try await session.partialUpdate(update)
            default: throw unsupported(operation, "a catalog")
            }
        }
    }

    /// Identities, aliases and identity deletions for a security identity provider.
    static func identities(_ session: IdentitySession) -> SessionFeed {
        SessionFeed(session: session) { operation in
            switch operation {
            case .identity(let body): try await session.addOrUpdate(body)
            case .alias(let body): try await session.addOrUpdate(body)
            case .deleteIdentity(let body): try await session.delete(body)
            default: throw unsupported(operation, "a security identity provider")
            }
        }
    }

    private static func unsupported(_ operation: InputOperation, _ target: String) -> PushError {
        PushError(
            .invalidInput, operation: .applyInput, message: "this entry cannot be sent to \(target)",
            documentIds: [operation.subject])
    }
}
