extension EmulatorRouter {
    /// The Platform API's routes, after the `rest` segment. A row with a literal segment comes before the row
    /// with an identifier in its place (`sources/pages` before `sources/{id}`).
    static let platformTable: [Row] = [
        Row(pattern: ["organizations", nil, "indexes", "page", "fields"], methods: ["GET": .listFields]),
        Row(pattern: ["organizations", nil, "indexes", "fields", "search"], methods: ["POST": .searchFields]),
        Row(
            pattern: ["organizations", nil, "indexes", "fields", "batch", "create"],
            methods: ["POST": .createFields]),
        Row(pattern: ["organizations", nil, "indexes", "fields"], methods: ["POST": .createField]),
        Row(
            pattern: ["organizations", nil, "indexes", "fields", "batch", "delete"],
            methods: ["DELETE": .deleteFields]),
        Row(
            pattern: ["organizations", nil, "indexes", "fields", nil],
            methods: ["GET": .getField, "DELETE": .deleteField]),
        Row(pattern: ["organizations", nil, "sources"], methods: ["GET": .listSources, "POST": .createSource]),
        Row(pattern: ["organizations", nil, "sources", "pages"], methods: ["GET": .listSourcePages]),
        Row(pattern: ["organizations", nil, "sources", nil], methods: ["GET": .getSource, "DELETE": .deleteSource]),
        Row(
            pattern: ["organizations", nil, "securityproviders"],
            methods: ["GET": .listSecurityProviders, "POST": .createSecurityProvider]),
        Row(
            pattern: ["organizations", nil, "securityproviders", nil],
            methods: [
                "GET": .getSecurityProvider, "PUT": .createOrUpdateSecurityProvider, "DELETE": .deleteSecurityProvider,
            ]),
        Row(pattern: ["privilege", "evaluate"], methods: ["POST": .evaluatePrivilege]),
    ]

    /// The index of the first `rest` segment followed by `organizations` or `privilege`.
    static func platformMarker(in segments: [String]) -> Int? {
        guard segments.count >= 2 else { return nil }
        for index in 0..<(segments.count - 1) where segments[index] == "rest" {
            if segments[index + 1] == "organizations" || segments[index + 1] == "privilege" { return index }
        }
        return nil
    }
}
