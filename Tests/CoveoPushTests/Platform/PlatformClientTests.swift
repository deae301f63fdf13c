import CoveoPushTesting
import Foundation
import Testing

@testable import CoveoPush

@Suite("PushClient: Platform API")
struct PlatformClientTests {
    typealias Answer = RecordingTransport.Answer

    static func client(
        _ transport: any Transport, clock: TestClock = TestClock(),
        _ adjust: (inout PushClient.Configuration) -> Void = { _ in }
    ) throws -> PushClient {
        try PushClient(configuration: ClientFixtures.configuration(adjust), transport: transport, clock: clock)
    }

    static let timeout = Answer.failure(TransportError(.timedOut, "timed out"))
    static let unavailable = Answer.response(.empty(503))

    // MARK: Fields

    @Test("listFields reads every page")
    func listFieldsPages() async throws {
        let service = ScriptedPlatformService()
        await service.addFields((0..<2498).map { "f\($0)" })
        let client = try Self.client(service.transport())
        let fields = try await client.listFields()
        #expect(fields.count == 2500)
        #expect(Set(fields.map(\.name)).count == 2500)
        #expect(await service.count(.listFields) == 3)
    }

    @Test("createFields sends requests of at most 500 fields, one after the other")
    func createFieldsSplits() async throws {
        let transport = RecordingTransport(defaultAnswer: .response(.empty(204)))
        let client = try Self.client(transport)
        let fields = (0..<1201).map { FieldDefinition(name: "f\($0)", type: .long) }
        try await client.createFields(fields)
        let sent = await transport.requests
        #expect(sent.count == 3)
        let sizes = try sent.map { try #require($0.bodyJSON() as? [Any]).count }
        #expect(sizes == [500, 500, 201])
        #expect(sent.allSatisfy { $0.request.url.path == "/rest/organizations/org/indexes/fields/batch/create" })
    }

    @Test("createFields refuses a bad name before sending anything")
    func createFieldsRefusesBadName() async throws {
        let transport = RecordingTransport(defaultAnswer: .response(.empty(204)))
        let client = try Self.client(transport)
        let fields =
            (0..<600).map { FieldDefinition(name: "f\($0)", type: .long) } + [.init(name: "Bad-Name", type: .string)]
        let error = await #expect(throws: PushError.self) { try await client.createFields(fields) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("'Bad-Name'") == true)
        #expect(await transport.requests.isEmpty)
    }

    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        var answer: Answer
        var testDescription: String { name }
    }

    static let ambiguousFaults: [Fault] = [
        Fault(name: "timeout", answer: timeout), Fault(name: "503 without Retry-After", answer: unavailable),
        Fault(name: "connection lost", answer: .failure(TransportError(.connectionLost, "reset"))),
        Fault(name: "500", answer: .response(.coveoError(status: 500, errorCode: "INTERNAL", message: "boom"))),
    ]

    @Test("a field creation applied before a fault is not sent again", arguments: ambiguousFaults)
    func ambiguousFieldCreateApplied(_ fault: Fault) async throws {
        let service = ScriptedPlatformService()
        await service.setFault { route, attempt in route == .createFields && attempt == 2 ? fault.answer : nil }
        let client = try Self.client(service.transport())
        let fields = (0..<1200).map { FieldDefinition(name: "n\($0)", type: .string) }
        try await client.createFields(fields)
        let created = await service.fieldCreations
        #expect(created.count == 1200)
        #expect(Set(created).count == 1200, "a field was created twice")
        // Three slices; the second was applied, then answered with a fault: one listing, no second send.
        #expect(await service.count(.createFields) == 3)
        #expect(await service.count(.listFields) == 2)
    }

    @Test("a field creation refused by a fault is sent again with only the missing names")
    func ambiguousFieldCreateNotApplied() async throws {
        let service = ScriptedPlatformService()
        await service.setRefusal { route, attempt in route == .createFields && attempt == 1 ? Self.timeout : nil }
        let client = try Self.client(service.transport())
        try await client.createFields([.init(name: "alpha", type: .long), .init(name: "beta", type: .double)])
        #expect(await service.fieldCreations == ["alpha", "beta"])
        #expect(await service.count(.createFields) == 2)
        #expect(await service.count(.listFields) == 1)
        #expect(await service.fields["beta"] == .double)
    }

    @Test("a field creation half applied is completed with the missing names only")
    func ambiguousFieldCreateHalfApplied() async throws {
        let service = ScriptedPlatformService()
        // Someone (or a partial apply) created "alpha" before the answer was lost.
        await service.setRefusal { route, attempt in route == .createFields && attempt == 1 ? Self.timeout : nil }
        await service.addFields(["alpha"])
        let client = try Self.client(service.transport())
        try await client.createFields([.init(name: "alpha", type: .string), .init(name: "beta", type: .string)])
        #expect(await service.fieldCreations == ["beta"])
    }

    @Test("when the outcome stays unknown, createFields gives up with outcomeUnknown and never duplicates")
    func ambiguousFieldCreateGivesUp() async throws {
        let service = ScriptedPlatformService()
        await service.setRefusal { route, _ in route == .createFields ? Self.timeout : nil }
        let client = try Self.client(service.transport())
        let error = await #expect(throws: PushError.self) {
            try await client.createFields([.init(name: "alpha", type: .string)])
        }
        #expect(error?.code == .outcomeUnknown)
        #expect(error?.operation == .createFields)
        #expect(await service.count(.createFields) == 4)
        #expect(await service.fieldCreations.isEmpty)
    }

    // MARK: Sources and providers

    @Test("createSource returns the new source, typed")
    func createSource() async throws {
        let service = ScriptedPlatformService()
        let client = try Self.client(service.transport())
        let source = try await client.createSource(name: "Tickets", type: .catalog, visibility: .shared)
        #expect(source.id == "src1abcdefghijklmnopqrstuvw-org")
        #expect(source.name == "Tickets")
        #expect(source.sourceType == .catalog)
        #expect(source.sourceVisibility == .shared)
        #expect(try await client.source(id: source.id) == source)
        #expect(try await client.listSources() == [source])
    }

    @Test("a source creation applied before a fault is found by name, not created again", arguments: ambiguousFaults)
    func ambiguousSourceCreateApplied(_ fault: Fault) async throws {
        let service = ScriptedPlatformService()
        await service.setFault { route, attempt in route == .createSource && attempt == 1 ? fault.answer : nil }
        let client = try Self.client(service.transport())
        let source = try await client.createSource(name: "Tickets")
        #expect(await service.sources.count == 1)
        #expect(await service.sources.first?.id == source.id)
        #expect(await service.count(.createSource) == 1)
        #expect(await service.count(.listSources) == 1)
    }

    @Test("a source creation refused by a fault is looked up, then sent again once")
    func ambiguousSourceCreateNotApplied() async throws {
        let service = ScriptedPlatformService()
        await service.setRefusal { route, attempt in route == .createSource && attempt == 1 ? Self.unavailable : nil }
        let client = try Self.client(service.transport())
        let source = try await client.createSource(name: "Tickets")
        #expect(await service.sources.map(\.id) == [source.id])
        #expect(await service.count(.createSource) == 2)
    }

    @Test("when a source creation's outcome stays unknown, createSource gives up and made no source")
    func ambiguousSourceCreateGivesUp() async throws {
        let service = ScriptedPlatformService()
        await service.setRefusal { route, _ in route == .createSource ? Self.timeout : nil }
        let client = try Self.client(service.transport())
        let error = await #expect(throws: PushError.self) { try await client.createSource(name: "Tickets") }
        #expect(error?.code == .outcomeUnknown)
        #expect(await service.count(.createSource) == 4)
        #expect(await service.sources.isEmpty)
    }

    @Test("createSource refuses an empty name before any request")
    func emptySourceName() async throws {
        let transport = RecordingTransport()
        let client = try Self.client(transport)
        let error = await #expect(throws: PushError.self) { try await client.createSource(name: "") }
        #expect(error?.code == .invalidInput)
        #expect(error?.validation?.rule == .emptyIdentifier)
        #expect(await transport.requests.isEmpty)
    }

    @Test("createOrUpdateProvider sends the EXPANDED provider and reads it back")
    func provider() async throws {
        let service = ScriptedPlatformService()
        let client = try Self.client(service.transport())
        let provider = try await client.createOrUpdateProvider(id: "tickets-sp", sourceId: "src-1")
        #expect(provider.id == "tickets-sp")
        #expect(provider.type == "EXPANDED")
        #expect(provider.sourceIds == ["src-1"])
        #expect(provider.cascadingProviderIds == ["Email Security Provider"])
    }

    @Test("a provider PUT is idempotent: retried after a timeout")
    func providerRetried() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .init(method: .put, pathContains: "/securityproviders/"), reply: Self.timeout,
            .response(.json(200, #"{"id":"p","type":"EXPANDED"}"#)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        let provider = try await client.createOrUpdateProvider(id: "p", sourceId: "s")
        #expect(provider.id == "p")
        #expect(await transport.requests.count == 2)
        #expect(clock.sleeps.count == 1)
    }

    // MARK: The same engine

    @Test("a 429/5xx storm on a Platform request is retried like the Push API, honouring Retry-After")
    func storm() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .init(pathContains: "/indexes/fields/search"),
            reply: .response(.tooManyRequests(retryAfter: 4)),
            .response(TransportResponse(statusCode: 503, headers: ["Retry-After": "9"])), .response(.empty(500)),
            .response(.empty(502)), .response(.empty(504)),
            .response(.json(200, #"{"items":[{"name":"title","type":"STRING"}],"totalEntries":1,"totalPages":1}"#)))
        let clock = TestClock()
        let events = PlatformEvents()
        let client = try Self.client(transport, clock: clock) { $0.logHandler = { events.append($0) } }
        let fields = try await client.listFields()
        #expect(fields.map(\.name) == ["title"])
        #expect(await transport.requests.count == 6)
        // 429 closes the shared throttle for 4 s; 503 sleeps the 9 s it asked for; the others back off.
        #expect(clock.sleeps.prefix(2) == [.seconds(4), .seconds(9)])
        #expect(clock.sleeps.count == 5)
        let statistics = await client.statistics()
        #expect(statistics.requests == 6)
        let responses = events.all.filter { $0.phase == .response }
        #expect(responses.map(\.statusCode) == [429, 503, 500, 502, 504, 200])
        #expect(responses.allSatisfy { $0.operation == .listFields })
        #expect(responses.first?.errorCode == "TOO_MANY_REQUESTS")
        #expect(events.all.allSatisfy { $0.path == "/rest/organizations/org/indexes/fields/search" })
    }

    @Test("a 429 on a Platform request closes the client's one throttle gate, which Push requests wait on too")
    func sharedThrottle() async throws {
        let transport = RecordingTransport()
        await transport.on(
            .init(pathContains: "/rest/privilege/evaluate"), reply: .response(.tooManyRequests(retryAfter: 30)),
            .response(.json(200, #"{"approved":true}"#)))
        await transport.setDefaultAnswer(.response(.empty(201)))
        let clock = TestClock()
        let client = try Self.client(transport, clock: clock)
        _ = try await client.evaluate(Privilege(targetDomain: "FIELD", type: "VIEW"))
        // The retry waited at the gate (not in a backoff sleep) for the 30 s the 429 asked for.
        #expect(clock.sleeps == [.seconds(30)])
        #expect(await client.throttle.totalThrottled == .seconds(30))
        // A Push request waits at the same gate when it is closed.
        clock.resetRecording()
        await client.throttle.close(for: .seconds(7))
        try await client.setStatus(.idle, sourceId: "src")
        #expect(clock.sleeps == [.seconds(7)])
        #expect(await client.statistics().throttledTime == .seconds(37))
    }

    struct ErrorShape: Sendable, CustomTestStringConvertible {
        var name: String
        var response: TransportResponse
        var code: PushError.Code
        var errorCode: String?
        var message: String
        var testDescription: String { name }
    }

    static let errorShapes: [ErrorShape] = [
        ErrorShape(
            name: "{errorCode,message}",
            response: .coveoError(status: 412, errorCode: "FIELD_ALREADY_EXISTS", message: "The field exists."),
            code: .requestRejected, errorCode: "FIELD_ALREADY_EXISTS", message: "The field exists."),
        ErrorShape(
            name: "{title,detail,type,status}",
            response: .json(
                400,
                #"{"type":"https://example.com/probs/invalid","title":"INVALID_FIELD_NAME","status":400,"detail":"Field name 'X' is invalid."}"#
            ),
            code: .requestRejected, errorCode: "INVALID_FIELD_NAME", message: "Field name 'X' is invalid."),
        ErrorShape(
            name: "{code,message} on 403",
            response: .json(403, #"{"code":"ACCESS_DENIED","message":"You are not allowed to create fields."}"#),
            code: .accessDenied, errorCode: "ACCESS_DENIED", message: "You are not allowed to create fields."),
        ErrorShape(
            name: "401 {message}", response: .json(401, #"{"message":"Invalid token"}"#), code: .authenticationFailed,
            errorCode: nil, message: "Invalid token"),
    ]

    @Test("Platform error bodies give the service's code and message", arguments: errorShapes)
    func errorBodies(_ shape: ErrorShape) async throws {
        let transport = RecordingTransport(defaultAnswer: .response(shape.response))
        let client = try Self.client(transport)
        let error = await #expect(throws: PushError.self) {
            try await client.createFields([.init(name: "x", type: .string)])
        }
        #expect(error?.code == shape.code)
        #expect(error?.errorCode == shape.errorCode)
        #expect(error?.message == shape.message)
        #expect(error?.statusCode == shape.response.statusCode)
        #expect(await transport.requests.count == 1)
    }

    @Test("the API key never appears in a Platform error, a log event or a request to log")
    func keyNeverLeaks() async throws {
        let key = "xx-secret-key-0123456789"
        let transport = RecordingTransport()
        await transport.on(
            .init(pathContains: "/sources"),
            reply: .response(.coveoError(status: 503, errorCode: "UNAVAILABLE", message: "try later")))
        await transport.setDefaultAnswer(.response(.coveoError(status: 403, errorCode: "ACCESS_DENIED", message: "no")))
        let events = PlatformEvents()
        let client = try Self.client(transport) { $0.logHandler = { events.append($0) } }
        var texts: [String] = []
        for operation in [
            { _ = try await client.createSource(name: "Tickets") },
            { _ = try await client.listFields() },
            { try await client.createOrUpdateProvider(id: "p", sourceId: "s") },
            { _ = try await client.missingPrivileges(for: [.fields]) },
        ] as [@Sendable () async throws -> Void] {
            do {
                try await operation()
                Issue.record("expected a failure")
            } catch {
                texts.append(String(describing: error))
                texts.append(String(reflecting: error))
            }
        }
        texts += events.all.map { String(describing: $0) }
        #expect(!texts.isEmpty)
        for text in texts { #expect(!text.contains(key), "\(text)") }
        // The key was sent, as a bearer token, to the Platform host only.
        let sent = await transport.requests
        #expect(sent.allSatisfy { $0.request.headers["Authorization"] == "Bearer " + key })
        #expect(sent.allSatisfy { $0.request.url.host == "platform.cloud.coveo.com" })
    }

    // MARK: Privileges

    @Test("every missing privilege is reported by name, with the needs that require it")
    func missingPrivileges() async throws {
        let service = ScriptedPlatformService()
        await service.deny(["FIELD:CREATE", "SOURCE_ITEMS:EDIT", "ORGANIZATION:VIEW", "SECURITY_PROVIDER:EDIT"])
        let client = try Self.client(service.transport())
        let missing = try await client.missingPrivileges(for: [.push, .fields, .logs], sourceId: "src-1")
        #expect(missing.map(\.privilege.name) == ["ORGANIZATION:VIEW", "SOURCE_ITEMS:EDIT", "FIELD:CREATE"])
        #expect(missing.first?.neededBy == [.push, .logs])
        #expect(missing.first?.isAssumed == false)
        #expect(missing[1].privilege.targetId == "src-1")
        #expect(missing[1].isAssumed)
        #expect(missing[1].description == "SOURCE_ITEMS:EDIT (target src-1) (needed by push; assumed)")
        #expect(missing[2].resultCodes == ["OPERATION_NOT_ALLOWED"])
        // ORGANIZATION:VIEW, SOURCE:VIEW, SOURCE_ITEMS:EDIT, FIELD:VIEW, FIELD:CREATE, FIELD:EDIT: each once.
        #expect(await service.count(.evaluate) == 6)
    }

    @Test("requirePrivileges throws accessDenied naming every missing privilege")
    func requirePrivileges() async throws {
        let service = ScriptedPlatformService()
        await service.deny(["SECURITY_PROVIDER:CREATE", "SECURITY_IDENTITY:EDIT"])
        let client = try Self.client(service.transport())
        let error = await #expect(throws: PushError.self) {
            try await client.requirePrivileges(for: [.providers, .identities])
        }
        #expect(error?.code == .accessDenied)
        #expect(error?.operation == .evaluatePrivilege)
        #expect(
            error?.message
                == "the API key lacks SECURITY_PROVIDER:CREATE (needed by providers), "
                + "SECURITY_IDENTITY:EDIT (needed by identities; assumed)")
        try await client.requirePrivileges(for: [.sources])
    }

    @Test("no privilege missing gives an empty list")
    func nothingMissing() async throws {
        let service = ScriptedPlatformService()
        let client = try Self.client(service.transport())
        #expect(try await client.missingPrivileges(for: PrivilegeNeed.allCases).isEmpty)
    }

    @Test("the needs table: privileges and confidence of each row")
    func needsTable() throws {
        #expect(
            PrivilegeNeed.push.privileges().map(\.name) == ["ORGANIZATION:VIEW", "SOURCE:VIEW", "SOURCE_ITEMS:EDIT"])
        #expect(PrivilegeNeed.catalog.privileges(sourceId: "s") == PrivilegeNeed.push.privileges(sourceId: "s"))
        #expect(
            PrivilegeNeed.identities.privileges().map(\.name)
                == ["ORGANIZATION:VIEW", "SECURITY_PROVIDER:VIEW", "SECURITY_IDENTITY:EDIT"])
        #expect(PrivilegeNeed.fields.privileges().map(\.name) == ["FIELD:VIEW", "FIELD:CREATE", "FIELD:EDIT"])
        #expect(PrivilegeNeed.sources.privileges().map(\.name) == ["SOURCE:VIEW", "SOURCE:CREATE", "SOURCE:EDIT"])
        #expect(
            PrivilegeNeed.providers.privileges().map(\.name)
                == ["SECURITY_PROVIDER:VIEW", "SECURITY_PROVIDER:CREATE", "SECURITY_PROVIDER:EDIT"])
        #expect(PrivilegeNeed.logs.privileges().map(\.name) == ["ORGANIZATION:VIEW", "SOURCE:VIEW"])
        #expect(PrivilegeNeed.allCases.filter { $0.confidence == .assumed } == [.push, .catalog, .identities])
        #expect(PrivilegeNeed.logs.confidence == .medium)
        #expect(PrivilegeNeed.push.privileges().last?.targetId == "*")
        #expect(PrivilegeNeed.push.privileges(sourceId: "s").last?.targetId == "s")
        #expect(PrivilegeNeed.fields.privileges().allSatisfy { $0.owner == "PLATFORM" && $0.targetId == "*" })
        #expect(try Privilege(parsing: "search_api:execute_query").name == "SEARCH_API:EXECUTE_QUERY")
        #expect(try Privilege(parsing: "OTHER:FIELD:VIEW").name == "OTHER:FIELD:VIEW")
    }
}

/// Collects log events from a `@Sendable` handler.
final class PlatformEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [PushLogEvent] = []
    func append(_ event: PushLogEvent) {
        lock.lock()
        stored.append(event)
        lock.unlock()
    }
    var all: [PushLogEvent] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
