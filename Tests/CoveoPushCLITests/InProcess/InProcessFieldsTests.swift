import CoveoPush
import CoveoPushEmulator
import Foundation
import Testing

@testable import CoveoPushCLI

/// `coveo-push fields list|sync` and `push --create-fields` / `--normalize-keys`, in-process against the emulator
/// (given as the transport of an explicit target, so the test can look into it; or built in, for denied
/// privileges).
@Suite("coveo-push fields and push --create-fields")
struct InProcessFieldsTests {
    static let organization = ["--organization", "o"]

    static func jsonl(_ folder: InProcessFolder, _ lines: [String], name: String = "docs.jsonl") throws -> String {
        try folder.write(name, lines.joined(separator: "\n") + "\n")
    }

    /// A document line with the given metadata (a JSON object's members, without braces).
    static func doc(_ index: Int, _ members: String = "") -> String {
        #"{"documentId": "https://example.com/\#(index)", "title": "Doc \#(index)""#
            + (members.isEmpty ? "" : ", " + members) + "}"
    }

    static func createRequests(_ service: InMemoryPushService) async -> [EmulatedRequest] {
        await service.requestLog.filter { $0.route == .createFields || $0.route == .createField }
    }

    static func field(_ name: String, in service: InMemoryPushService) async -> FieldDefinition? {
        await service.fields(organizationId: "o").first { $0.name == name }
    }

    @Test("fields list: one line per field and a count; --json: JSON Lines with the Field API's key names")
    func list() async throws {
        let service = InMemoryPushService()
        let text = await InProcessFixtures.run(["fields", "list"] + Self.organization, transport: service)
        #expect(text.status == .success, "\(text.out)\n\(text.err)")
        let standard = await service.fields(organizationId: "o")
        #expect(text.outLines.count == standard.count + 1, "\(text.out)")
        #expect(text.outLines.last == "\(standard.count) fields")
        #expect(text.outLines.contains { $0.hasPrefix("permanentid ") && $0.contains("STRING") }, "\(text.out)")

        let json = await InProcessFixtures.run(["fields", "list", "--json"] + Self.organization, transport: service)
        #expect(json.status == .success, "\(json.err)")
        #expect(json.outLines.count == standard.count)
        var names: [String] = []
        for line in json.outLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            names.append(try #require(object["name"] as? String))
            #expect(object["type"] is String)
            #expect(
                Set(object.keys).isSubset(of: [
                    "name", "type", "facet", "sort", "multiValueFacet", "keyValue", "includeInQuery",
                    "includeInResults",
                    "mergeWithLexicon", "description",
                ]))
        }
        #expect(names == standard.map(\.name))
        let extra = await InProcessFixtures.run(["fields", "list", "x"] + Self.organization, transport: service)
        #expect(extra.status == .usage)
        let unknown = await InProcessFixtures.run(["fields", "drop"] + Self.organization, transport: service)
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("list or sync"), "\(unknown.err)")
    }

    @Test("fields sync creates the missing fields with their types and flags, in one request, after one listing")
    func syncCreates() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(
            folder,
            [
                Self.doc(1, #""views": 3, "tags": ["a", "b"], "attrs": {"k": "v"}, "Ratio": 1, "author2": "x""#),
                Self.doc(2, #""views": 5000000000, "ratio": 2.5, "empty": [], "language": "en""#),
            ])
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(["fields", "sync", file] + Self.organization, transport: service)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(await Self.field("views", in: service)?.type == .long64)
        #expect(await Self.field("ratio", in: service)?.type == .double)
        #expect(await Self.field("author2", in: service)?.type == .string)
        let tags = try #require(await Self.field("tags", in: service))
        #expect(tags.type == .string && tags.multiValueFacet == true)
        let attrs = try #require(await Self.field("attrs", in: service))
        #expect(attrs.type == .string && attrs.keyValue == true)
        #expect(await Self.field("empty", in: service) == nil)
        #expect(run.out.contains("created: views"), "\(run.out)")
        #expect(run.outLines.last == "created 5 fields", "\(run.out)")
        let log = await service.requestLog
        #expect(log.filter { $0.route == .evaluatePrivilege }.count == 3)
        #expect(log.filter { $0.route == .searchFields || $0.route == .listFields }.count == 1)
        #expect(await Self.createRequests(service).count == 1)

        // Again: every key has its field now.
        let again = await InProcessFixtures.run(
            ["fields", "sync", "--json", file] + Self.organization, transport: service)
        #expect(again.status == .success, "\(again.out)")
        let summary = try again.summaryJSON()
        #expect((summary["fieldsToCreate"] as? [Any])?.isEmpty == true)
        #expect((summary["existingFields"] as? [String])?.contains("views") == true)
        #expect(summary["created"] as? Bool == false)
        #expect(await Self.createRequests(service).count == 1)
    }

    @Test(
        "fields sync refuses an inconsistency, a conflict, an impossible key or a bad input: exit 1, nothing created",
        arguments: [
            (#""n": 1"#, #""n": "one""#, "inconsistency: 'n': LONG in document 'https://example.com/1'"),
            (#""language": 1"#, #""ok": 1"#, "conflict: 'language' exists as STRING"),
            (#""price-EUR": 1"#, #""ok": 1"#, "no field can have: 'price-EUR'"),
            (#""ok": 1"#, "BROKEN", "failed: "),
        ])
    func syncRefuses(first: String, second: String, expected: String) async throws {
        let folder = try InProcessFolder()
        let secondLine = second == "BROKEN" ? #"{"documentId": "# : Self.doc(2, second)
        let file = try Self.jsonl(folder, [Self.doc(1, first), secondLine, Self.doc(3, #""fresh": "x""#)])
        let service = InMemoryPushService()
        let before = await service.fields(organizationId: "o")
        let run = await InProcessFixtures.run(["fields", "sync", file] + Self.organization, transport: service)
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        #expect(run.out.contains(expected), "\(run.out)")
        #expect(run.out.contains("to create: fresh"), "\(run.out)")
        #expect(run.outLines.last?.hasPrefix("nothing created") == true, "\(run.out)")
        #expect(await service.fields(organizationId: "o") == before)
        #expect(await Self.createRequests(service).isEmpty)
    }

    @Test("fields sync --json lists inconsistencies, conflicts and keys with the API's type names")
    func syncJSON() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(
            folder, [Self.doc(1, #""n": 1, "language": 2, "2nd": "x""#), Self.doc(2, #""n": true"#)])
        let run = await InProcessFixtures.run(
            ["fields", "sync", "--json", file] + Self.organization, transport: InMemoryPushService())
        #expect(run.status == .partialFailure)
        let summary = try run.summaryJSON()
        #expect(summary["exitStatus"] as? Int == 1)
        let inconsistency = try #require((summary["inconsistencies"] as? [[String: Any]])?.first)
        #expect(inconsistency["name"] as? String == "n")
        #expect(inconsistency["firstType"] as? String == "LONG")
        #expect(inconsistency["secondType"] as? String == "STRING")
        #expect(inconsistency["secondDocumentId"] as? String == "https://example.com/2")
        let conflict = try #require((summary["conflicts"] as? [[String: Any]])?.first)
        #expect(conflict["name"] as? String == "language")
        #expect(conflict["existingType"] as? String == "STRING" && conflict["neededType"] as? String == "LONG")
        let key = try #require((summary["unmappableKeys"] as? [[String: Any]])?.first)
        #expect(key["key"] as? String == "2nd" && key["reason"] as? String == "invalidName")
    }

    @Test("fields sync --dry-run sends reads only: the privilege evaluations and one listing")
    func syncDryRun() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, [Self.doc(1, #""views": 3, "color": "red""#)])
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["fields", "sync", "--dry-run", file] + Self.organization, transport: service)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(run.out.contains("to create: color"), "\(run.out)")
        #expect(run.outLines.last?.hasPrefix("--dry-run: nothing created; only reads were sent") == true)
        let routes = await service.requestLog.map(\.route)
        #expect(routes.count == 4, "\(routes)")
        #expect(routes.allSatisfy { $0 == .evaluatePrivilege || $0 == .searchFields || $0 == .listFields })
        #expect(await Self.field("color", in: service) == nil)
    }

    @Test("fields sync and push --create-fields check the fields privileges first: a missing one exits 3, named")
    func privilegeDenied() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, [Self.doc(1, #""color": "red""#)])
        let sync = await InProcessFixtures.run(
            ["fields", "sync", "--emulator-deny-privilege", "FIELD:CREATE", file], variables: [:])
        #expect(sync.status == .authentication, "\(sync.out)\n\(sync.err)")
        #expect(sync.out.contains("missing privilege: FIELD:CREATE (needed by fields)"), "\(sync.out)")
        let push = await InProcessFixtures.run(
            ["push", "--create-fields", "--emulator-deny-privilege", "FIELD:CREATE", file], variables: [:])
        #expect(push.status == .authentication, "\(push.out)\n\(push.err)")
        #expect(push.err.contains("FIELD:CREATE"), "\(push.err)")
        #expect(push.out.contains("The emulator now holds 0 items"), "\(push.out)")

        var configuration = InMemoryPushService.Configuration()
        configuration.deniedPrivileges = [try #require(EmulatedPrivilege("FIELD:VIEW"))]
        let service = InMemoryPushService(configuration: configuration)
        let targeted = await InProcessFixtures.run(
            ["push", "--create-fields"] + InProcessFixtures.target + [file], transport: service)
        #expect(targeted.status == .authentication)
        #expect(targeted.err.contains("FIELD:VIEW"), "\(targeted.err)")
        let log = await service.requestLog
        #expect(log.allSatisfy { $0.route == .evaluatePrivilege }, "\(log)")
    }

    @Test("push --create-fields creates each new key's field before the batch that carries it, one request per chunk")
    func pushCreatesBeforeBatches() async throws {
        let folder = try InProcessFolder()
        // 600 documents: "alpha" from the first, "beta" from the 400th (the second hand-off chunk), "gamma" from
        // the 550th (the third); small batches, so many batches come before and after each new key.
        let padding = String(repeating: "x", count: 200)
        var lines: [String] = []
        for index in 1...600 {
            var members = #""alpha": \#(index), "body": "\#(padding)""#
            if index >= 400 { members += #", "beta": "b\#(index)""# }
            if index >= 550 { members += #", "gamma": [\#(index), 1]"# }
            lines.append(Self.doc(index, members))
        }
        let file = try Self.jsonl(folder, lines)
        let recorder = InProcessRecorder()
        let run = await InProcessFixtures.run(
            ["push", "--create-fields", "--batch-size", "20000", "--no-progress"] + InProcessFixtures.target + [file],
            transport: recorder)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(run.out.contains("--create-fields: created 4 fields (3 requests)"), "\(run.out)")
        let service = recorder.service
        #expect(await Self.field("alpha", in: service)?.type == .long)
        #expect(await Self.field("beta", in: service)?.type == .string)
        #expect(await Self.field("gamma", in: service)?.type == .long)
        #expect(await service.unmappedMetadataKeys(organizationId: "o").isEmpty)
        #expect(await service.items(organizationId: "o", sourceId: "s").count == 600)

        // In the order sent: each key's field is created before the first upload holding that key.
        let requests = await recorder.requests
        func firstIndex(_ predicate: (TransportRequest, String) -> Bool) -> Int? {
            requests.firstIndex { predicate($0.request, String(decoding: $0.body ?? Data(), as: UTF8.self)) }
        }
        let uploads = requests.filter { $0.request.method == .put }.count
        #expect(uploads > 5, "expected many batches, got \(uploads)")
        for key in ["alpha", "beta", "gamma"] {
            let created = try #require(
                firstIndex { request, body in request.url.path.hasSuffix("/batch/create") && body.contains("\"\(key)\"")
                })
            let uploaded = try #require(
                firstIndex { request, body in request.method == .put && body.contains("\"\(key)\"") })
            #expect(created < uploaded, "\(key): created at \(created), first uploaded at \(uploaded)")
        }
        let listings = requests.filter { $0.request.url.path.hasSuffix("/indexes/fields/search") }
        #expect(listings.count == 1)
    }

    @Test("push --create-fields --dry-run: no privilege check; the listing and creations printed, none sent")
    func pushDryRun() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(folder, [Self.doc(1, #""views": 3, "color": "red""#)])
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["push", "--create-fields", "--dry-run"] + InProcessFixtures.target + [file], transport: service)
        #expect(run.status == .success, "\(run.out)\n\(run.err)")
        #expect(run.out.contains("/indexes/fields/search"), "\(run.out)")
        #expect(run.out.contains(#""body":[{"name":"color","type":"STRING"},{"name":"views","type":"LONG"}]"#))
        #expect(run.out.contains("--create-fields (--dry-run): would create 2 fields (1 request)"), "\(run.out)")
        #expect(!run.out.contains("privilege/evaluate"))
        #expect(await service.requestLog.isEmpty)
    }

    @Test(
        "push --create-fields: a conflict found mid-stream is listed, its field not changed, documents pushed, exit 1")
    func pushMidStreamConflict() async throws {
        let folder = try InProcessFolder()
        var lines = (1...300).map { Self.doc($0, #""count": \#($0), "mixed": 1"#) }
        lines[1] = Self.doc(2, #""count": 2, "mixed": "two""#)  // same chunk as the first: no field for "mixed"
        lines.append(Self.doc(301, #""count": "many""#))  // after "count" was created as LONG
        lines.append(Self.doc(302, #""language": 5"#))  // an existing STRING field
        let file = try Self.jsonl(folder, lines)
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["push", "--create-fields", "--json", "--no-progress"] + InProcessFixtures.target + [file],
            transport: service)
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        let summary = try run.summaryJSON()
        #expect(summary["accepted"] as? Int == 302)
        #expect(summary["exitStatus"] as? Int == 1)
        let notes = try #require(summary["notes"] as? [String])
        #expect(
            notes.contains(
                "field conflict: 'count' exists as LONG; document 'https://example.com/301' needs STRING; "
                    + "the field was not changed"), "\(notes)")
        #expect(notes.contains { $0.hasPrefix("field conflict: 'language' exists as STRING") }, "\(notes)")
        #expect(notes.contains { $0.hasPrefix("field inconsistency: 'mixed'") }, "\(notes)")
        #expect(await Self.field("count", in: service)?.type == .long)
        #expect(await Self.field("mixed", in: service) == nil)
        #expect(await Self.field("language", in: service)?.type == .string)
    }

    @Test("--normalize-keys on push: keys rewritten; a collision skips that document (exit 1, both keys named)")
    func pushNormalizes() async throws {
        let folder = try InProcessFolder()
        let file = try Self.jsonl(
            folder,
            [
                Self.doc(1, #""Product Name": "chair", "price-EUR": 10"#),
                Self.doc(2, #""Product Name": "desk", "product_name": "table""#),
                Self.doc(3, #""2nd Author": "me""#),
            ])
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["push", "--normalize-keys", "snake_case", "--create-fields"] + InProcessFixtures.target + [file],
            transport: service)
        #expect(run.status == .partialFailure, "\(run.out)\n\(run.err)")
        #expect(
            run.out.contains(
                "failed: \(file):2: https://example.com/2: --normalize-keys snake_case: "), "\(run.out)")
        #expect(run.out.contains("'Product Name' and 'product_name'"), "\(run.out)")
        let first = try #require(await service.item("https://example.com/1", organizationId: "o", sourceId: "s"))
        #expect(first.metadata["product_name"] != nil && first.metadata["price_eur"] != nil, "\(first.metadata)")
        #expect(await service.item("https://example.com/2", organizationId: "o", sourceId: "s") == nil)
        let third = try #require(await service.item("https://example.com/3", organizationId: "o", sourceId: "s"))
        #expect(third.metadata["nd_author"] != nil, "\(third.metadata)")
        #expect(await Self.field("product_name", in: service)?.type == .string)
        #expect(await Self.field("price_eur", in: service)?.type == .long)

        // Without --create-fields, keys are still normalised; lowercase drops what is not a letter or digit.
        let plain = InMemoryPushService()
        let lower = await InProcessFixtures.run(
            ["push", "--normalize-keys", "lowercase"] + InProcessFixtures.target + [file], transport: plain)
        #expect(lower.status == .partialFailure)
        let item = try #require(await plain.item("https://example.com/1", organizationId: "o", sourceId: "s"))
        #expect(item.metadata["productname"] != nil && item.metadata["priceeur"] != nil, "\(item.metadata)")
        #expect(await Self.createRequests(plain).isEmpty)
        let bad = await InProcessFixtures.run(
            ["push", "--normalize-keys", "camel"] + InProcessFixtures.target + [file], transport: plain)
        #expect(bad.status == .usage)
        #expect(bad.err.contains("--normalize-keys must be one of lowercase, snake_case"), "\(bad.err)")
    }

    @Test("fields sync --normalize-keys analyses the normalised keys; a collision refuses the sync")
    func syncNormalizes() async throws {
        let folder = try InProcessFolder()
        let clean = try Self.jsonl(folder, [Self.doc(1, #""Product Name": "chair""#)], name: "clean.jsonl")
        let service = InMemoryPushService()
        let run = await InProcessFixtures.run(
            ["fields", "sync", "--normalize-keys", "snake_case", clean] + Self.organization, transport: service)
        #expect(run.status == .success, "\(run.out)")
        #expect(await Self.field("product_name", in: service)?.type == .string)
        let colliding = try Self.jsonl(folder, [Self.doc(1, #""A-B": 1, "a_b": 2, "c": 1"#)], name: "collide.jsonl")
        let refused = await InProcessFixtures.run(
            ["fields", "sync", "--normalize-keys", "snake_case", colliding] + Self.organization, transport: service)
        #expect(refused.status == .partialFailure, "\(refused.out)")
        #expect(refused.out.contains("'A-B' and 'a_b'"), "\(refused.out)")
        #expect(await Self.field("c", in: service) == nil)
    }
}
