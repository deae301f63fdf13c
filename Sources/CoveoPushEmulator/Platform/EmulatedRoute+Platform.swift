extension EmulatedRoute {
    /// The one privilege the route requires, or `nil` (privilege evaluation, uploads): when it is denied the
    /// route answers 403.
    var requiredPrivilege: EmulatedPrivilege? {
        let name: String
        switch self {
        case .listFields, .searchFields, .getField: name = "FIELD:VIEW"
        case .createField, .createFields: name = "FIELD:CREATE"
        case .deleteField, .deleteFields: name = "FIELD:EDIT"
        case .getSource, .listSourcePages, .listSources: name = "SOURCE:VIEW"
        case .createSource: name = "SOURCE:CREATE"
        case .deleteSource: name = "SOURCE:EDIT"
        case .getSecurityProvider, .listSecurityProviders: name = "SECURITY_PROVIDER:VIEW"
        case .createSecurityProvider, .createOrUpdateSecurityProvider: name = "SECURITY_PROVIDER:CREATE"
        case .deleteSecurityProvider: name = "SECURITY_PROVIDER:EDIT"
        case .evaluatePrivilege, .uploadToFileContainer: return nil
        case .createFileContainer, .searchLogEntries: name = "ORGANIZATION:VIEW"
        case .addOrUpdateIdentity, .deleteIdentity, .addOrUpdateAlias, .pushIdentityBatch,
            .deleteIdentitiesOlderThan:
            name = "SECURITY_IDENTITY:EDIT"
        default: name = "SOURCE_ITEMS:EDIT"
        }
        return EmulatedPrivilege(name)
    }
}
