/// The layout of a batch file: which arrays it has, in order.
///
/// The first section is streamed (to memory, then to a temporary file past a threshold); the others are
/// buffered in memory until the batch is finished, so callers bound them (see
/// ``BatchFileWriter/bufferedByteCount``).
public struct BatchFormat: Sendable, Hashable {
    /// The sections, in the order they are written; the first one is streamed.
    public let sections: [BatchSection]

    /// Creates a format from its sections.
    public init(sections: [BatchSection]) {
        self.sections = sections
    }

    /// `{"addOrUpdate":[…],"delete":[…]}`: an item batch (`documents/batch`).
    public static let items = BatchFormat(sections: [.addOrUpdate, .delete])
    /// `{"members":[…],"mappings":[…],"deleted":[…]}`: an identity batch (`permissions/batch`).
    public static let identities = BatchFormat(sections: [.members, .mappings, .deleted])
    /// `{"addOrUpdate":[…],"delete":[…],"partialUpdate":[…]}`: a catalog stream update.
    public static let stream = BatchFormat(sections: [.addOrUpdate, .delete, .partialUpdate])
}
