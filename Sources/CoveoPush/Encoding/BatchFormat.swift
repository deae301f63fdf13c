/// The layout of a batch file: which arrays it has, in order.
///
/// The first section is streamed (to memory, then to a temporary file past a threshold); the others are
/// buffered in memory until the batch is finished, so callers bound them (see
/// ``BatchFileWriter/bufferedByteCount``).
package struct BatchFormat: Sendable, Hashable {
    /// The sections, in the order they are written; the first one is streamed.
    package let sections: [BatchSection]

    /// Creates a format from its sections.
    package init(sections: [BatchSection]) {
        self.sections = sections
    }

    /// `{"addOrUpdate":[…],"delete":[…]}`: an item batch (`documents/batch`).
    package static let items = BatchFormat(sections: [.addOrUpdate, .delete])
    /// `{"members":[…],"mappings":[…],"deleted":[…]}`: an identity batch (`permissions/batch`).
    package static let identities = BatchFormat(sections: [.members, .mappings, .deleted])
    /// `{"addOrUpdate":[…],"delete":[…],"partialUpdate":[…]}`: a catalog stream update.
    package static let stream = BatchFormat(sections: [.addOrUpdate, .delete, .partialUpdate])
}
