import CoveoPushTestSupport
import CoveoPushTesting
import Foundation
import Testing

/// The emulator's Platform API over real HTTP with the raw-socket client: standard fields and paging, atomic
/// batches, sources that the Push routes then push to, providers, privilege evaluation and denial, and the
/// metadata keys no field maps.
@Suite("Emulator: the Platform API over raw HTTP", .timeLimit(.minutes(1)))
struct EmulatorPlatformTests {
    static let platform = "/rest/organizations/org"

    /// A response: its status and body text.
    struct Reply: Sendable, CustomStringConvertible {
        var status: Int
        var text: String

        var object: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] }
        var array: [Any]? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] }
        var errorCode: String? { object?["errorCode"] as? String }
        /// The `name` of each entry of `items`.
        var itemNames: [String] { (object?["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
        var description: String { "\(status) \(text)" }
    }

    /// Sends one request on its own connection, with a JSON body when one is given.
    static func call(_ port: UInt16, _ method: String, _ target: String, _ body: String = "") async throws -> Reply {
        try await onDedicatedThread {
            let client = try RawHTTPClient(port: port)
            var headers = ["Authorization": "Bearer any-key"]
            if !body.isEmpty { headers["Content-Type"] = "application/json" }
            let response = try client.request(method, target, headers: headers, body: Array(body.utf8))
            return Reply(status: response.statusCode, text: String(decoding: response.body, as: UTF8.self))
        }
    }

    static func fieldsJSON(_ names: some Sequence<String>, type: String = "STRING") -> String {
        "[" + names.map { #"{"name": "\#($0)", "type": "\#(type)"}"# }.joined(separator: ", ") + "]"
    }

    @Test("an organization starts with the standard fields; both listings page them from 0")
    func standardFieldsAndPaging() async throws {
        let (server, service) = try LoopbackPushServer.emulator()
        let port = server.port
        let first = try await Self.call(port, "GET", "\(Self.platform)/indexes/page/fields?page=0&perPage=4")
        #expect(first.status == 200, "\(first)")
        #expect(first.object?["totalEntries"] as? Int == 16)
        #expect(first.object?["totalPages"] as? Int == 4)
        #expect(first.itemNames == ["author", "clickableuri", "collection", "date"])
        let last = try await Self.call(port, "GET", "\(Self.platform)/indexes/page/fields?page=3&perPage=4")
        #expect(last.itemNames == ["sourcetype", "title", "uri", "urihash"])
        let beyond = try await Self.call(port, "GET", "\(Self.platform)/indexes/page/fields?page=4&perPage=4")
        #expect(beyond.status == 200 && beyond.itemNames.isEmpty)
        let all = await service.fields(organizationId: "org")
        for name in ["permanentid", "title", "author", "uri", "clickableuri", "filetype", "source", "language"] {
            #expect(all.first { $0.name == name }?.type == .string, "\(name)")
        }
        #expect(all.first { $0.name == "date" }?.type == .date)
        #expect(all.first { $0.name == "size" }?.type == .long64)

        let dates = try await Self.call(
            port, "POST", "\(Self.platform)/indexes/fields/search",
            #"{"page": 0, "perPage": 100, "order": "DESC", "filters": {"type": "DATE"}}"#)
        #expect(dates.itemNames == ["indexeddate", "date"], "\(dates)")
        let date = try #require(
            (dates.object?["items"] as? [[String: Any]])?.first { $0["name"] as? String == "date" })
        #expect(date["system"] as? Bool == true && date["facet"] as? Bool == true)
        let named = try await Self.call(
            port, "POST", "\(Self.platform)/indexes/fields/search",
            #"{"filters": {"fieldNames": ["title", "nothing"], "origin": "SYSTEM"}}"#)
        #expect(named.itemNames == ["title"])
        let user = try await Self.call(
            port, "POST", "\(Self.platform)/indexes/fields/search", #"{"filters": {"origin": "USER"}}"#)
        #expect(user.itemNames.isEmpty && user.object?["totalPages"] as? Int == 0)
        await server.shutdown()
    }

    @Test("a field batch is applied whole or not at all; over 500 fields is refused")
    func atomicBatches() async throws {
        let (server, service) = try LoopbackPushServer.emulator()
        let port = server.port
        let batch = "\(Self.platform)/indexes/fields/batch/create"
        let tooMany = try await Self.call(port, "POST", batch, Self.fieldsJSON((0...500).map { "f\($0)" }))
        #expect(tooMany.status == 412 && tooMany.errorCode == "INVALID_PARAMETER", "\(tooMany)")
        #expect(tooMany.text.contains("at most 500 fields, not 501"))
        let duplicate = try await Self.call(port, "POST", batch, Self.fieldsJSON(["alpha", "title"]))
        #expect(duplicate.status == 412 && duplicate.errorCode == "FIELD_ALREADY_EXISTS", "\(duplicate)")
        #expect(duplicate.text.contains("'title'"))
        let twice = try await Self.call(port, "POST", batch, Self.fieldsJSON(["alpha", "alpha"]))
        #expect(twice.status == 412 && twice.errorCode == "FIELD_ALREADY_EXISTS")
        let badName = try await Self.call(port, "POST", batch, Self.fieldsJSON(["alpha", "9lives"]))
        #expect(badName.status == 412 && badName.errorCode == "INVALID_PARAMETER")
        #expect(badName.text.contains("fieldModels[1].name"), "\(badName)")
        let facetOff = try await Self.call(
            port, "POST", batch, #"[{"name": "count", "type": "LONG", "facet": false}]"#)
        #expect(facetOff.status == 412 && facetOff.text.contains("fieldModels[0].facet"), "\(facetOff)")
        #expect(await service.fields(organizationId: "org").count == 16, "nothing was created by a refused batch")

        let full = try await Self.call(port, "POST", batch, Self.fieldsJSON((0..<500).map { "f\($0)" }, type: "LONG"))
        #expect(full.status == 204 && full.text.isEmpty, "\(full)")
        let fields = await service.fields(organizationId: "org")
        #expect(fields.count == 516)
        let created = try #require(fields.first { $0.name == "f42" })
        #expect(
            created
                == FieldDefinition(
                    name: "f42", type: .long, facet: true, sort: true, multiValueFacet: false, keyValue: false,
                    includeInQuery: true, includeInResults: true, mergeWithLexicon: false))
        let one = try await Self.call(port, "GET", "\(Self.platform)/indexes/fields/f42")
        #expect(one.object?["type"] as? String == "LONG" && one.object?["system"] as? Bool == false)
        // Another organization has only the standard fields.
        #expect(await service.fields(organizationId: "other").count == 16)
        await server.shutdown()
    }

    @Test("a source created through the Platform API is the source the Push API pushes to")
    func sourceCreatedThenPushedTo() async throws {
        let (server, service) = try LoopbackPushServer.emulator()
        let port = server.port
        let created = try await Self.call(
            port, "POST", "\(Self.platform)/sources",
            #"{"sourceType": "CATALOG", "name": "Products", "sourceVisibility": "SHARED", "pushEnabled": true}"#)
        #expect(created.status == 201, "\(created)")
        let id = try #require(created.object?["id"] as? String)
        #expect(id.wholeMatch(of: /[a-z0-9]{26}-org/) != nil, "\(id)")
        #expect(created.object?["sourceType"] as? String == "CATALOG")
        #expect(created.object?["sourceVisibility"] as? String == "SHARED")
        #expect(created.object?["streamEnabled"] as? Bool == true)
        let second = try await Self.call(
            port, "POST", "\(Self.platform)/sources", #"{"sourceType": "PUSH", "name": "Pages"}"#)
        let secondId = try #require(second.object?["id"] as? String)
        #expect(secondId != id && second.object?["sourceVisibility"] as? String == "SECURED")

        let pushed = try await Self.call(
            port, "PUT", "/push/v1/organizations/org/sources/\(id)/documents?documentId=https%3A%2F%2Fexample.com%2Fa",
            #"{"data": "hello", "title": "A"}"#)
        #expect(pushed.status == 202, "\(pushed)")
        #expect(await service.item("https://example.com/a", organizationId: "org", sourceId: id)?.text == "hello")
        let fetched = try await Self.call(port, "GET", "\(Self.platform)/sources/\(id)")
        let information = try #require(fetched.object?["information"] as? [String: Any])
        #expect(information["numberOfDocuments"] as? Int == 1, "\(fetched)")

        let page = try await Self.call(port, "GET", "\(Self.platform)/sources/pages?page=1&perPage=1")
        #expect(page.object?["totalEntries"] as? Int == 2 && page.object?["totalPages"] as? Int == 2)
        let models = try #require(page.object?["sourceModels"] as? [[String: Any]])
        #expect(models.map { $0["id"] as? String } == [secondId])
        let exact = try await Self.call(
            port, "GET",
            "\(Self.platform)/sources/pages?filter=products&stringFilterType=EXACTMATCH&filterHostType=CATALOG")
        #expect((exact.object?["sourceModels"] as? [[String: Any]])?.map { $0["id"] as? String } == [id], "\(exact)")
        let contains = try await Self.call(port, "GET", "\(Self.platform)/sources/pages?filter=AGE")
        #expect((contains.object?["sourceModels"] as? [[String: Any]])?.map { $0["id"] as? String } == [secondId])
        let none = try await Self.call(
            port, "GET", "\(Self.platform)/sources/pages?filter=Prod&stringFilterType=EXACTMATCH")
        #expect(none.object?["totalEntries"] as? Int == 0 && none.object?["totalPages"] as? Int == 0)
        let badHost = try await Self.call(port, "GET", "\(Self.platform)/sources/pages?filterHostType=WEB")
        #expect(badHost.status == 412 && badHost.errorCode == "INVALID_PARAMETER")
        let plain = try await Self.call(port, "GET", "\(Self.platform)/sources")
        #expect((plain.array as? [[String: Any]])?.map { $0["name"] as? String } == ["Products", "Pages"])
        // Pushing to a source never created still works, as before.
        let unknown = try await Self.call(
            port, "PUT", "/push/v1/organizations/org/sources/adhoc/documents?documentId=file%3A%2F%2Fb",
            #"{"data": "x"}"#)
        #expect(unknown.status == 202)
        await server.shutdown()
    }

    @Test("a provider references a source (created or pushed to) and cascades to the Email Security Provider")
    func providers() async throws {
        let (server, _) = try LoopbackPushServer.emulator()
        let port = server.port
        let created = try await Self.call(
            port, "POST", "\(Self.platform)/sources", #"{"sourceType": "PUSH", "name": "Secured"}"#)
        let id = try #require(created.object?["id"] as? String)
        let model =
            #"{"id": "crawler", "displayName": "Crawler", "nodeRequired": false, "type": "EXPANDED", "#
            + #""referencedBy": [{"id": "\#(id)", "type": "SOURCE"}], "cascadingSecurityProviders": "#
            + #"{"EmailSecurityProvider": {"id": "Email Security Provider", "type": "EMAIL"}}}"#
        let put = try await Self.call(port, "PUT", "\(Self.platform)/securityproviders/crawler", model)
        #expect(put.status == 200 && put.object?["id"] as? String == "crawler", "\(put)")
        let again = try await Self.call(port, "PUT", "\(Self.platform)/securityproviders/crawler", model)
        #expect(again.status == 200, "PUT creates or updates")
        let post = try await Self.call(port, "POST", "\(Self.platform)/securityproviders", model)
        #expect(post.status == 412 && post.errorCode == "SECURITY_PROVIDER_ALREADY_EXISTS")
        let source = try await Self.call(port, "GET", "\(Self.platform)/sources/\(id)")
        let references = source.object?["securityProviderReferences"] as? [[String: Any]]
        #expect(references?.map { $0["id"] as? String } == ["crawler"], "\(source)")
        let list = try await Self.call(port, "GET", "\(Self.platform)/securityproviders")
        #expect(
            (list.array as? [[String: Any]])?.map { $0["id"] as? String } == ["Email Security Provider", "crawler"])

        _ = try await Self.call(
            port, "PUT", "/push/v1/organizations/org/sources/pushed/documents?documentId=file%3A%2F%2Fa",
            #"{"data": "x"}"#)
        let onPushed = try await Self.call(
            port, "PUT", "\(Self.platform)/securityproviders/second",
            #"{"type": "EXPANDED", "referencedBy": [{"id": "pushed", "type": "SOURCE"}]}"#)
        #expect(onPushed.status == 200, "\(onPushed)")
        let badCascade = try await Self.call(
            port, "PUT", "\(Self.platform)/securityproviders/third",
            #"{"type": "EXPANDED", "cascadingSecurityProviders": {"x": {"id": "Nobody", "type": "EMAIL"}}}"#)
        #expect(badCascade.status == 412 && badCascade.text.contains("Nobody"), "\(badCascade)")
        await server.shutdown()
    }

    @Test("denied privileges evaluate false and the routes needing them answer 403 ACCESS_DENIED")
    func deniedPrivileges() async throws {
        var configuration = InMemoryPushService.Configuration()
        configuration.deniedPrivileges = [
            try #require(EmulatedPrivilege("FIELD:CREATE")), try #require(EmulatedPrivilege("SOURCE_ITEMS:EDIT")),
        ]
        let (server, service) = try LoopbackPushServer.emulator(configuration: configuration)
        let port = server.port
        func evaluate(_ domain: String, _ type: String) async throws -> Reply {
            try await Self.call(
                port, "POST", "/rest/privilege/evaluate",
                #"{"organizationId": "org", "requestedPrivilege": {"owner": "PLATFORM", "targetDomain": "\#(domain)", "#
                    + #""type": "\#(type)", "targetId": "*"}}"#)
        }
        let denied = try await evaluate("FIELD", "CREATE")
        #expect(denied.status == 200 && denied.object?["approved"] as? Bool == false, "\(denied)")
        #expect(denied.object?["organizationId"] as? String == "org")
        let report = denied.object?["evaluationReport"] as? [String: Any]
        #expect(report?["privilegeEvaluationResultCodes"] as? [String] == ["OPERATION_NOT_ALLOWED"])
        let requested = denied.object?["requestedPrivilege"] as? [String: Any]
        #expect(requested?["targetDomain"] as? String == "FIELD" && requested?["targetId"] as? String == "*")
        let granted = try await evaluate("FIELD", "VIEW")
        #expect(granted.object?["approved"] as? Bool == true)
        #expect(
            (granted.object?["evaluationReport"] as? [String: Any])?["privilegeEvaluationResultCodes"] as? [String]
                == ["OPERATION_GRANTED"])

        let create = try await Self.call(
            port, "POST", "\(Self.platform)/indexes/fields", #"{"name": "color", "type": "STRING"}"#)
        #expect(create.status == 403 && create.errorCode == "ACCESS_DENIED", "\(create)")
        #expect(create.text.contains("FIELD:CREATE"))
        let list = try await Self.call(port, "GET", "\(Self.platform)/indexes/page/fields")
        #expect(list.status == 200)
        let push = try await Self.call(
            port, "PUT", "/push/v1/organizations/org/sources/src/documents?documentId=file%3A%2F%2Fa", #"{"data": "x"}"#
        )
        #expect(push.status == 403 && push.errorCode == "ACCESS_DENIED")
        let container = try await Self.call(port, "POST", "/push/v1/organizations/org/files")
        #expect(container.status == 201, "ORGANIZATION:VIEW is not denied")
        #expect(await service.fields(organizationId: "org").count == 16)
        #expect(await service.items(organizationId: "org", sourceId: "src").isEmpty)
        await server.shutdown()
    }

    @Test("a create that fails after being applied left its source and fields: a blind retry is refused")
    func faultAfterCreate() async throws {
        let faults = FaultPlan(routes: [.createSource, .createFields], failureAfterRate: 1)
        let (server, service) = try LoopbackPushServer.emulator(configuration: .init(faults: faults))
        let port = server.port
        let body = #"{"sourceType": "PUSH", "name": "Once"}"#
        let first = try await Self.call(port, "POST", "\(Self.platform)/sources", body)
        #expect([503, 504].contains(first.status), "\(first)")
        let listed = try await Self.call(port, "GET", "\(Self.platform)/sources")
        #expect((listed.array as? [[String: Any]])?.map { $0["name"] as? String } == ["Once"])
        let retried = try await Self.call(port, "POST", "\(Self.platform)/sources", body)
        #expect(retried.status == 412 && retried.errorCode == "SOURCE_ALREADY_EXISTS", "\(retried)")

        let batch = "\(Self.platform)/indexes/fields/batch/create"
        let fields = try await Self.call(port, "POST", batch, Self.fieldsJSON(["alpha", "beta"]))
        #expect([503, 504].contains(fields.status))
        #expect(await service.fields(organizationId: "org").contains { $0.name == "beta" })
        let again = try await Self.call(port, "POST", batch, Self.fieldsJSON(["alpha", "beta"]))
        #expect(again.status == 412 && again.errorCode == "FIELD_ALREADY_EXISTS")
        #expect(await service.faultCounts.failedAfter == 2)
        await server.shutdown()
    }

    @Test("deletes: a field batch is all or nothing, a source goes with its items, EDIT privileges are required")
    func deletes() async throws {
        let (server, service) = try LoopbackPushServer.emulator()
        let port = server.port
        let created = try await Self.call(
            port, "POST", "\(Self.platform)/indexes/fields/batch/create", Self.fieldsJSON(["alpha", "beta", "gamma"]))
        #expect(created.status == 204)
        let batch = "\(Self.platform)/indexes/fields/batch/delete"
        let unknown = try await Self.call(port, "DELETE", "\(batch)?fields=alpha,nothing")
        #expect(unknown.status == 404 && unknown.errorCode == "FIELD_NOT_FOUND", "\(unknown)")
        #expect(await service.fields(organizationId: "org").contains { $0.name == "alpha" })
        let deleted = try await Self.call(port, "DELETE", "\(batch)?fields=alpha,%20beta")
        #expect(deleted.status == 204, "\(deleted)")
        let names = await service.fields(organizationId: "org").map(\.name)
        #expect(!names.contains("alpha") && !names.contains("beta") && names.contains("gamma"))

        let source = try await Self.call(
            port, "POST", "\(Self.platform)/sources", #"{"sourceType": "PUSH", "name": "S"}"#)
        let id = try #require(source.object?["id"] as? String)
        _ = try await Self.call(
            port, "PUT", "/push/v1/organizations/org/sources/\(id)/documents?documentId=file%3A%2F%2Fa",
            #"{"data": "x"}"#)
        #expect(await service.items(organizationId: "org", sourceId: id).count == 1)
        let gone = try await Self.call(port, "DELETE", "\(Self.platform)/sources/\(id)")
        #expect(gone.status == 200)
        #expect(await service.items(organizationId: "org", sourceId: id).isEmpty)
        let builtIn = try await Self.call(
            port, "DELETE", "\(Self.platform)/securityproviders/Email%20Security%20Provider")
        #expect(builtIn.status == 412 && builtIn.errorCode == "INVALID_PARAMETER")
        await server.shutdown()

        var configuration = InMemoryPushService.Configuration()
        configuration.deniedPrivileges = [try #require(EmulatedPrivilege("FIELD:EDIT"))]
        let (denying, _) = try LoopbackPushServer.emulator(configuration: configuration)
        let refused = try await Self.call(denying.port, "DELETE", "\(Self.platform)/indexes/fields/title")
        #expect(refused.status == 403 && refused.errorCode == "ACCESS_DENIED")
        await denying.shutdown()
    }

    @Test("privilege names parse as DOMAIN:TYPE or OWNER:DOMAIN:TYPE")
    func privilegeNames() throws {
        let field = try #require(EmulatedPrivilege("field:create"))
        #expect(field == EmulatedPrivilege(owner: "PLATFORM", targetDomain: "FIELD", type: "CREATE"))
        #expect(field.description == "FIELD:CREATE")
        #expect(EmulatedPrivilege("PLATFORM:SOURCE:VIEW") == EmulatedPrivilege(targetDomain: "SOURCE", type: "VIEW"))
        #expect(EmulatedPrivilege("OTHER:SOURCE:VIEW")?.description == "OTHER:SOURCE:VIEW")
        for bad in ["FIELD", "FIELD:", ":CREATE", "A:B:C:D", "FIELD CREATE", "1FIELD:CREATE", "FIELD:CRE-ATE", ""] {
            #expect(EmulatedPrivilege(bad) == nil, "\(bad)")
        }
        #expect(EmulatedPrivilege.known.count == 12)
    }

    @Test("metadata keys that match no field, ignoring case, are known without rescanning the items")
    func unmappedMetadataKeys() async throws {
        let (server, service) = try LoopbackPushServer.emulator()
        let port = server.port
        for (name, body) in [
            ("a", #"{"data": "x", "Title": "A", "color": "red", "Weight": 3}"#),
            ("b", #"{"data": "x", "COLOR": "blue", "tags": ["x"], "author": "me"}"#),
        ] {
            let reply = try await Self.call(
                port, "PUT", "/push/v1/organizations/org/sources/src/documents?documentId=file%3A%2F%2F\(name)", body)
            #expect(reply.status == 202)
        }
        #expect(await service.unmappedMetadataKeys(organizationId: "org") == ["Weight", "color", "tags"])
        let created = try await Self.call(
            port, "POST", "\(Self.platform)/indexes/fields/batch/create",
            #"[{"name": "weight", "type": "LONG"}, {"name": "color", "type": "STRING"}]"#)
        #expect(created.status == 204)
        #expect(await service.unmappedMetadataKeys(organizationId: "org") == ["tags"])
        #expect(await service.unmappedMetadataKeys(organizationId: "elsewhere").isEmpty)
        #expect(await service.unmappedMetadataKeys() == ["tags"])
        await server.shutdown()
    }

    @Test("URLSessionTransport over loopback: 201 with a model, 204 with no body, 403 for a denied privilege")
    func overURLSessionTransport() async throws {
        var configuration = InMemoryPushService.Configuration()
        configuration.deniedPrivileges = [try #require(EmulatedPrivilege("SECURITY_PROVIDER:CREATE"))]
        let (server, _) = try LoopbackPushServer.emulator(configuration: configuration)
        let transport = URLSessionTransport()
        let headers: HeaderFields = ["Authorization": "Bearer k", "Content-Type": "application/json"]
        func send(_ method: HTTPMethod, _ path: String, _ body: String) async throws -> TransportResponse {
            let url = try #require(URL(string: server.baseURL.absoluteString + path))
            return try await transport.send(
                TransportRequest(method: method, url: url, headers: headers), body: .data(Data(body.utf8)))
        }
        let source = try await send(.post, "\(Self.platform)/sources", #"{"sourceType": "PUSH", "name": "S"}"#)
        #expect(source.statusCode == 201)
        #expect(String(decoding: source.body, as: UTF8.self).contains(#""sourceType":"PUSH""#))
        let field = try await send(.post, "\(Self.platform)/indexes/fields", #"{"name": "color", "type": "STRING"}"#)
        #expect(field.statusCode == 204 && field.body.isEmpty)
        let provider = try await send(.post, "\(Self.platform)/securityproviders", #"{"id": "p", "type": "EXPANDED"}"#)
        #expect(provider.statusCode == 403)
        #expect(String(decoding: provider.body, as: UTF8.self).contains("ACCESS_DENIED"))
        await server.shutdown()
    }

    @Test("Platform routes take any host and base path before /rest, and 405 names the methods a path has")
    func routing() async throws {
        let service = InMemoryPushService()
        let url = try #require(URL(string: "https://platform-eu.cloud.coveo.com/rest/organizations/org/sources/pages"))
        let response = try await service.send(
            TransportRequest(method: .get, url: url, headers: ["Authorization": "Bearer k"]), body: nil)
        #expect(response.statusCode == 200)
        let search = try #require(URL(string: "http://127.0.0.1:1/base/rest/organizations/org/indexes/fields/search"))
        let wrong = try await service.send(
            TransportRequest(method: .put, url: search, headers: ["Authorization": "Bearer k"]), body: nil)
        #expect(wrong.statusCode == 405)
        #expect(wrong.headers["Allow"] == "DELETE, GET, POST", "search is POST; a field named search is GET, DELETE")
        let unauthenticated = try await service.send(TransportRequest(method: .get, url: url), body: nil)
        #expect(unauthenticated.statusCode == 401)
    }
}
