import CoveoPush
import CoveoPushTesting
import Foundation

/// A small stateful stand-in for the Platform API, for the client's unit tests (not the emulator, which is tested on
/// its own): it keeps fields and sources, applies creates, pages listings, evaluates privileges from a deny list,
/// and lets a test replace the answer to any request *after* the request was applied (a fault after the work).
actor ScriptedPlatformService {
    enum Route: String, Sendable {
        case listFields, createFields, createSource, listSources, getSource, provider, evaluate, other
    }

    /// A hook called after a request was handled (and applied): return an answer to send instead.
    typealias Fault = @Sendable (_ route: Route, _ attempt: Int) -> RecordingTransport.Answer?

    private(set) var fields: [String: FieldType] = ["title": .string, "date": .date]
    private(set) var sources: [SourceModel] = []
    /// Every field creation the service applied, by name (a name twice would be a duplicate).
    private(set) var fieldCreations: [String] = []
    /// Every create request received, applied or refused.
    private(set) var routes: [Route] = []
    private var attempts: [Route: Int] = [:]
    private var fault: Fault?
    private var refusal: Fault?
    private var denied: Set<String> = []
    private var nextSource = 0
    /// Push API requests answered (batch pushes and status changes).
    private(set) var pushRequests = 0
    var fieldPageSize = 1000

    func setFault(_ fault: Fault?) { self.fault = fault }
    /// A hook called before a request is applied: an answer it returns is sent and the request is not applied.
    func setRefusal(_ refusal: Fault?) { self.refusal = refusal }
    func deny(_ names: [String]) { denied = Set(names) }
    func addFields(_ names: [String]) { for name in names { fields[name] = .string } }

    func count(_ route: Route) -> Int { routes.filter { $0 == route }.count }

    nonisolated func transport() -> MockTransport {
        MockTransport { request, body in
            let data = try body?.loadData()
            let answer = await self.handle(request, body: data)
            switch answer {
            case .response(let response): return response
            case .failure(let error): throw error
            }
        }
    }

    private func route(_ request: TransportRequest) -> Route {
        let path = request.url.path
        if path.hasSuffix("/indexes/fields/search") { return .listFields }
        if path.hasSuffix("/indexes/fields/batch/create") { return .createFields }
        if path.hasSuffix("/sources") && request.method == .post { return .createSource }
        if path.hasSuffix("/sources/pages") { return .listSources }
        if path.contains("/sources/") && request.method == .get { return .getSource }
        if path.contains("/securityproviders/") { return .provider }
        if path.hasSuffix("/rest/privilege/evaluate") { return .evaluate }
        return .other
    }

    private func handle(_ request: TransportRequest, body: Data?) -> RecordingTransport.Answer {
        let route = route(request)
        routes.append(route)
        attempts[route, default: 0] += 1
        if let refused = refusal?(route, attempts[route] ?? 1) { return refused }
        let json = body.flatMap { try? JSONSerialization.jsonObject(with: $0) }
        let answer = apply(route, request: request, json: json)
        return fault?(route, attempts[route] ?? 1) ?? answer
    }

    private func apply(_ route: Route, request: TransportRequest, json: Any?) -> RecordingTransport.Answer {
        switch route {
        case .listFields:
            let options = json as? [String: Any] ?? [:]
            let page = options["page"] as? Int ?? 0
            let perPage = min(options["perPage"] as? Int ?? 100, fieldPageSize)
            let names = fields.keys.sorted()
            let slice = names.dropFirst(page * perPage).prefix(perPage)
            let items = slice.map { ["name": $0, "type": fields[$0]?.rawValue ?? "STRING"] }
            let totalPages = (names.count + perPage - 1) / perPage
            return .response(Self.json(["items": items, "totalEntries": names.count, "totalPages": totalPages]))
        case .createFields:
            let models = json as? [[String: Any]] ?? []
            let names = models.compactMap { $0["name"] as? String }
            if let duplicate = names.first(where: { fields[$0] != nil }) {
                return .response(
                    .coveoError(status: 412, errorCode: "FIELD_ALREADY_EXISTS", message: "\(duplicate) exists"))
            }
            for model in models {
                guard let name = model["name"] as? String else { continue }
                fields[name] = FieldType(rawValue: model["type"] as? String ?? "STRING")
                fieldCreations.append(name)
            }
            return .response(.empty(204))
        case .createSource:
            let model = json as? [String: Any] ?? [:]
            let name = model["name"] as? String ?? ""
            if sources.contains(where: { $0.name == name }) {
                return .response(.coveoError(status: 400, errorCode: "DUPLICATE_SOURCE_NAME", message: "taken"))
            }
            nextSource += 1
            let source = SourceModel(
                id: "src\(nextSource)abcdefghijklmnopqrstuvw-org", name: name,
                sourceType: SourceType(rawValue: model["sourceType"] as? String ?? "PUSH"),
                sourceVisibility: SourceVisibility(rawValue: model["sourceVisibility"] as? String ?? ""))
            sources.append(source)
            return .response(Self.json(Self.object(source), status: 201))
        case .listSources:
            let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            let filter = query.first { $0.name == "filter" }?.value
            let matching = sources.filter { filter == nil || $0.name == filter }
            return .response(
                Self.json(["sourceModels": matching.map(Self.object), "totalEntries": matching.count, "totalPages": 1]))
        case .getSource:
            let id = request.url.lastPathComponent
            guard let source = sources.first(where: { $0.id == id }) else {
                return .response(.coveoError(status: 404, errorCode: "SOURCE_NOT_FOUND", message: "no source \(id)"))
            }
            return .response(Self.json(Self.object(source)))
        case .provider:
            let model = json as? [String: Any] ?? [:]
            return .response(Self.json(model))
        case .evaluate:
            let requested = (json as? [String: Any])?["requestedPrivilege"] as? [String: Any] ?? [:]
            let name = "\(requested["targetDomain"] as? String ?? ""):\(requested["type"] as? String ?? "")"
            let approved = !denied.contains(name)
            return .response(
                Self.json([
                    "approved": approved,
                    "evaluationReport": [
                        "privilegeEvaluationResultCodes": [approved ? "OPERATION_GRANTED" : "OPERATION_NOT_ALLOWED"]
                    ],
                ]))
        case .other:
            // The Push API routes of the setup guide's last step: containers, uploads, the batch push, the status.
            if request.url.host == "upload.test" { return .response(.empty(200)) }
            if request.url.path.hasSuffix("/files") {
                return .response(.fileContainer(uploadUri: "https://upload.test/f", fileId: "f", requiredHeaders: [:]))
            }
            pushRequests += 1
            return .response(.empty(202))
        }
    }

    private static func object(_ source: SourceModel) -> [String: Any] {
        [
            "id": source.id, "name": source.name, "sourceType": source.sourceType.rawValue,
            "sourceVisibility": source.sourceVisibility?.rawValue ?? "",
        ]
    }

    private static func json(_ object: Any, status: Int = 200) -> TransportResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return TransportResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: data)
    }
}
