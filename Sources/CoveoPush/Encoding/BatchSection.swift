/// A named array of a batch file, such as `addOrUpdate` or `members`.
package struct BatchSection: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The JSON key of the array.
    package let rawValue: String
    /// Creates a section from its JSON key.
    package init(rawValue: String) { self.rawValue = rawValue }
    /// The key.
    package var description: String { rawValue }

    /// Items to add or update (item and stream batches).
    package static let addOrUpdate = BatchSection(rawValue: "addOrUpdate")
    /// Items to delete (item and stream batches).
    package static let delete = BatchSection(rawValue: "delete")
    /// Partial item updates (stream batches).
    package static let partialUpdate = BatchSection(rawValue: "partialUpdate")
    /// Identities with their members (identity batches).
    package static let members = BatchSection(rawValue: "members")
    /// Aliases (identity batches).
    package static let mappings = BatchSection(rawValue: "mappings")
    /// Identities to delete (identity batches).
    package static let deleted = BatchSection(rawValue: "deleted")
}
