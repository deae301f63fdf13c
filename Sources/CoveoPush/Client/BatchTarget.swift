/// Where a batch file is pushed once it is in a file container.
enum BatchTarget: Sendable, Hashable {
    /// `PUT …/sources/{sourceId}/documents/batch?fileId=`.
    case items(sourceId: String, orderingId: Int64?)
    /// `PUT …/providers/{providerId}/permissions/batch?fileId=`.
    case identities(providerId: String, orderingId: Int64?)

    /// The batch file's layout.
    var format: BatchFormat {
        switch self {
        case .items: return .items
        case .identities: return .identities
        }
    }
}
