/// Creates fields: `POST {platform}/rest/organizations/{organizationId}/indexes/fields/batch/create` with an array of
/// `FieldModel`s (`name`, `type` and the options that are set).
///
/// At most ``maxFields`` (500) fields per request, as Coveo's own clients send; the service documents no maximum.
/// Success is `204`. **Not idempotent**: a second create of a field that exists fails, so after a failure whose
/// outcome is unknown the client does not send it again (``PushError/Code/outcomeUnknown``);
/// ``PushClient/createFields(_:)`` lists the fields again and creates only the missing ones.
public struct CreateFieldsRequest: PushRequest, Hashable {
    /// The most fields one request may create.
    public static let maxFields = 500

    /// The organization ID.
    public let organizationId: String
    /// The fields to create, 1 to ``maxFields``, with distinct names.
    public let fields: [FieldDefinition]

    /// Creates the request.
    ///
    /// - Throws: ``ValidationError``: ``ValidationError/Rule/emptyIdentifier`` for an empty organization ID;
    ///   ``ValidationError/Rule/outOfRange`` for no field or more than ``maxFields``;
    ///   ``ValidationError/Rule/invalidParameter`` naming a field whose name breaks the service's rule
    ///   (`^[a-z][a-z0-9_]{0,254}$`); ``ValidationError/Rule/duplicateKey`` naming a field given twice.
    public init(organizationId: String, fields: [FieldDefinition]) throws(ValidationError) {
        try RequestValidation.identifier(organizationId, "organizationId")
        guard !fields.isEmpty else {
            throw ValidationError(.outOfRange, .configuration("fields"), "a field creation needs at least one field")
        }
        guard fields.count <= Self.maxFields else {
            throw ValidationError(
                .outOfRange, .configuration("fields"),
                "a field creation request holds at most \(Self.maxFields) fields, not \(fields.count); split it "
                    + "(PushClient.createFields does)")
        }
        var seen = Set<String>()
        for field in fields {
            try Self.checkName(field.name)
            guard seen.insert(field.name).inserted else {
                throw ValidationError(
                    .duplicateKey, .configuration("fields"), "the field '\(field.name)' is given twice")
            }
        }
        self.organizationId = organizationId
        self.fields = fields
    }

    /// ``PushOperation/createFields``.
    public var operation: PushOperation { .createFields }
    /// ``CoveoAPI/platform``.
    public var api: CoveoAPI { .platform }
    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `rest/organizations/{organizationId}/indexes/fields/batch/create`.
    public var pathComponents: [String] {
        ["rest", "organizations", organizationId, "indexes", "fields", "batch", "create"]
    }
    /// `false`: creating a field twice fails.
    public var isIdempotent: Bool { false }
    /// The fields as a JSON array.
    public func makeBody() throws(ValidationError) -> RequestBody? {
        PlatformJSON.body(.array(fields.map(\.createRequestJSON)))
    }

    /// Throws unless `name` matches `^[a-z][a-z0-9_]{0,254}$`, the Field API's rule.
    static func checkName(_ name: String) throws(ValidationError) {
        guard FieldName.isValid(name) else {
            throw ValidationError(
                .invalidParameter, .configuration("fields"),
                "'\(name)' is not a valid field name: a lowercase letter, then lowercase letters, digits or '_', "
                    + "at most 255 characters")
        }
    }
}
