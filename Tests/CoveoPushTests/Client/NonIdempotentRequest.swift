import CoveoPush

/// A request made up for the tests of the idempotency rule: every real Push API request is idempotent, so this one
/// says whether it is. It posts to `…/sources/{sourceId}/counter` and expects an empty answer.
struct NonIdempotentRequest: PushRequest {
    var sourceId = "src"
    var isIdempotent = false

    var operation: PushOperation { PushOperation(rawValue: "incrementCounter") }
    var method: HTTPMethod { .post }
    var pathComponents: [String] { ["organizations", "org", "sources", sourceId, "counter"] }
    var queryItems: [QueryItem] { [] }
    var requestedOrderingId: Int64? { nil }
    func makeBody() throws(ValidationError) -> RequestBody? { nil }
}
