/// One page of a Platform API listing: `{"items"|"sourceModels": […], "totalEntries": N, "totalPages": N}`.
///
/// Pages are numbered from 0. The field listing calls its items `items`, the source listing `sourceModels`; both
/// decode into ``items``.
public struct PlatformPage<Item: Decodable & Sendable>: Decodable, Sendable {
    /// The entries of this page.
    public var items: [Item]
    /// How many entries the whole listing has.
    public var totalEntries: Int64
    /// How many pages the whole listing has.
    public var totalPages: Int

    /// Creates a page.
    public init(items: [Item], totalEntries: Int64, totalPages: Int) {
        self.items = items
        self.totalEntries = totalEntries
        self.totalPages = totalPages
    }

    private enum CodingKeys: String, CodingKey {
        case items, sourceModels, totalEntries, totalPages
    }

    /// Decodes a page, taking the entries from `items` or `sourceModels`; missing totals read as this page alone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items =
            try container.decodeIfPresent([Item].self, forKey: .items)
            ?? container.decodeIfPresent([Item].self, forKey: .sourceModels) ?? []
        totalEntries = try container.decodeIfPresent(Int64.self, forKey: .totalEntries) ?? Int64(items.count)
        totalPages = try container.decodeIfPresent(Int.self, forKey: .totalPages) ?? 1
    }
}
