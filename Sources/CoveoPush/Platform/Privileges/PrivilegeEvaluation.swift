/// The answer of the privilege evaluation endpoint for one privilege.
public struct PrivilegeEvaluation: Sendable, Hashable, Decodable {
    /// Whether the key or token has the privilege.
    public var approved: Bool
    /// The service's reasons, such as `OPERATION_GRANTED` or `OPERATION_NOT_ALLOWED`
    /// (`evaluationReport.privilegeEvaluationResultCodes`).
    public var resultCodes: [String]

    /// Creates an evaluation.
    public init(approved: Bool, resultCodes: [String] = []) {
        self.approved = approved
        self.resultCodes = resultCodes
    }

    private enum CodingKeys: String, CodingKey { case approved, evaluationReport }
    private struct Report: Decodable { var privilegeEvaluationResultCodes: [String]? }

    /// Decodes `{"approved":…,"evaluationReport":{"privilegeEvaluationResultCodes":[…]},…}`; a missing `approved`
    /// reads as not approved.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        approved = try container.decodeIfPresent(Bool.self, forKey: .approved) ?? false
        resultCodes =
            try container.decodeIfPresent(Report.self, forKey: .evaluationReport)?.privilegeEvaluationResultCodes ?? []
    }
}
