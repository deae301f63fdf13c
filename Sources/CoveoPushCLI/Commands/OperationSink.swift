import CoveoPush

/// A session that input operations are applied to: a Push source, a catalog, or a security identity provider.
protocol OperationSink: Sendable {
    /// Applies one operation; an invalid one throws ``PushError`` with code `invalidInput`.
    func apply(_ operation: InputOperation) async throws
    /// Pushes what is left and returns the report.
    func finish() async throws -> PushReport
    /// Cancels everything in flight and deletes temporary files.
    func cancel() async
    /// Progress events.
    var progress: AsyncStream<PushProgress> { get }
}

extension PushSession: OperationSink {
    func apply(_ operation: InputOperation) async throws {
        switch operation {
        case .addOrUpdate(let document): try await addOrUpdate(document)
        case .delete(let documentId, let children): try await delete(documentId: documentId, deleteChildren: children)
        default: throw Self.unsupported(operation, "a Push source")
        }
    }
}

extension CatalogSession: OperationSink {
    func apply(_ operation: InputOperation) async throws {
        switch operation {
        case .addOrUpdate(let document): try await addOrUpdate(document)
        case .delete(let documentId, _): try await delete(documentId: documentId)
        case .partialUpdate(let update): try await partialUpdate(update)
        default: throw Self.unsupported(operation, "a catalog")
        }
    }
}

extension IdentitySession: OperationSink {
    func apply(_ operation: InputOperation) async throws {
        switch operation {
        case .identity(let body): try await addOrUpdate(body)
        case .alias(let body): try await addOrUpdate(body)
        case .deleteIdentity(let body): try await delete(body)
        default: throw Self.unsupported(operation, "a security identity provider")
        }
    }
}

extension OperationSink {
    fileprivate static func unsupported(_ operation: InputOperation, _ target: String) -> PushError {
        PushError(
            .invalidInput, operation: .applyInput, message: "this entry cannot be sent to \(target)",
            documentIds: [operation.subject])
    }
}
