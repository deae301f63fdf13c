/// A named array of a batch file, such as `addOrUpdate` or `members`.
public struct BatchSection: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The JSON key of the array.
    public let rawValue: String
    /// Creates a section from its JSON key.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The key.
    public var description: String { rawValue }

    /// Items to add or update (item and stream batches).
    public static let addOrUpdate = BatchSection(rawValue: "addOrUpdate")
    /// Items to delete (item and stream batches).
    public static let delete = BatchSection(rawValue: "delete")
    /// Partial item updates (stream batches).
    public static let partialUpdate = BatchSection(rawValue: "partialUpdate")
    /// Identities with their members (identity batches).
    public static let members = BatchSection(rawValue: "members")
    /// Aliases (identity batches).
    public static let mappings = BatchSection(rawValue: "mappings")
    /// Identities to delete (identity batches).
    public static let deleted = BatchSection(rawValue: "deleted")
}
