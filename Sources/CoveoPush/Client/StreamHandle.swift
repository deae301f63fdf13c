/// The stream of a full catalog load, opened once (on the first chunk) and closed once.
actor StreamHandle {
    private let client: PushClient
    private let target: StreamTarget
    private var opening: Task<String, any Error>?

    init(client: PushClient, target: StreamTarget) {
        self.client = client
        self.target = target
    }

    /// The stream's ID, opening the stream on the first call.
    func streamId() async throws -> String {
        if let opening { return try await opening.value }
        let task = Task { [client, target] in
            let request = try client.checked(.openStream) { () throws(ValidationError) in
                try OpenStreamRequest(organizationId: client.organizationId, target: target)
            }
            return try await client.execute(request, counter: nil).streamId
        }
        opening = task
        return try await task.value
    }

    /// Whether the stream was opened.
    var isOpen: Bool { opening != nil }
}
