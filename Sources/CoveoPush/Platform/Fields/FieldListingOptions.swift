/// Which page of the organization's fields to list, and how: the Field API's `FieldListingOptions`.
///
/// Sorted by name, ascending, so that pages do not overlap while fields are being added. Only the filters this
/// SDK needs are offered; the others take the service's defaults.
///
/// ```swift
/// let firstPage = try FieldListingOptions(page: 0, perPage: 1000)
/// ```
public struct FieldListingOptions: Sendable, Hashable {
    /// The most fields one page may hold (the Field API's maximum `perPage`).
    public static let maxPerPage = 1000

    /// The page, from 0.
    public var page: Int
    /// How many fields per page, 1 to ``maxPerPage``.
    public var perPage: Int
    /// Only fields whose name contains this text, or `nil` for all.
    public var nameContains: String?
    /// Only fields of this type, or `nil` for all.
    public var type: FieldType?

    /// Creates listing options.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/outOfRange`` for a negative page or a page
    ///   size outside 1…1000.
    public init(page: Int = 0, perPage: Int = maxPerPage, nameContains: String? = nil, type: FieldType? = nil)
        throws(ValidationError)
    {
        guard page >= 0 else {
            throw ValidationError(.outOfRange, .configuration("page"), "the page must be 0 or more, not \(page)")
        }
        guard (1...Self.maxPerPage).contains(perPage) else {
            throw ValidationError(
                .outOfRange, .configuration("perPage"),
                "perPage must be between 1 and \(Self.maxPerPage), not \(perPage)")
        }
        self.page = page
        self.perPage = perPage
        self.nameContains = nameContains
        self.type = type
    }

    /// `{"page":…,"perPage":…,"sortBy":"name","order":"ASC"[,"filters":{"name":…,"type":…}]}`.
    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("page", .integer(Int64(page))), ("perPage", .integer(Int64(perPage))), ("sortBy", "name"),
            ("order", "ASC"),
        ]
        var filters: [(key: String, value: JSONValue)] = []
        if let nameContains { filters.append(("name", .string(nameContains))) }
        if let type { filters.append(("type", .string(type.rawValue))) }
        if !filters.isEmpty { members.append(("filters", .object(JSONObject(filters)))) }
        return .object(JSONObject(members))
    }
}
