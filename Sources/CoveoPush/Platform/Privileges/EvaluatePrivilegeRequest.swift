/// Asks whether the key or token has a privilege: `POST {platform}/rest/privilege/evaluate` with
/// `{"organizationId":…,"requestedPrivilege":{"owner":…,"targetDomain":…,"type":…,"targetId":…}}`.
///
/// Success is `200` with a ``PrivilegeEvaluation``. Calling it needs no privilege. A read: safe to repeat.
public struct EvaluatePrivilegeRequest: PushRequest, Hashable {
    /// The evaluation.
    public typealias Response = PrivilegeEvaluation

    /// The organization ID.
    public let organizationId: String
    /// The privilege to evaluate.
    public let privilege: Privilege

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError`` with rule ``ValidationError/Rule/emptyIdentifier`` for an empty ID.
    public init(organizationId: String, privilege: Privilege) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        try RequestValidation.identifier(privilege.targetId, "targetId")
        self.organizationId = organizationId
        self.privilege = privilege
    }

    /// ``PushOperation/evaluatePrivilege``.
    public var operation: PushOperation { .evaluatePrivilege }
    /// ``CoveoAPI/platform``.
    public var api: CoveoAPI { .platform }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `rest/privilege/evaluate`.
    public var pathComponents: [String] { ["rest", "privilege", "evaluate"] }
    /// The body above.
    public func makeBody() throws(ValidationError) -> RequestBody? {
        PlatformJSON.body(["organizationId": .string(organizationId), "requestedPrivilege": privilege.json])
    }
}
