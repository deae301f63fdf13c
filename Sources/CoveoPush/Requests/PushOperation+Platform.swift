extension PushOperation {
    /// `POST /rest/organizations/{org}/indexes/fields/search` (Field API `searchFields`): one page of the
    /// organization's fields.
    public static let listFields = PushOperation(rawValue: "listFields")
    /// `POST /rest/organizations/{org}/indexes/fields/batch/create` (Field API `createFields`): up to 500 fields.
    public static let createFields = PushOperation(rawValue: "createFields")
    /// `POST /rest/organizations/{org}/sources` (Source API `createSource`).
    public static let createSource = PushOperation(rawValue: "createSource")
    /// `GET /rest/organizations/{org}/sources/{sourceId}` (Source API `getSource`).
    public static let getSource = PushOperation(rawValue: "getSource")
    /// `GET /rest/organizations/{org}/sources/pages` (Source API `listSources`): one page of the sources.
    public static let listSources = PushOperation(rawValue: "listSources")
    /// `PUT /rest/organizations/{org}/securityproviders/{providerId}` (Security Cache API
    /// `createOrUpdateSecurityProvider`).
    public static let createOrUpdateSecurityProvider = PushOperation(rawValue: "createOrUpdateSecurityProvider")
    /// `POST /rest/privilege/evaluate` (Authorization API `evaluatePrivilege`).
    public static let evaluatePrivilege = PushOperation(rawValue: "evaluatePrivilege")
}

extension PushOperation {
    /// `POST {logs}/organizations/{organizationId}` (Logs API): one page of a source's log entries.
    public static let searchLogEntries = PushOperation(rawValue: "searchLogEntries")
}
