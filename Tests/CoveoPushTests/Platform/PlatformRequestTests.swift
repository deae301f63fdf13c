import Foundation
import Testing

@testable import CoveoPush

/// Every Platform request's method, URL (base, path and query) and body, against `platform-api.md`.
@Suite("Platform requests")
struct PlatformRequestTests {
    static let platform = "https://platform.cloud.coveo.com/rest/organizations/acme"

    struct Case: Sendable, CustomTestStringConvertible {
        var operation: PushOperation
        var method: HTTPMethod
        var url: String
        /// The exact body text, or `nil` for no body.
        var body: String?
        var isIdempotent: Bool
        var make: @Sendable () throws -> BuiltRequest
        var testDescription: String { operation.rawValue + " " + url }
    }

    static let cases: [Case] = [
        Case(
            operation: .listFields, method: .post, url: platform + "/indexes/fields/search",
            body: #"{"page":0,"perPage":1000,"sortBy":"name","order":"ASC"}"#, isIdempotent: true,
            make: { try Fixtures.build(ListFieldsRequest(organizationId: "acme", options: FieldListingOptions())) }),
        Case(
            operation: .listFields, method: .post, url: platform + "/indexes/fields/search",
            body: #"{"page":3,"perPage":50,"sortBy":"name","order":"ASC","filters":{"name":"ti","type":"STRING"}}"#,
            isIdempotent: true,
            make: {
                try Fixtures.build(
                    ListFieldsRequest(
                        organizationId: "acme",
                        options: FieldListingOptions(page: 3, perPage: 50, nameContains: "ti", type: .string)))
            }),
        Case(
            operation: .createFields, method: .post, url: platform + "/indexes/fields/batch/create",
            body: #"[{"name":"priority","type":"LONG"},{"name":"tags","type":"STRING","facet":true,"#
                + #""multiValueFacet":true},{"name":"attributes","type":"STRING","keyValue":true,"description":"d"}]"#,
            isIdempotent: false,
            make: {
                try Fixtures.build(
                    CreateFieldsRequest(
                        organizationId: "acme",
                        fields: [
                            FieldDefinition(name: "priority", type: .long),
                            FieldDefinition(name: "tags", type: .string, facet: true, multiValueFacet: true),
                            FieldDefinition(name: "attributes", type: .string, keyValue: true, description: "d"),
                        ]))
            }),
        Case(
            operation: .createSource, method: .post, url: platform + "/sources",
            body: #"{"sourceType":"PUSH","pushEnabled":true,"name":"Tickets","sourceVisibility":"SECURED"}"#,
            isIdempotent: false,
            make: { try Fixtures.build(CreateSourceRequest(organizationId: "acme", name: "Tickets")) }),
        Case(
            operation: .createSource, method: .post, url: platform + "/sources",
            body: #"{"sourceType":"CATALOG","pushEnabled":true,"streamEnabled":true,"name":"Products","#
                + #""sourceVisibility":"SHARED"}"#,
            isIdempotent: false,
            make: {
                try Fixtures.build(
                    CreateSourceRequest(organizationId: "acme", name: "Products", type: .catalog, visibility: .shared))
            }),
        Case(
            operation: .createSource, method: .post, url: platform + "/sources",
            body: #"{"sourceType":"PUSH","pushEnabled":true,"name":"Wiki","sourceVisibility":"PRIVATE"}"#,
            isIdempotent: false,
            make: {
                try Fixtures.build(
                    CreateSourceRequest(
                        organizationId: "acme", name: "Wiki", visibility: SourceVisibility(parsing: "private")))
            }),
        Case(
            operation: .getSource, method: .get, url: platform + "/sources/acme-x1%2Fy", body: nil, isIdempotent: true,
            make: { try Fixtures.build(GetSourceRequest(organizationId: "acme", sourceId: "acme-x1/y")) }),
        Case(
            operation: .listSources, method: .get, url: platform + "/sources/pages?page=0&perPage=100", body: nil,
            isIdempotent: true, make: { try Fixtures.build(ListSourcesRequest(organizationId: "acme")) }),
        Case(
            operation: .listSources, method: .get,
            url: platform + "/sources/pages?page=2&perPage=10&filter=My%20Source&stringFilterType=EXACTMATCH",
            body: nil, isIdempotent: true,
            make: {
                try Fixtures.build(
                    ListSourcesRequest(organizationId: "acme", page: 2, perPage: 10, exactName: "My Source"))
            }),
        Case(
            operation: .createOrUpdateSecurityProvider, method: .put, url: platform + "/securityproviders/tickets-sp",
            body: #"{"id":"tickets-sp","displayName":"Tickets","nodeRequired":false,"type":"EXPANDED","#
                + #""referencedBy":[{"id":"src-1","type":"SOURCE"}],"#
                + #""cascadingSecurityProviders":{"EmailSecurityProvider":{"id":"Email Security Provider","#
                + #""type":"EMAIL"}}}"#,
            isIdempotent: true,
            make: {
                try Fixtures.build(
                    CreateOrUpdateSecurityProviderRequest(
                        organizationId: "acme", providerId: "tickets-sp", sourceId: "src-1", displayName: "Tickets"))
            }),
        Case(
            operation: .evaluatePrivilege, method: .post,
            url: "https://platform.cloud.coveo.com/rest/privilege/evaluate",
            body: #"{"organizationId":"acme","requestedPrivilege":{"owner":"PLATFORM","targetDomain":"FIELD","#
                + #""type":"CREATE","targetId":"*"}}"#,
            isIdempotent: true,
            make: {
                try Fixtures.build(
                    EvaluatePrivilegeRequest(organizationId: "acme", privilege: Privilege(parsing: "FIELD:CREATE")))
            }),
    ]

    @Test("method, URL, query and body match the reference", arguments: cases)
    func matchesReference(_ testCase: Case) throws {
        let built = try testCase.make()
        #expect(built.operation == testCase.operation)
        #expect(built.head.method == testCase.method)
        #expect(built.head.url.absoluteString == testCase.url)
        #expect(built.isIdempotent == testCase.isIdempotent)
        let bodyText = try built.body.map { String(decoding: try $0.loadData(), as: UTF8.self) }
        #expect(bodyText == testCase.body)
        #expect(built.head.headers["Authorization"] == "Bearer xx-test-key-0000")
        #expect(built.head.headers["Accept"] == "application/json")
        #expect(built.head.headers["Content-Type"] == (testCase.body == nil ? nil : "application/json"))
    }

    @Test("the provider's display name defaults to its ID")
    func providerDisplayName() throws {
        let request = try CreateOrUpdateSecurityProviderRequest(organizationId: "acme", providerId: "p", sourceId: "s")
        #expect(request.displayName == "p")
    }

    @Test("Push API requests still go to the Push endpoint with a JSON content type")
    func pushUnchanged() throws {
        let built = try Fixtures.build(SetSourceStatusRequest(organizationId: "acme", sourceId: "s", status: .idle))
        #expect(built.head.url.absoluteString.hasPrefix("https://api.cloud.coveo.com/push/v1/organizations/acme/"))
        #expect(built.head.headers["Content-Type"] == "application/json")
    }

    @Test("a loopback endpoint sends Platform requests to its origin")
    func loopbackOrigin() throws {
        let builder = RequestBuilder(
            endpoint: try PushEndpoint(baseURL: try #require(URL(string: "http://127.0.0.1:8123/push/v1"))))
        let built = try Fixtures.build(GetSourceRequest(organizationId: "acme", sourceId: "s"), with: builder)
        #expect(built.head.url.absoluteString == "http://127.0.0.1:8123/rest/organizations/acme/sources/s")
    }

    // MARK: Bad input

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var rule: ValidationError.Rule
        var mentions: String
        var make: @Sendable () throws -> Void
        var testDescription: String { name }
    }

    static let fields501 = (0..<501).map { FieldDefinition(name: "f\($0)", type: .string) }

    static let refusals: [Refusal] = [
        Refusal(name: "more than 500 fields", rule: .outOfRange, mentions: "at most 500 fields, not 501") {
            _ = try CreateFieldsRequest(organizationId: "acme", fields: fields501)
        },
        Refusal(name: "no field", rule: .outOfRange, mentions: "at least one field") {
            _ = try CreateFieldsRequest(organizationId: "acme", fields: [])
        },
        Refusal(name: "an uppercase field name", rule: .invalidParameter, mentions: "'Title'") {
            _ = try CreateFieldsRequest(organizationId: "acme", fields: [FieldDefinition(name: "Title", type: .string)])
        },
        Refusal(name: "a field name starting with a digit", rule: .invalidParameter, mentions: "'1st'") {
            _ = try CreateFieldsRequest(organizationId: "acme", fields: [FieldDefinition(name: "1st", type: .string)])
        },
        Refusal(name: "a 256-character field name", rule: .invalidParameter, mentions: "at most 255") {
            _ = try CreateFieldsRequest(
                organizationId: "acme",
                fields: [FieldDefinition(name: String(repeating: "a", count: 256), type: .string)])
        },
        Refusal(name: "a field given twice", rule: .duplicateKey, mentions: "'tags'") {
            _ = try CreateFieldsRequest(
                organizationId: "acme",
                fields: [FieldDefinition(name: "tags", type: .string), FieldDefinition(name: "tags", type: .long)])
        },
        Refusal(name: "an empty source name", rule: .emptyIdentifier, mentions: "source name") {
            _ = try CreateSourceRequest(organizationId: "acme", name: "  ")
        },
        Refusal(name: "an unknown visibility", rule: .invalidParameter, mentions: "'public'") {
            _ = try SourceVisibility(parsing: "public")
        },
        Refusal(name: "an unknown visibility value in a request", rule: .invalidParameter, mentions: "'PUBLIC'") {
            _ = try CreateSourceRequest(
                organizationId: "acme", name: "s", visibility: SourceVisibility(rawValue: "PUBLIC"))
        },
        Refusal(name: "a source type other than Push or Catalog", rule: .invalidParameter, mentions: "'WEB'") {
            _ = try CreateSourceRequest(organizationId: "acme", name: "s", type: SourceType(rawValue: "WEB"))
        },
        Refusal(name: "a provider without a source", rule: .emptyIdentifier, mentions: "sourceId") {
            _ = try CreateOrUpdateSecurityProviderRequest(organizationId: "acme", providerId: "p", sourceId: "")
        },
        Refusal(name: "a provider without an ID", rule: .emptyIdentifier, mentions: "providerId") {
            _ = try CreateOrUpdateSecurityProviderRequest(organizationId: "acme", providerId: "", sourceId: "s")
        },
        Refusal(name: "a page size over 1000", rule: .outOfRange, mentions: "perPage") {
            _ = try FieldListingOptions(perPage: 1001)
        },
        Refusal(name: "a privilege name without a type", rule: .invalidParameter, mentions: "'FIELD'") {
            _ = try Privilege(parsing: "FIELD")
        },
    ]

    @Test("bad input is refused with a typed error naming it", arguments: refusals)
    func refusesBadInput(_ refusal: Refusal) {
        let error = #expect(throws: ValidationError.self) { try refusal.make() }
        #expect(error?.rule == refusal.rule)
        #expect(error?.description.contains(refusal.mentions) == true, "\(String(describing: error))")
    }

    // MARK: Responses

    @Test("a field page reads {items,totalEntries,totalPages}")
    func fieldPage() throws {
        let request = try ListFieldsRequest(organizationId: "acme", options: FieldListingOptions())
        let page = try request.decodeResponse(
            from: Data(
                #"{"items":[{"name":"title","type":"STRING","facet":false,"system":true},{"name":"size","type":"LONG_64"}],"totalEntries":1002,"totalPages":2}"#
                    .utf8))
        #expect(page.items.map(\.name) == ["title", "size"])
        #expect(page.items.map(\.type) == [.string, .long64])
        #expect(page.items.first?.facet == false)
        #expect(page.totalEntries == 1002)
        #expect(page.totalPages == 2)
    }

    @Test("a source page reads {sourceModels,totalEntries,totalPages} and the model's typed ID")
    func sourcePage() throws {
        let request = try ListSourcesRequest(organizationId: "acme")
        let page = try request.decodeResponse(
            from: Data(
                #"{"sourceModels":[{"id":"rp5rxzbdz753uhndklv2ztkfgy-acme","name":"Tickets","sourceType":"PUSH","sourceVisibility":"SECURED","pushEnabled":true,"information":{"sourceStatus":{"type":"PUSH_READY"},"numberOfDocuments":12}}],"totalEntries":1,"totalPages":1}"#
                    .utf8))
        let source = try #require(page.items.first)
        #expect(source.id == "rp5rxzbdz753uhndklv2ztkfgy-acme")
        #expect(source.sourceType == .push)
        #expect(source.sourceVisibility == .secured)
        #expect(source.status == "PUSH_READY")
        #expect(source.numberOfDocuments == 12)
    }

    @Test("an evaluation reads approved and the result codes")
    func evaluation() throws {
        let request = try EvaluatePrivilegeRequest(organizationId: "acme", privilege: Privilege(parsing: "FIELD:VIEW"))
        let answer = try request.decodeResponse(
            from: Data(
                #"{"organizationId":"acme","approved":false,"evaluationReport":{"privilegeEvaluationResultCodes":["OPERATION_NOT_ALLOWED"]},"requestedPrivilege":{}}"#
                    .utf8))
        #expect(answer == PrivilegeEvaluation(approved: false, resultCodes: ["OPERATION_NOT_ALLOWED"]))
    }

    @Test("a provider reads its ID, its sources and its cascading providers")
    func provider() throws {
        let request = try CreateOrUpdateSecurityProviderRequest(organizationId: "acme", providerId: "p", sourceId: "s")
        let model = try request.decodeResponse(
            from: Data(
                #"{"id":"p","displayName":"P","type":"EXPANDED","referencedBy":[{"id":"s","type":"SOURCE"}],"cascadingSecurityProviders":{"EmailSecurityProvider":{"id":"Email Security Provider","type":"EMAIL"}}}"#
                    .utf8))
        #expect(model.id == "p")
        #expect(model.sourceIds == ["s"])
        #expect(model.cascadingProviderIds == ["Email Security Provider"])
    }
}
