extension RequestPreparer {
    /// Reads a Logs API query: `from`, `to` and paging in the query, the filters in a JSON body (`{}` at least).
    ///
    /// The fault key is the organization, the window and the page, so a retried page draws a new decision.
    func logQuery(
        _ match: EmulatorRouter.Match, _ query: EmulatorQuery, _ request: TransportRequest, _ body: RequestBody?,
        _ outcome: inout Outcome
    ) throws -> PreparedWork {
        outcome.faultKey = [
            match.organizationId, query.items["from"] ?? "", query.items["to"] ?? "", query.items["page"] ?? "0",
            query.items["documentId"] ?? "",
        ].joined(separator: "/")
        let json = try jsonBody(request, body, name: "body", &outcome)
        return .searchLogs(try LogQuery(organizationId: match.organizationId, query: query, body: json))
    }
}
