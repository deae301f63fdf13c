extension PushClient {
    /// How many times ``createFields(_:)`` and ``createSource(name:type:visibility:)`` look at the organization again
    /// after a create whose outcome is unknown, before giving up with that failure.
    static let maxAmbiguousCreateRecoveries = 3

    /// Lists every field of the organization (Platform API), page after page.
    ///
    /// ```swift
    /// let names = Set(try await client.listFields().map(\.name))
    /// ```
    ///
    /// Organizations hold at most 5,000 fields by default, so the whole list is a few hundred kilobytes at most;
    /// it is read in pages of `pageSize` (1,000 by default, the Field API's maximum).
    ///
    /// - Parameter pageSize: Fields per page, 1 to ``FieldListingOptions/maxPerPage``.
    /// - Returns: The fields, sorted by name.
    /// - Throws: ``PushError`` (with the service's code and message), or `CancellationError`.
    public nonisolated func listFields(pageSize: Int = FieldListingOptions.maxPerPage) async throws
        -> [FieldDefinition]
    {
        try await allPages(.listFields) { page throws(ValidationError) in
            try ListFieldsRequest(
                organizationId: organizationId, options: FieldListingOptions(page: page, perPage: pageSize))
        }
    }

    /// Creates fields (Platform API), in requests of at most ``CreateFieldsRequest/maxFields`` (500), one after
    /// the other.
    ///
    /// ```swift
    /// try await client.createFields([FieldDefinition(name: "priority", type: .long)])
    /// ```
    ///
    /// Idempotent in effect: when a request fails in a way that leaves unknown whether the service created the
    /// fields (a timeout, a 5xx; ``PushError/Code/outcomeUnknown``), the client lists the fields again and sends
    /// only the names still missing (compared case-insensitively), so no field is ever created twice. Pass the
    /// fields that do not exist yet: a field that already exists makes the service refuse its request.
    ///
    /// - Parameter fields: The fields to create, with valid, distinct names.
    /// - Throws: ``PushError`` with code ``PushError/Code/invalidInput`` for an invalid or repeated name (before
    ///   any request); the service's refusal; ``PushError/Code/outcomeUnknown`` when the outcome stayed unknown
    ///   after 3 look-ups; or `CancellationError`.
    public nonisolated func createFields(_ fields: [FieldDefinition]) async throws {
        var seen = Set<String>()
        for field in fields {
            _ = try checked(.createFields) { () throws(ValidationError) in try CreateFieldsRequest.checkName(field.name)
            }
            guard seen.insert(field.name.lowercased()).inserted else {
                throw PushError(
                    ValidationError(
                        .duplicateKey, .configuration("fields"), "the field '\(field.name)' is given twice"),
                    operation: .createFields)
            }
        }
        var requests: [CreateFieldsRequest] = []
        var start = 0
        while start < fields.count {
            let slice = Array(fields[start..<min(start + CreateFieldsRequest.maxFields, fields.count)])
            requests.append(
                try checked(.createFields) { () throws(ValidationError) in
                    try CreateFieldsRequest(organizationId: organizationId, fields: slice)
                })
            start += slice.count
        }
        for request in requests {
            try await createFieldsOnce(request)
        }
    }

    /// Sends one field creation; after an ambiguous failure, lists the fields and sends only the missing ones.
    private nonisolated func createFieldsOnce(_ request: CreateFieldsRequest) async throws {
        var pending = request
        var recoveries = 0
        while true {
            do {
                _ = try await send(pending)
                return
            } catch let error as PushError
                where error.code == .outcomeUnknown && recoveries < Self.maxAmbiguousCreateRecoveries
            {
                recoveries += 1
                let existing = Set(try await listFields().map { $0.name.lowercased() })
                let missing = pending.fields.filter { !existing.contains($0.name.lowercased()) }
                if missing.isEmpty { return }
                pending = try checked(.createFields) { () throws(ValidationError) in
                    try CreateFieldsRequest(organizationId: organizationId, fields: missing)
                }
            }
        }
    }
}
