import CoveoPushTestSupport
import CoveoPushTesting
import Foundation
import Testing

/// Every route of the emulator, driven over real HTTP by the plain raw-socket client (not the SDK's transport):
/// at least one good and one bad request each, asserting the status and the service's `errorCode`.
@Suite("Emulator: every route refuses what the service refuses, over raw HTTP", .timeLimit(.minutes(1)))
struct EmulatorRouteRefusalTests {
    static let key = "local-key"
    static let base = "/push/v1/organizations/org"
    static let source = "\(base)/sources/src"
    static let provider = "\(base)/providers/prov"
    /// The stream rows use their own source: closing a stream replaces its source's whole content.
    static let catalog = "\(base)/sources/catalog"
    /// The data-collection stream rows: the same six routes under `data-collections/{id}`, on a store of their own.
    static let collection = "\(base)/data-collections/products"
    static let platform = "/rest/organizations/org"

    /// How a row's request is authorized.
    enum Headers: Sendable {
        /// The Push API's: `Authorization: Bearer <key>` and a JSON content type.
        case api
        /// The Push API's, with another key.
        case wrongKey
        /// The upload's required headers, no `Authorization`.
        case upload
        /// The upload's required headers plus an `Authorization` header, which S3 refuses.
        case uploadWithAuthorization
    }

    /// One request and the answer it must get. `target` and `body` may name values captured by earlier rows:
    /// `{<name>.fileId}`, `{<name>.upload}` (the path and query of the container's upload URI), `{stream}`, and
    /// `{<name>}` for the `id` of a created source.
    struct Row: Sendable, CustomStringConvertible {
        var route: EmulatedRoute
        var method: String
        var target: String
        var headers: Headers = .api
        var body: String = ""
        var status: Int
        var errorCode: String?
        /// The name a created container (or opened stream's container) is kept under.
        var capture: String?

        var description: String { "\(route) \(method) \(target) → \(status) \(errorCode ?? "-")" }
    }

    static let batchFile =
        #"{"addOrUpdate": [{"documentId": "file://batch", "data": "x"}, {"documentId": "not-a-uri"}]}"#
    static let identityFile = #"{"members": [{"identity": {"name": "B", "type": "USER"}}]}"#
    static let streamFile = #"{"addOrUpdate": [{"documentId": "file://streamed", "data": "x"}]}"#
    static let identity = #"{"identity": {"name": "A", "type": "USER"}}"#

    static let rows: [Row] = sourceRows + collectionRows + platformRows

    /// The Push and Stream API's routes on sources (after `/push/v1`), the upload and the Logs API.
    static let sourceRows: [Row] = [
        // setSourceStatus
        Row(route: .setSourceStatus, method: "POST", target: "\(source)/status?statusType=REBUILD", status: 201),
        Row(
            route: .setSourceStatus, method: "POST", target: "\(source)/status?statusType=SLEEPING", status: 412,
            errorCode: "INVALID_PARAMETER"),
        Row(
            route: .setSourceStatus, method: "POST", target: "\(source)/status", status: 412,
            errorCode: "MISSING_PARAMETER"),
        Row(route: .setSourceStatus, method: "POST", target: "\(source)/status?statusType=IDLE", status: 201),
        // addOrUpdateDocument
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fgood",
            body: #"{"data": "hello", "title": "Good"}"#, status: 202),
        Row(
            route: .addOrUpdateDocument, method: "PUT",
            target: "\(source)/documents?documentId=file%3A%2F%2Fshare%2FMy%20Documents%2Fa.pdf",
            body: #"{"data": "a space is fine"}"#, status: 202),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=not-a-uri",
            body: #"{"data": "x"}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fa",
            body: #"{"data": "x", "compressedBinaryData": "eA=="}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fa",
            body: #"{"compressedBinaryData": "%%% not base64"}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fa",
            body: #"{"data": "x", "orderingId": 5}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fa",
            body: #"{"data": "x", "deleteChildren": true}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT",
            target: "\(source)/documents?documentId=file%3A%2F%2Fa&compressionType=BROTLI",
            body: #"{"data": "x"}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fa",
            body: #"{"data": 5}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fa",
            body: #"{"permissions": {"allowAnonymous": true}}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents",
            body: #"{"data": "x"}"#, status: 412, errorCode: "MISSING_PARAMETER"),
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fa",
            body: #"{"data": "x""#, status: 400, errorCode: "INVALID_JSON"),
        // Valid base64 that does not inflate: accepted now, dropped downstream.
        Row(
            route: .addOrUpdateDocument, method: "PUT", target: "\(source)/documents?documentId=file%3A%2F%2Fbomb",
            body: #"{"compressedBinaryData": "AAAA"}"#, status: 202),
        // deleteDocument
        Row(
            route: .deleteDocument, method: "DELETE", target: "\(source)/documents?documentId=file%3A%2F%2Fgone",
            status: 202),
        Row(
            route: .deleteDocument, method: "DELETE", target: "\(source)/documents?documentId=nope", status: 412,
            errorCode: "INVALID_PARAMETER"),
        Row(
            route: .deleteDocument, method: "DELETE", target: "\(source)/documents", status: 412,
            errorCode: "MISSING_PARAMETER"),
        // deleteDocumentsOlderThan
        Row(
            route: .deleteDocumentsOlderThan, method: "DELETE", target: "\(source)/documents/olderthan?orderingId=1",
            status: 202),
        Row(
            route: .deleteDocumentsOlderThan, method: "DELETE", target: "\(source)/documents/olderthan", status: 412,
            errorCode: "MISSING_PARAMETER"),
        // createFileContainer
        Row(route: .createFileContainer, method: "POST", target: "\(base)/files", status: 201, capture: "items"),
        Row(route: .createFileContainer, method: "POST", target: "\(base)/files", status: 201, capture: "identities"),
        Row(route: .createFileContainer, method: "POST", target: "\(base)/files", status: 201, capture: "update"),
        Row(route: .createFileContainer, method: "POST", target: "\(base)/files", status: 201, capture: "merge"),
        Row(
            route: .createFileContainer, method: "POST", target: "\(base)/files?useVirtualHostedStyleUrl=maybe",
            status: 412, errorCode: "INVALID_PARAMETER"),
        // uploadToFileContainer
        Row(
            route: .uploadToFileContainer, method: "PUT", target: "{items.upload}", headers: .uploadWithAuthorization,
            body: batchFile, status: 403, errorCode: "AccessDenied"),
        Row(
            route: .uploadToFileContainer, method: "PUT", target: "/upload/{items.fileId}", headers: .upload,
            body: batchFile, status: 403, errorCode: "SignatureDoesNotMatch"),
        Row(
            route: .uploadToFileContainer, method: "PUT", target: "{items.upload}", headers: .upload,
            body: batchFile, status: 200),
        Row(
            route: .uploadToFileContainer, method: "PUT", target: "{identities.upload}", headers: .upload,
            body: identityFile, status: 200),
        Row(
            route: .uploadToFileContainer, method: "PUT", target: "{update.upload}", headers: .upload,
            body: streamFile, status: 200),
        Row(
            route: .uploadToFileContainer, method: "PUT", target: "{merge.upload}", headers: .upload,
            body: streamFile, status: 200),
        // pushDocumentBatch: a bad item inside the file is dropped, the request still gets 202.
        Row(
            route: .pushDocumentBatch, method: "PUT", target: "\(source)/documents/batch", status: 412,
            errorCode: "MISSING_PARAMETER"),
        Row(
            route: .pushDocumentBatch, method: "PUT", target: "\(source)/documents/batch?fileId=no-such-container",
            status: 404, errorCode: "FILE_CONTAINER_NOT_FOUND"),
        Row(
            route: .pushDocumentBatch, method: "PUT", target: "\(source)/documents/batch?fileId={items.fileId}",
            status: 202),
        // addOrUpdateIdentity
        Row(route: .addOrUpdateIdentity, method: "PUT", target: "\(provider)/permissions", body: identity, status: 202),
        Row(
            route: .addOrUpdateIdentity, method: "PUT", target: "\(provider)/permissions", body: "{}", status: 412,
            errorCode: "MISSING_PARAMETER"),
        // addOrUpdateAlias
        Row(
            route: .addOrUpdateAlias, method: "PUT", target: "\(provider)/mappings",
            body: #"{"identity": {"name": "A", "type": "USER"}, "mappings": [{"name": "a", "type": "USER"}]}"#,
            status: 202),
        Row(
            route: .addOrUpdateAlias, method: "PUT", target: "\(provider)/mappings",
            body: #"{"identity": {"name": "A", "type": "USER"}, "mappings": 3}"#, status: 412,
            errorCode: "INVALID_PARAMETER"),
        // deleteIdentity
        Row(route: .deleteIdentity, method: "DELETE", target: "\(provider)/permissions", body: identity, status: 202),
        Row(
            route: .deleteIdentity, method: "DELETE", target: "\(provider)/permissions", body: "[]", status: 400,
            errorCode: "INVALID_JSON"),
        // pushIdentityBatch
        Row(
            route: .pushIdentityBatch, method: "PUT", target: "\(provider)/permissions/batch", status: 412,
            errorCode: "MISSING_PARAMETER"),
        Row(
            route: .pushIdentityBatch, method: "PUT",
            target: "\(provider)/permissions/batch?fileId={identities.fileId}",
            status: 202),
        // deleteIdentitiesOlderThan
        Row(
            route: .deleteIdentitiesOlderThan, method: "DELETE",
            target: "\(provider)/permissions/olderthan?orderingId=soon", status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .deleteIdentitiesOlderThan, method: "DELETE",
            target: "\(provider)/permissions/olderthan?orderingId=1&queueDelay=0", status: 202),
        // Stream API
        Row(
            route: .openStream, method: "POST", target: "\(catalog)/stream/open", headers: .wrongKey, status: 403,
            errorCode: "ACCESS_DENIED"),
        Row(route: .openStream, method: "POST", target: "\(catalog)/stream/open", status: 201, capture: "stream"),
        Row(route: .getStreamChunk, method: "POST", target: "\(catalog)/stream/{stream}/chunk", status: 200),
        Row(
            route: .getStreamChunk, method: "POST", target: "\(catalog)/stream/no-such-stream/chunk", status: 404,
            errorCode: "STREAM_NOT_FOUND"),
        Row(route: .closeStream, method: "POST", target: "\(catalog)/stream/{stream}/close", status: 200),
        Row(
            route: .closeStream, method: "POST", target: "\(catalog)/stream/{stream}/close", status: 404,
            errorCode: "STREAM_NOT_FOUND"),
        Row(
            route: .updateStream, method: "PUT", target: "\(catalog)/stream/update?fileId={update.fileId}",
            status: 202),
        Row(
            route: .updateStream, method: "PUT", target: "\(catalog)/stream/update", status: 412,
            errorCode: "MISSING_PARAMETER"),
        Row(
            route: .updateStream, method: "PUT", target: "\(catalog)/stream/update?fileId=x&shard=not_a_shard!",
            status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .mergeStream, method: "PUT", target: "\(catalog)/stream/merge?fileId={merge.fileId}", status: 202),
        Row(
            route: .mergeStream, method: "PUT", target: "\(catalog)/stream/merge", status: 412,
            errorCode: "MISSING_PARAMETER"),
        Row(
            route: .deleteStreamOlderThan, method: "POST", target: "\(catalog)/stream/deleteolderthan/1&queueDelay=0",
            status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .deleteStreamOlderThan, method: "POST", target: "\(catalog)/stream/deleteolderthan/1?queueDelay=0",
            status: 201),
        // Logs API
        Row(
            route: .searchLogEntries, method: "POST",
            target: "/logs/v1/organizations/org?from=2023-11-14T00:00:00Z&to=2023-11-15T00:00:00Z", body: "{}",
            status: 200),
        Row(
            route: .searchLogEntries, method: "POST", target: "/logs/v1/organizations/org?to=2023-11-15T00:00:00Z",
            body: "{}", status: 412, errorCode: "MISSING_PARAMETER"),
        Row(
            route: .searchLogEntries, method: "POST",
            target: "/logs/v1/organizations/org?from=2023-11-01T00:00:00Z&to=2023-11-15T00:00:00Z", body: "{}",
            status: 412, errorCode: "INVALID_PARAMETER"),
    ]

    /// The Stream API under `data-collections/{id}`: the source rows' good and bad requests, on a data collection.
    static let collectionRows: [Row] = [
        Row(route: .createFileContainer, method: "POST", target: "\(base)/files", status: 201, capture: "dcUpdate"),
        Row(route: .createFileContainer, method: "POST", target: "\(base)/files", status: 201, capture: "dcMerge"),
        Row(
            route: .uploadToFileContainer, method: "PUT", target: "{dcUpdate.upload}", headers: .upload,
            body: #"{"addOrUpdate": [{"documentId": "file://collected", "data": "x"}]}"#, status: 200),
        Row(
            route: .uploadToFileContainer, method: "PUT", target: "{dcMerge.upload}", headers: .upload,
            body: #"{"addOrUpdate": [{"documentId": "file://merged", "data": "y"}]}"#, status: 200),
        Row(
            route: .openStream, method: "POST", target: "\(collection)/stream/open", headers: .wrongKey, status: 403,
            errorCode: "ACCESS_DENIED"),
        Row(route: .openStream, method: "POST", target: "\(collection)/stream/open", status: 201, capture: "dcStream"),
        Row(route: .getStreamChunk, method: "POST", target: "\(collection)/stream/{dcStream}/chunk", status: 200),
        Row(
            route: .getStreamChunk, method: "POST", target: "\(collection)/stream/no-such-stream/chunk", status: 404,
            errorCode: "STREAM_NOT_FOUND"),
        // A stream belongs to the collection it was opened on: the same ID under a source is unknown.
        Row(
            route: .getStreamChunk, method: "POST", target: "\(base)/sources/products/stream/{dcStream}/chunk",
            status: 404, errorCode: "STREAM_NOT_FOUND"),
        Row(route: .closeStream, method: "POST", target: "\(collection)/stream/{dcStream}/close", status: 200),
        Row(
            route: .closeStream, method: "POST", target: "\(collection)/stream/{dcStream}/close", status: 404,
            errorCode: "STREAM_NOT_FOUND"),
        Row(
            route: .updateStream, method: "PUT", target: "\(collection)/stream/update?fileId={dcUpdate.fileId}",
            status: 202),
        Row(
            route: .updateStream, method: "PUT", target: "\(collection)/stream/update", status: 412,
            errorCode: "MISSING_PARAMETER"),
        Row(
            route: .updateStream, method: "PUT", target: "\(collection)/stream/update?fileId=x&shard=elevenchars",
            status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .mergeStream, method: "PUT", target: "\(collection)/stream/merge?fileId={dcMerge.fileId}",
            status: 202),
        Row(
            route: .mergeStream, method: "PUT", target: "\(collection)/stream/merge?fileId=no-such-container",
            status: 404, errorCode: "FILE_CONTAINER_NOT_FOUND"),
        Row(
            route: .deleteStreamOlderThan, method: "POST", target: "\(collection)/stream/deleteolderthan/yesterday",
            status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .deleteStreamOlderThan, method: "POST",
            target: "\(collection)/stream/deleteolderthan/1?queueDelay=-1", status: 412,
            errorCode: "INVALID_PARAMETER"),
        Row(
            route: .deleteStreamOlderThan, method: "POST", target: "\(collection)/stream/deleteolderthan/1",
            status: 201),
    ]

    static let providerModel =
        #"{"id": "prov-x", "displayName": "Crawler", "nodeRequired": false, "type": "EXPANDED", "#
        + #""referencedBy": [{"id": "{source}", "type": "SOURCE"}], "cascadingSecurityProviders": "#
        + #"{"EmailSecurityProvider": {"id": "Email Security Provider", "type": "EMAIL"}}}"#
    static let privilege =
        #"{"organizationId": "org", "requestedPrivilege": {"owner": "PLATFORM", "targetDomain": "FIELD", "#
        + #""type": "CREATE", "targetId": "*"}}"#

    /// The Platform API's routes (after `/rest`).
    static let platformRows: [Row] = [
        // Fields
        Row(route: .listFields, method: "GET", target: "\(platform)/indexes/page/fields?page=0&perPage=5", status: 200),
        Row(
            route: .listFields, method: "GET", target: "\(platform)/indexes/page/fields?perPage=0", status: 412,
            errorCode: "INVALID_PARAMETER"),
        Row(
            route: .searchFields, method: "POST", target: "\(platform)/indexes/fields/search",
            body: #"{"page": 0, "perPage": 10, "filters": {"origin": "SYSTEM"}}"#, status: 200),
        Row(
            route: .searchFields, method: "POST", target: "\(platform)/indexes/fields/search",
            body: #"{"order": "UP"}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createField, method: "POST", target: "\(platform)/indexes/fields",
            body: #"{"name": "color", "type": "STRING"}"#, status: 204),
        Row(
            route: .createField, method: "POST", target: "\(platform)/indexes/fields",
            body: #"{"name": "Color", "type": "STRING"}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createField, method: "POST", target: "\(platform)/indexes/fields",
            body: #"{"name": "shade", "type": "TEXT"}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createField, method: "POST", target: "\(platform)/indexes/fields",
            body: #"{"name": "color", "type": "STRING"}"#, status: 412, errorCode: "FIELD_ALREADY_EXISTS"),
        Row(
            route: .createFields, method: "POST", target: "\(platform)/indexes/fields/batch/create",
            body:
                #"[{"name": "weight", "type": "DOUBLE"}, {"name": "tags", "type": "STRING", "multiValueFacet": true}]"#,
            status: 204),
        Row(
            route: .createFields, method: "POST", target: "\(platform)/indexes/fields/batch/create",
            body: #"[{"name": "price", "type": "DOUBLE"}, {"name": "color", "type": "STRING"}]"#, status: 412,
            errorCode: "FIELD_ALREADY_EXISTS"),
        Row(
            route: .createFields, method: "POST", target: "\(platform)/indexes/fields/batch/create",
            body: #"{"name": "price", "type": "DOUBLE"}"#, status: 400, errorCode: "INVALID_JSON"),
        Row(route: .getField, method: "GET", target: "\(platform)/indexes/fields/color", status: 200),
        Row(
            route: .getField, method: "GET", target: "\(platform)/indexes/fields/price", status: 404,
            errorCode: "FIELD_NOT_FOUND"),
        // Sources
        Row(
            route: .createSource, method: "POST", target: "\(platform)/sources?updateSecurityProviders=true",
            body: #"{"sourceType": "PUSH", "name": "Crawled", "sourceVisibility": "SECURED", "pushEnabled": true}"#,
            status: 201, capture: "source"),
        Row(
            route: .createSource, method: "POST", target: "\(platform)/sources",
            body: #"{"sourceType": "PUSH", "name": "crawled", "sourceVisibility": "SHARED"}"#, status: 412,
            errorCode: "SOURCE_ALREADY_EXISTS"),
        Row(
            route: .createSource, method: "POST", target: "\(platform)/sources",
            body: #"{"sourceType": "PUSH", "name": "Other", "sourceVisibility": "PUBLIC"}"#, status: 412,
            errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createSource, method: "POST", target: "\(platform)/sources",
            body: #"{"sourceType": "PUSH", "name": " "}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createSource, method: "POST", target: "\(platform)/sources",
            body: #"{"sourceType": "WEB", "name": "Web"}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createSource, method: "POST", target: "\(platform)/sources", body: #"{"sourceType": "PUSH"}"#,
            status: 412, errorCode: "MISSING_PARAMETER"),
        Row(route: .getSource, method: "GET", target: "\(platform)/sources/{source}", status: 200),
        Row(
            route: .getSource, method: "GET", target: "\(platform)/sources/no-such-source", status: 404,
            errorCode: "SOURCE_NOT_FOUND"),
        Row(route: .listSourcePages, method: "GET", target: "\(platform)/sources/pages?page=0&perPage=10", status: 200),
        Row(
            route: .listSourcePages, method: "GET", target: "\(platform)/sources/pages?page=-1", status: 412,
            errorCode: "INVALID_PARAMETER"),
        Row(route: .listSources, method: "GET", target: "\(platform)/sources", status: 200),
        Row(
            route: .listSources, method: "GET", target: "\(platform)/sources", headers: .wrongKey, status: 403,
            errorCode: "ACCESS_DENIED"),
        // Security providers
        Row(
            route: .createOrUpdateSecurityProvider, method: "PUT", target: "\(platform)/securityproviders/prov-x",
            body: providerModel, status: 200),
        Row(
            route: .createOrUpdateSecurityProvider, method: "PUT", target: "\(platform)/securityproviders/prov-z",
            body: providerModel, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createOrUpdateSecurityProvider, method: "PUT", target: "\(platform)/securityproviders/prov-w",
            body: #"{"type": "EXPANDED", "referencedBy": [{"id": "no-such-source", "type": "SOURCE"}]}"#,
            status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createSecurityProvider, method: "POST", target: "\(platform)/securityproviders",
            body: #"{"id": "prov-y", "type": "EXPANDED"}"#, status: 200),
        Row(
            route: .createSecurityProvider, method: "POST", target: "\(platform)/securityproviders",
            body: #"{"id": "prov-y", "type": "EXPANDED"}"#, status: 412, errorCode: "SECURITY_PROVIDER_ALREADY_EXISTS"),
        Row(
            route: .createSecurityProvider, method: "POST", target: "\(platform)/securityproviders",
            body: #"{"id": "prov-v", "type": "expanded"}"#, status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .createSecurityProvider, method: "POST", target: "\(platform)/securityproviders",
            body: #"{"type": "EXPANDED"}"#, status: 412, errorCode: "MISSING_PARAMETER"),
        Row(route: .getSecurityProvider, method: "GET", target: "\(platform)/securityproviders/prov-x", status: 200),
        Row(
            route: .getSecurityProvider, method: "GET", target: "\(platform)/securityproviders/prov-z", status: 404,
            errorCode: "SECURITY_PROVIDER_NOT_FOUND"),
        Row(route: .listSecurityProviders, method: "GET", target: "\(platform)/securityproviders", status: 200),
        Row(
            route: .listSecurityProviders, method: "GET", target: "\(platform)/securityproviders",
            headers: .wrongKey, status: 403, errorCode: "ACCESS_DENIED"),
        // Privilege evaluation
        Row(
            route: .evaluatePrivilege, method: "POST", target: "/rest/privilege/evaluate", body: privilege, status: 200),
        Row(
            route: .evaluatePrivilege, method: "POST", target: "/rest/privilege/evaluate",
            body: #"{"organizationId": "org"}"#, status: 412, errorCode: "MISSING_PARAMETER"),
        // Deletes, last: they remove what the rows above created.
        Row(
            route: .deleteFields, method: "DELETE",
            target: "\(platform)/indexes/fields/batch/delete?fields=weight&fields=tags", status: 204),
        Row(
            route: .deleteFields, method: "DELETE", target: "\(platform)/indexes/fields/batch/delete?fields=title",
            status: 412, errorCode: "INVALID_PARAMETER"),
        Row(
            route: .deleteFields, method: "DELETE", target: "\(platform)/indexes/fields/batch/delete", status: 412,
            errorCode: "MISSING_PARAMETER"),
        Row(route: .deleteField, method: "DELETE", target: "\(platform)/indexes/fields/color", status: 204),
        Row(
            route: .deleteField, method: "DELETE", target: "\(platform)/indexes/fields/color", status: 404,
            errorCode: "FIELD_NOT_FOUND"),
        Row(
            route: .deleteSecurityProvider, method: "DELETE", target: "\(platform)/securityproviders/prov-y",
            status: 204),
        Row(
            route: .deleteSecurityProvider, method: "DELETE", target: "\(platform)/securityproviders/prov-y",
            status: 404, errorCode: "SECURITY_PROVIDER_NOT_FOUND"),
        Row(route: .deleteSource, method: "DELETE", target: "\(platform)/sources/{source}", status: 200),
        Row(
            route: .deleteSource, method: "DELETE", target: "\(platform)/sources/{source}", status: 404,
            errorCode: "SOURCE_NOT_FOUND"),
    ]

    /// What a row got.
    struct Outcome: Sendable {
        var row: Row
        var status: Int
        var errorCode: String?
        var body: String
    }

    @Test("the table covers every route with a good and a bad request")
    func tableCoversEveryRoute() {
        for route in EmulatedRoute.allCases {
            let rows = Self.rows.filter { $0.route == route }
            #expect(rows.contains { $0.status < 300 }, "no good request for \(route)")
            #expect(rows.contains { $0.status >= 400 }, "no bad request for \(route)")
        }
        let streamRoutes: [EmulatedRoute] = [
            .openStream, .getStreamChunk, .closeStream, .updateStream, .mergeStream, .deleteStreamOlderThan,
        ]
        for route in streamRoutes {
            let rows = Self.rows.filter { $0.route == route && $0.target.hasPrefix(Self.collection) }
            #expect(rows.contains { $0.status < 300 }, "no good data-collection request for \(route)")
            #expect(rows.contains { $0.status >= 400 }, "no bad data-collection request for \(route)")
        }
    }

    @Test("every row gets its status and errorCode over a real socket")
    func everyRouteOverRawHTTP() async throws {
        let (server, service) = try LoopbackPushServer.emulator(configuration: .init(apiKey: Self.key))
        let port = server.port
        let outcomes = try await onDedicatedThread { () -> [Outcome] in
            let client = try RawHTTPClient(port: port)
            var captured: [String: String] = [:]
            var outcomes: [Outcome] = []
            for row in Self.rows {
                var target = row.target
                var body = row.body
                for (name, value) in captured {
                    target = target.replacingOccurrences(of: "{\(name)}", with: value)
                    body = body.replacingOccurrences(of: "{\(name)}", with: value)
                }
                let response = try client.request(
                    row.method, target, headers: Self.headers(row.headers, hasBody: !body.isEmpty),
                    body: Array(body.utf8))
                let text = String(decoding: response.body, as: UTF8.self)
                if let name = row.capture, response.statusCode < 300 {
                    try Self.capture(name, from: response.body, into: &captured)
                }
                outcomes.append(
                    Outcome(row: row, status: response.statusCode, errorCode: Self.errorCode(text), body: text))
            }
            return outcomes
        }
        for outcome in outcomes {
            #expect(outcome.status == outcome.row.status, "\(outcome.row): \(outcome.body)")
            #expect(outcome.errorCode == outcome.row.errorCode, "\(outcome.row): \(outcome.body)")
        }
        let logged = Set(await service.requestLog.compactMap(\.route))
        #expect(logged == Set(EmulatedRoute.allCases))
        // The good requests did their work; the bad item inside the batch was dropped, not refused.
        #expect(await service.item("file://good", organizationId: "org", sourceId: "src")?.text == "hello")
        #expect(await service.item("file://batch", organizationId: "org", sourceId: "src") != nil)
        let dropped = await service.droppedItems
        #expect(dropped.map(\.reason) == [.undecodableContent, .invalidDocumentId])
        #expect(dropped.map(\.identifier) == ["file://bomb", "not-a-uri"])
        #expect(
            await service.items(organizationId: "org", sourceId: "catalog").map(\.documentId) == ["file://streamed"])
        // The data collection's store holds what its update and merge applied, and is not a source's.
        #expect(
            await service.items(organizationId: "org", dataCollectionId: "products").map(\.documentId)
                == ["file://collected", "file://merged"])
        #expect(await service.items(organizationId: "org", sourceId: "products").isEmpty)
        #expect(await service.items(organizationId: "org", dataCollectionId: "catalog").isEmpty)
        #expect(await service.identities(provider: "prov", organizationId: "org").members.map(\.identity.name) == ["B"])
        await server.shutdown()
    }

    static func headers(_ kind: Headers, hasBody: Bool) -> [String: String] {
        switch kind {
        case .api, .wrongKey:
            var headers = ["Authorization": "Bearer \(kind == .api ? key : "other-key")"]
            if hasBody { headers["Content-Type"] = "application/json" }
            return headers
        case .upload, .uploadWithAuthorization:
            var headers = ["x-amz-server-side-encryption": "AES256", "Content-Type": "application/octet-stream"]
            if kind == .uploadWithAuthorization { headers["Authorization"] = "Bearer \(key)" }
            return headers
        }
    }

    /// Keeps `<name>.fileId` and `<name>.upload` (path and query) of a container answer, `stream` when the
    /// answer opens one, and `<name>` for the `id` of a created source.
    static func capture(_ name: String, from body: Data, into captured: inout [String: String]) throws {
        struct NotAContainer: Error {}
        let json = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        if let id = json?["id"] as? String, json?["fileId"] == nil {
            captured[name] = id
            return
        }
        guard let object = json,
            let fileId = object["fileId"] as? String, let uri = object["uploadUri"] as? String,
            let upload = URLComponents(string: uri)
        else { throw NotAContainer() }
        captured["\(name).fileId"] = fileId
        captured["\(name).upload"] = upload.percentEncodedPath + "?" + (upload.percentEncodedQuery ?? "")
        if let streamId = object["streamId"] as? String { captured[name] = streamId }
    }

    /// The `errorCode` of a Coveo JSON error, or the `Code` of an S3 XML error.
    static func errorCode(_ text: String) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            return object["errorCode"] as? String
        }
        guard let start = text.range(of: "<Code>"), let end = text.range(of: "</Code>") else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }
}
