import Foundation

/// Reads and checks one routed request without touching the emulator's state: query parameters, headers, body
/// size, media type, JSON, item and identity validation, content decoding. Runs outside the actor, so
/// concurrent requests are checked concurrently.
struct RequestPreparer: Sendable {
    /// A prepared request: the work to apply, or the answer refusing it, and its fault key.
    struct Outcome: Sendable {
        var work: Result<PreparedWork, EmulatorRefusal>
        /// The key of the request for fault decisions (see ``InMemoryPushService``).
        var faultKey: String
        /// The size of the body received.
        var bodyBytes: Int
    }

    /// The headers every upload must carry, exactly: what `POST /files` answers as `requiredHeaders`.
    static let requiredUploadHeaders: [(name: String, value: String)] = [
        ("x-amz-server-side-encryption", "AES256"),
        ("Content-Type", "application/octet-stream"),
    ]

    /// The signature the upload URL of a container carries in its query, so an upload URL whose query was dropped
    /// or altered is refused as S3 would.
    static func uploadSignature(fileId: String, seed: UInt64) -> String {
        let value = FaultHash.mix(FaultHash.fnv1a(fileId) ^ FaultHash.mix(seed ^ 0x0051_6E00))
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    let configuration: InMemoryPushService.Configuration

    /// Prepares a request.
    ///
    /// - Throws: ``TransportError`` when a body file cannot be read (a transport's own failure).
    func prepare(_ match: EmulatorRouter.Match, _ request: TransportRequest, body: RequestBody?) throws -> Outcome {
        // `work` fills in the fault key and body size as it reads the request, then the result replaces this.
        var outcome = Outcome(work: .success(.createFileContainer), faultKey: "", bodyBytes: 0)
        do {
            outcome.work = .success(try work(match, request, body, &outcome))
        } catch let refusal as EmulatorRefusal {
            outcome.work = .failure(refusal)
        }
        return outcome
    }

    private func work(
        _ match: EmulatorRouter.Match, _ request: TransportRequest, _ body: RequestBody?, _ outcome: inout Outcome
    ) throws -> PreparedWork {
        let query = EmulatorQuery(items: match.query)
        let scope = "\(match.organizationId)/\(match.targetId)"
        switch match.route {
        case .setSourceStatus:
            outcome.faultKey = scope
            let text = try query.required("statusType")
            guard let status = SourceStatus(rawValue: text.uppercased()) else {
                throw EmulatorRefusal(.invalidParameter("statusType", "'\(text)' is not a source status"))
            }
            return .status(status)
        case .addOrUpdateDocument:
            return try upsertItem(query, request, body, &outcome)
        case .deleteDocument:
            let documentId = try Self.documentId(query)
            outcome.faultKey = documentId
            let deleteChildren = try query.bool("deleteChildren") ?? false
            return .deleteItem(
                documentId: documentId, deleteChildren: deleteChildren, orderingId: try query.orderingId())
        case .deleteDocumentsOlderThan:
            outcome.faultKey = scope
            let orderingId = try query.requiredOrderingId()
            _ = try query.queueDelay()
            return .deleteItemsOlderThan(orderingId: orderingId)
        case .pushDocumentBatch, .pushIdentityBatch:
            let fileId = try query.required("fileId")
            outcome.faultKey = fileId
            let orderingId = try query.orderingId()
            return match.route == .pushDocumentBatch
                ? .itemBatch(fileId: fileId, orderingId: orderingId)
                : .identityBatch(fileId: fileId, orderingId: orderingId)
        case .createFileContainer:
            outcome.faultKey = match.organizationId
            _ = try query.bool("useVirtualHostedStyleUrl")
            return .createFileContainer
        case .uploadToFileContainer:
            return try upload(match, request, body, &outcome)
        case .addOrUpdateIdentity, .deleteIdentity, .addOrUpdateAlias:
            return try identity(match, query, request, body, &outcome)
        case .deleteIdentitiesOlderThan:
            outcome.faultKey = scope
            let orderingId = try query.requiredOrderingId()
            _ = try query.queueDelay()
            return .deleteIdentitiesOlderThan(orderingId: orderingId)
        case .openStream, .getStreamChunk, .closeStream, .updateStream, .mergeStream, .deleteStreamOlderThan:
            return try streamWork(match, query, body, &outcome)
        case .searchLogEntries:
            return try logQuery(match, query, request, body, &outcome)
        case .listFields, .searchFields, .getField, .createField, .createFields, .deleteField, .deleteFields,
            .createSource, .getSource, .listSourcePages, .listSources, .deleteSource, .createSecurityProvider,
            .createOrUpdateSecurityProvider, .getSecurityProvider, .listSecurityProviders, .deleteSecurityProvider,
            .evaluatePrivilege:
            return .platform(try platformWork(match, query, request, body, &outcome))
        }
    }

    private func upsertItem(
        _ query: EmulatorQuery, _ request: TransportRequest, _ body: RequestBody?, _ outcome: inout Outcome
    ) throws -> PreparedWork {
        let documentId = try Self.documentId(query)
        outcome.faultKey = documentId
        let orderingId = try query.orderingId()
        var compression: CompressionType?
        if let text = query.items["compressionType"] {
            guard let parsed = EmulatorContentDecoder.compressionType(text) else {
                throw EmulatorRefusal(.invalidParameter("compressionType", "'\(text)' is not a compression type"))
            }
            compression = parsed
        }
        let json = try jsonBody(request, body, name: "documentBody", &outcome)
        if let bodyId = json.member("documentId"), bodyId != .null, bodyId.stringValue != documentId {
            throw EmulatorRefusal(.invalidParameter("documentId", "the body's documentId differs from the query's"))
        }
        do throws(EntryRejection) {
            let draft = try ItemEntryParser.upsert(
                json, documentId: documentId, compression: compression, limits: configuration.limits)
            return .upsertItem(documentId: documentId, draft: .success(draft), orderingId: orderingId)
        } catch  where error.reason == .duplicateKey {
            throw EmulatorRefusal(.invalidJSON(error.message))
        } catch {
            // A rule the API checks while reading the request refuses it now; the rest is found downstream.
            if let parameter = error.parameter {
                throw EmulatorRefusal(.invalidParameter(parameter, error.message))
            }
            return .upsertItem(documentId: documentId, draft: .failure(error), orderingId: orderingId)
        }
    }

    /// The `documentId` query parameter of a single-item request: present, not empty, an absolute URI.
    private static func documentId(_ query: EmulatorQuery) throws(EmulatorRefusal) -> String {
        let documentId = try query.required("documentId")
        if let problem = EmulatedDocumentId.problem(documentId) {
            throw EmulatorRefusal(.invalidParameter("documentId", problem))
        }
        return documentId
    }

    private func identity(
        _ match: EmulatorRouter.Match, _ query: EmulatorQuery, _ request: TransportRequest, _ body: RequestBody?,
        _ outcome: inout Outcome
    ) throws -> PreparedWork {
        outcome.faultKey = "\(match.targetId)/"
        let orderingId = try query.orderingId()
        let json = try jsonBody(request, body, name: "identityBody", &outcome)
        if let name = IdentityEntryParser.identifier(of: json) { outcome.faultKey = "\(match.targetId)/\(name)" }
        guard let identity = json.member("identity"), identity != .null else {
            throw EmulatorRefusal(.missingParameter("identity"))
        }
        do throws(EntryRejection) {
            switch match.route {
            case .addOrUpdateIdentity:
                return .upsertIdentity(try IdentityEntryParser.member(json), orderingId: orderingId)
            case .addOrUpdateAlias:
                return .upsertAlias(try IdentityEntryParser.alias(json), orderingId: orderingId)
            default:
                return .deleteIdentity(try IdentityEntryParser.identity(of: json), orderingId: orderingId)
            }
        } catch {
            throw EmulatorRefusal(.invalidParameter("identityBody", error.message))
        }
    }

    private func upload(
        _ match: EmulatorRouter.Match, _ request: TransportRequest, _ body: RequestBody?, _ outcome: inout Outcome
    ) throws -> PreparedWork {
        let fileId = match.targetId
        outcome.faultKey = fileId
        let headers = request.headers
        if headers.contains("Authorization") {
            throw EmulatorRefusal(
                .s3Error(
                    403, "AccessDenied",
                    "The upload URL carries its own authorization; an Authorization header is not allowed."))
        }
        for required in Self.requiredUploadHeaders {
            let sent = headers[required.name]?.trimmingCharacters(in: .whitespaces)
            guard sent == required.value else {
                throw EmulatorRefusal(
                    .s3Error(
                        403, "SignatureDoesNotMatch",
                        "The header '\(required.name)' must be exactly '\(required.value)'."))
            }
        }
        let requiredNames = Set(Self.requiredUploadHeaders.map { $0.name.lowercased() })
        for field in headers where field.name.lowercased().hasPrefix("x-amz-") {
            guard requiredNames.contains(field.name.lowercased()) else {
                throw EmulatorRefusal(
                    .s3Error(403, "SignatureDoesNotMatch", "The header '\(field.name)' was not signed."))
            }
        }
        guard match.query["X-Amz-Signature"] == Self.uploadSignature(fileId: fileId, seed: configuration.faults.seed)
        else {
            throw EmulatorRefusal(
                .s3Error(403, "SignatureDoesNotMatch", "The query of the upload URL is missing or was changed."))
        }
        let limit = configuration.limits.maxFileContainerBytes
        let data =
            try loadBody(body, limit: limit, &outcome) {
                .s3Error(413, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.")
            } ?? Data()
        let payload: FileContainerState.Payload =
            configuration.discardContent
            ? .summary(ContainerSummary(data, limits: configuration.limits)) : .content(data)
        return .upload(fileId: fileId, payload: payload, byteCount: data.count)
    }

    // MARK: - Bodies

    /// The body of a JSON route: present, within the request size limit, of a JSON media type, valid JSON, an
    /// object.
    func jsonBody(
        _ request: TransportRequest, _ body: RequestBody?, name: String, _ outcome: inout Outcome
    ) throws -> JSONValue {
        let limit = configuration.limits.maxRequestBytes
        guard let data = try loadBody(body, limit: limit, &outcome, oversized: { .tooLarge(limit) }), !data.isEmpty
        else {
            throw EmulatorRefusal(.missingParameter(name))
        }
        guard Self.isJSONMediaType(request.headers["Content-Type"]) else {
            throw EmulatorRefusal(
                .error(415, "UNSUPPORTED_MEDIA_TYPE", "The Content-Type must be application/json."))
        }
        let json: JSONValue
        do {
            json = try EmulatedJSONParser.parse(data)
        } catch {
            throw EmulatorRefusal(.invalidJSON(error.message))
        }
        guard case .object = json else { throw EmulatorRefusal(.invalidJSON("the body must be a JSON object")) }
        return json
    }

    /// The body's bytes, `nil` when there is none, or ``EmulatorRefusal`` built by `oversized` when the body is
    /// larger than `limit` (a file body that large is not read).
    func loadBody(
        _ body: RequestBody?, limit: Int, _ outcome: inout Outcome, oversized: () -> EmulatorAnswer
    ) throws -> Data? {
        guard let body else { return nil }
        guard let size = body.byteCount else {
            throw TransportError(.bodyUnreadable, "the request body file cannot be read")
        }
        outcome.bodyBytes = size
        guard size <= limit else { throw EmulatorRefusal(oversized()) }
        do {
            return try body.loadData()
        } catch {
            throw TransportError(.bodyUnreadable, "the request body file cannot be read")
        }
    }

    static func isJSONMediaType(_ value: String?) -> Bool {
        guard let value else { return false }
        let mediaType = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let folded = mediaType.trimmingCharacters(in: .whitespaces).lowercased()
        return folded == "application/json" || (folded.hasPrefix("application/") && folded.hasSuffix("+json"))
    }
}
