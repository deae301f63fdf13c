import CoveoPushTesting
import Testing

@testable import CoveoPush

@Suite("PushOperation in errors and logs")
struct PushOperationStepTests {
    @Test("a local step of a session is a typed operation, and the description reads as its name")
    func localStep() async throws {
        let service = ScriptedPushService()
        let client = try await PushSessionTests.client(service)
        let session = client.session(sourceId: "src")
        try await session.addOrUpdate(ClientFixtures.document(1))
        _ = try await session.finish()
        let error = await #expect(throws: PushError.self) { try await session.addOrUpdate(ClientFixtures.document(2)) }
        #expect(error?.operation == .append)
        #expect(
            error?.description
                == "append failed (invalidInput): the session is already finished [document \(ClientFixtures.document(2).documentId)]"
        )
    }

    @Test("log events carry the request's operation, and their description starts with its name")
    func logEvents() async throws {
        let events = EventLog()
        let transport = RecordingTransport(defaultAnswer: .response(.empty(201)))
        let client = try PushClient(
            configuration: ClientFixtures.configuration { configuration in
                configuration.logHandler = { event in
                    events.append(event.operation == .setSourceStatus ? event.description : "other: \(event)")
                }
            }, transport: transport, clock: TestClock())
        try await client.setStatus(.idle, sourceId: "src")
        #expect(events.lines.count == 2)
        #expect(events.lines.allSatisfy { $0.hasPrefix("setSourceStatus POST ") })
    }

    @Test("the names of the local steps stay the words errors always carried")
    func rawValues() {
        #expect(
            [PushOperation.append, .writeBatchFile, .pushBatch, .offloadContent].map(\.rawValue)
                == ["append", "writeBatchFile", "pushBatch", "offloadContent"])
    }
}
