extension RequestPreparer {
    /// Reads a Stream API request: path and query parameters only (these routes take no body; one sent is counted
    /// and ignored).
    func streamWork(
        _ match: EmulatorRouter.Match, _ query: EmulatorQuery, _ body: RequestBody?, _ outcome: inout Outcome
    ) throws(EmulatorRefusal) -> PreparedWork {
        outcome.bodyBytes = body?.byteCount ?? 0
        let scope = "\(match.organizationId)/\(match.targetId)"
        switch match.route {
        case .getStreamChunk:
            outcome.faultKey = match.pathParameter
            return .stream(.chunk(streamId: match.pathParameter))
        case .closeStream:
            outcome.faultKey = match.pathParameter
            return .stream(.close(streamId: match.pathParameter))
        case .updateStream:
            let fileId = try query.required("fileId")
            outcome.faultKey = fileId
            var shard: String?
            if let text = query.items["shard"] {
                guard Self.isValidShard(text) else {
                    throw EmulatorRefusal(.invalidParameter("shard", "'\(text)' is not 1 to 10 letters and digits"))
                }
                shard = text
            }
            return .stream(.update(fileId: fileId, shard: shard))
        case .mergeStream:
            let fileId = try query.required("fileId")
            outcome.faultKey = fileId
            return .stream(.merge(fileId: fileId))
        case .deleteStreamOlderThan:
            outcome.faultKey = scope
            let text = match.pathParameter
            guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let cutoff = Int64(text)
            else {
                throw EmulatorRefusal(
                    .invalidParameter("epochMilliseconds", "'\(text)' is not an integer between 0 and \(Int64.max)"))
            }
            _ = try query.queueDelay()
            return .stream(.deleteOlderThan(epochMilliseconds: cutoff))
        default:
            // `.openStream`, the only other route sent here.
            outcome.faultKey = scope
            return .stream(.open)
        }
    }

    /// Whether a shard name is 1 to 10 ASCII letters and digits.
    static func isValidShard(_ text: String) -> Bool {
        (1...10).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            }
    }
}
