import CoveoPush
import Foundation

/// A scripted transport that records every request it receives, for asserting what a client sent.
///
/// Answers come from an ordered list of ``Rule``s: the first rule whose ``RequestPattern`` matches and that
/// still has an answer gives the next one (a response or a thrown ``TransportError``); when none does, the
/// default answer is used. Every request is recorded with its body bytes, read at send time (batch files
/// are often deleted right after the upload), and with the answer it got.
///
/// ```swift
/// let transport = RecordingTransport()
/// await transport.on(.init(method: .post, pathContains: "/files"),
///                    reply: .response(.fileContainer(uploadUri: "https://upload.test/1", fileId: "f1")))
/// await transport.on(.init(host: "upload.test"),
///                    reply: .failure(TransportError(.connectionLost, "reset")), .response(.empty(200)))
/// // … run the code under test with `transport` …
/// let pushed = try await transport.uploadedBatches().flatMap(\.addOrUpdateIds)
/// ```
public actor RecordingTransport: Transport {
    private var rules: [Rule]
    private var defaultAnswer: Answer
    private var records: [RecordedRequest] = []

    /// Creates a transport with a script.
    ///
    /// - Parameters:
    ///   - rules: The rules, tried in order.
    ///   - defaultAnswer: The answer when no rule applies; by default `200` with an empty body.
    public init(rules: [Rule] = [], defaultAnswer: Answer = .response(.empty(200))) {
        self.rules = rules
        self.defaultAnswer = defaultAnswer
    }

    // MARK: Script

    /// Appends a rule, tried after the existing ones.
    public func add(_ rule: Rule) {
        rules.append(rule)
    }

    /// Appends a rule that gives `answers`, in order, to the requests matching `pattern`.
    ///
    /// - Parameters:
    ///   - pattern: The requests the rule applies to.
    ///   - answers: The answers, one per matching request.
    ///   - repeatingLast: Whether the last answer keeps being given once the others are used up;
    ///     otherwise the rule then stops applying.
    public func on(_ pattern: RequestPattern, reply answers: Answer..., repeatingLast: Bool = false) {
        rules.append(Rule(pattern, answers: answers, repeatsLastAnswer: repeatingLast))
    }

    /// Replaces the answer given when no rule applies.
    public func setDefaultAnswer(_ answer: Answer) {
        defaultAnswer = answer
    }

    // MARK: Transport

    /// Records the request, its body and the scripted answer, then returns or throws that answer.
    ///
    /// A `.file` body that cannot be read is answered with a ``TransportError`` of kind `bodyUnreadable`,
    /// as a real transport would, without using up a scripted answer.
    ///
    /// - Throws: The scripted ``TransportError``, or `CancellationError` (nothing recorded) when cancelled.
    public func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        try Task.checkCancellation()
        var bodyBytes: Data?
        var answer: Answer
        do {
            bodyBytes = try body?.loadData()
            answer = nextAnswer(for: request)
        } catch {
            answer = .failure(TransportError(.bodyUnreadable, "the request body file cannot be read"))
        }
        let isFile: Bool
        if case .file = body { isFile = true } else { isFile = false }
        records.append(
            RecordedRequest(
                index: records.count, request: request, body: bodyBytes, bodyWasFile: isFile, answer: answer)
        )
        switch answer {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }

    private func nextAnswer(for request: TransportRequest) -> Answer {
        for position in rules.indices where rules[position].pattern.matches(request) {
            if let answer = rules[position].takeAnswer() { return answer }
        }
        return defaultAnswer
    }

    // MARK: Recording

    /// Every request received so far, in order.
    public var requests: [RecordedRequest] { records }

    /// The requests received so far that match `pattern`, in order.
    public func requests(matching pattern: RequestPattern) -> [RecordedRequest] {
        records.filter { pattern.matches($0.request) }
    }

    /// The body of the request at `index` (in ``requests``), parsed with `JSONSerialization`.
    ///
    /// - Throws: ``RecordingError`` when there is no such request or it had no body; the parser's error
    ///   when the body is not JSON.
    public func recordedBodyJSON(_ index: Int) throws -> sending Any {
        guard records.indices.contains(index) else {
            throw RecordingError("no request at index \(index); \(records.count) recorded")
        }
        return try records[index].bodyJSON()
    }

    /// Every recorded body that is a document batch (a JSON object with `addOrUpdate`, `delete` or
    /// `partialUpdate`), decoded, in the order the batches were sent.
    public func uploadedBatches() -> [RecordedBatch] {
        records.compactMap { record in
            record.body.flatMap { RecordedBatch(json: $0, requestIndex: record.index) }
        }
    }

    /// The `addOrUpdate` entries of every uploaded batch, in order (see ``RecordedBatch``).
    public func batchDocuments() -> [JSONObject] {
        uploadedBatches().flatMap(\.addOrUpdate)
    }

    /// Forgets the recorded requests, keeping the script.
    public func clearRecords() {
        records.removeAll()
    }
}
