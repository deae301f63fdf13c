import Foundation

extension InMemoryPushService {
    /// What fault handling decided for a request before it is applied.
    struct Admission: Sendable {
        /// An answer to give instead of applying the request (429, a transient failure, an expired upload).
        var refusal: EmulatorAnswer?
        /// A transient status to answer after applying the request.
        var failAfter: Int?
        /// Latency to add.
        var delay: Duration = .zero
    }

    /// Answers one request as the Push API (or the upload host) would.
    ///
    /// Never throws for anything in the request: every problem is an HTTP answer. Throws only
    /// ``TransportError`` when a body file cannot be read, and `CancellationError` when cancelled during added
    /// latency.
    public nonisolated func send(_ request: TransportRequest, body: RequestBody?) async throws -> TransportResponse {
        try Task.checkCancellation()
        let match: EmulatorRouter.Match
        switch EmulatorRouter.match(method: request.method.rawValue, url: request.url, uploadPath: uploadPath) {
        case .notFound:
            return await finish(
                request, route: nil, bodyBytes: body?.byteCount ?? 0,
                answer: .error(404, "NOT_FOUND", "No operation matches this path."))
        case .methodNotAllowed(let allowed):
            var answer = EmulatorAnswer.error(
                405, "METHOD_NOT_ALLOWED", "\(request.method.rawValue) is not allowed on this path.")
            answer.response.headers["Allow"] = allowed.joined(separator: ", ")
            return await finish(request, route: nil, bodyBytes: body?.byteCount ?? 0, answer: answer)
        case .matched(let matched):
            match = matched
        }
        if match.route.isPushAPI, let refusal = authenticate(request.headers) {
            return await finish(request, route: match.route, bodyBytes: body?.byteCount ?? 0, answer: refusal)
        }
        if let refusal = privilegeRefusal(match.route) {
            return await finish(request, route: match.route, bodyBytes: body?.byteCount ?? 0, answer: refusal)
        }
        let prepared = try preparer.prepare(match, request, body: body)
        let admission = await admit(match.route, key: prepared.faultKey)
        if admission.delay > .zero { try await clock.sleep(admission.delay) }
        var answer: EmulatorAnswer
        if let refusal = admission.refusal {
            answer = refusal
        } else {
            switch prepared.work {
            case .failure(let refusal): answer = refusal.answer
            case .success(let work): answer = await perform(work, match)
            }
            if let status = admission.failAfter, answer.isSuccess {
                answer = Self.transientFailure(status)
                answer.fault = .failedAfter
            }
        }
        return await finish(request, route: match.route, bodyBytes: prepared.bodyBytes, answer: answer)
    }

    /// 401 for a missing or malformed `Authorization: Bearer` header, 403 for a key other than the configured one.
    nonisolated func authenticate(_ headers: HeaderFields) -> EmulatorAnswer? {
        let value = headers["Authorization"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return .error(401, "INVALID_TOKEN", "Token is invalid.")
        }
        if let apiKey = configuration.apiKey, String(parts[1]) != apiKey {
            return .error(403, "ACCESS_DENIED", "The token does not grant access to this resource.")
        }
        return nil
    }

    /// A transient failure: 504 as the API gateway answers it, any other status with a Coveo-style body.
    static func transientFailure(_ status: Int) -> EmulatorAnswer {
        switch status {
        case 504: return .error(504, nil, "Endpoint request timed out")
        case 503: return .error(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable.")
        default: return .error(status, "INTERNAL_SERVER_ERROR", "Failed to process request due to an internal error.")
        }
    }

    /// Throttling, attempt counting and the fault decision of one request.
    func admit(_ route: EmulatedRoute, key: String) -> Admission {
        let faults = configuration.faults
        var admission = Admission()
        guard faults.routes.contains(route) else { return admission }
        if faults.latency > .zero {
            admission.delay = faults.latency
            faultTally.delayed += 1
        }
        if route.isPushAPI, let limit = faults.requestsPerSecond {
            let elapsed = clock.elapsed()
            let window = max(elapsed.components.seconds, 0)
            if window != throttleWindow {
                throttleWindow = window
                throttleCount = 0
            }
            if throttleCount >= max(limit, 0) {
                let remaining = Duration.seconds(1) - (elapsed - Duration.seconds(window))
                let seconds = max(1, remaining.components.seconds + (remaining.components.attoseconds > 0 ? 1 : 0))
                var answer = EmulatorAnswer.error(
                    429, "TOO_MANY_REQUESTS", "Too many requests; retry after \(seconds) seconds.")
                answer.response.headers["Retry-After"] = String(seconds)
                answer.fault = .throttled
                admission.refusal = answer
                return admission
            }
            throttleCount += 1
        }
        guard faults.decidesPerRequest else { return admission }
        let attemptKey = "\(route.rawValue)\u{0}\(key)"
        let attempt = (attempts[attemptKey] ?? 0) + 1
        attempts[attemptKey] = attempt
        switch faults.decision(route: route, key: key, attempt: attempt) {
        case .none:
            break
        case .failBefore(let status):
            var answer = Self.transientFailure(status)
            answer.fault = .failedBefore
            admission.refusal = answer
        case .failAfter(let status):
            admission.failAfter = status
        case .expiredUpload:
            var answer = EmulatorAnswer.s3Error(403, "AccessDenied", "Request has expired")
            answer.fault = .expiredUpload
            admission.refusal = answer
        }
        return admission
    }

    /// Records the request and returns its response.
    func finish(
        _ request: TransportRequest, route: EmulatedRoute?, bodyBytes: Int, answer: EmulatorAnswer
    ) -> TransportResponse {
        counts.requests += 1
        counts.requestBytes += bodyBytes
        if let fault = answer.fault { faultTally.record(fault) }
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        log.append(
            EmulatedRequest(
                route: route, method: request.method.rawValue, path: components?.percentEncodedPath ?? "",
                query: components?.percentEncodedQuery, statusCode: answer.response.statusCode,
                errorCode: answer.errorCode, fault: answer.fault))
        let limit = max(configuration.requestLogLimit, 1)
        if log.count > 2 * limit { log.removeFirst(log.count - limit) }
        var response = answer.response
        response.headers["x-request-id"] = "emulator-\(counts.requests)"
        return response
    }

    /// Applies prepared work. Batch files are read outside the actor.
    nonisolated func perform(_ work: PreparedWork, _ match: EmulatorRouter.Match) async -> EmulatorAnswer {
        let scope = ScopedKey(
            organizationId: match.organizationId, id: match.targetId, isDataCollection: match.isDataCollection)
        switch work {
        case .itemBatch(let fileId, let orderingId):
            return await pushItemBatch(scope, fileId: fileId, orderingId: orderingId)
        case .identityBatch(let fileId, let orderingId):
            return await pushIdentityBatch(scope, fileId: fileId, orderingId: orderingId)
        case .stream(let work):
            return await performStream(work, scope)
        case .platform(let work):
            return await applyPlatform(work, organizationId: match.organizationId)
        default:
            return await apply(work, scope)
        }
    }

    /// Applies work that needs no reading outside the actor.
    func apply(_ work: PreparedWork, _ scope: ScopedKey) -> EmulatorAnswer {
        switch work {
        case .status(let status):
            counts.statusChanges += 1
            if !configuration.discardContent {
                sources[scope, default: SourceState()].statusHistory.append(
                    EmulatedStatusChange(status: status, elapsed: clock.elapsed()))
            }
            return .success(201)
        case .upsertItem(let documentId, let draft, let orderingId):
            switch draft {
            case .success(let draft):
                upsertItem(draft, scope, orderingId: orderingId ?? receiptTime(), fileId: nil, section: nil)
            case .failure(let rejection):
                recordDrop(
                    DroppedItem(
                        organizationId: scope.organizationId, targetId: scope.id, identifier: documentId,
                        reason: rejection.reason, message: rejection.message))
            }
            return .accepted
        case .deleteItem(let documentId, let deleteChildren, let orderingId):
            deleteItem(documentId, deleteChildren: deleteChildren, scope, orderingId: orderingId ?? receiptTime())
            return .accepted
        case .deleteItemsOlderThan(let orderingId):
            deleteItemsOlderThan(orderingId, scope)
            return .accepted
        case .createFileContainer:
            return createFileContainer(organizationId: scope.organizationId)
        case .upload(let fileId, let payload, let byteCount):
            return upload(fileId: fileId, payload: payload, byteCount: byteCount)
        case .upsertIdentity(let body, let orderingId):
            upsertIdentity(body, scope, orderingId: orderingId ?? receiptTime())
            return .accepted
        case .deleteIdentity(let identity, let orderingId):
            deleteIdentity(identity, scope, orderingId: orderingId ?? receiptTime())
            return .accepted
        case .upsertAlias(let body, let orderingId):
            upsertAlias(body, scope, orderingId: orderingId ?? receiptTime())
            return .accepted
        case .deleteIdentitiesOlderThan(let orderingId):
            deleteIdentitiesOlderThan(orderingId, scope)
            return .accepted
        case .searchLogs(let query):
            return searchLogs(query)
        case .itemBatch, .identityBatch, .stream, .platform:
            return .error(500, "INTERNAL_SERVER_ERROR", "Batches and stream operations are applied by perform.")
        }
    }
}
