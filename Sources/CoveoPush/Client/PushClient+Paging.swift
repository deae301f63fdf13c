extension PushClient {
    /// Every item of a paged Platform listing: sends the request for page 0, 1, … until the last page (or an empty
    /// one), each through ``send(_:)``.
    ///
    /// - Parameters:
    ///   - operation: The listing, named in the error when a page's request cannot be made.
    ///   - request: The request for a page number (from 0).
    nonisolated func allPages<Request: PushRequest, Item>(
        _ operation: PushOperation, _ request: (Int) throws(ValidationError) -> Request
    ) async throws -> [Item] where Request.Response == PlatformPage<Item> {
        var items: [Item] = []
        var page = 0
        while true {
            let pageRequest = try checked(operation) { () throws(ValidationError) in try request(page) }
            let result = try await send(pageRequest)
            items.append(contentsOf: result.items)
            page += 1
            if page >= result.totalPages || result.items.isEmpty { return items }
        }
    }
}
